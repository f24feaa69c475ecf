using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Buddy.Domain.Questionnaires;
using Microsoft.AspNetCore.Html;

namespace Buddy.Gateway.Dashboard;

/// <summary>
/// One questionnaire's scores over time as a small inline SVG, drawn on the server like the mood chart: the
/// published severity bands as labelled lines, a point per completed questionnaire (spaced by date) and a ring
/// around any whose risk item was answered above 0. The page shows the same scores as a table.
/// </summary>
public static class QuestionnaireChart
{
    private const int Width = 720;
    private const int Height = 180;
    private const int Left = 36;
    private const int Right = 132;
    private const int Top = 10;
    private const int Bottom = 26;

    public static IHtmlContent Render(ScoreTrend trend, string titleId, string timeZoneId)
    {
        var definition = QuestionnaireDefinitions.For(trend.Kind);
        var max = definition.MaxScore;
        var points = trend.Points;
        var svg = new StringBuilder(2048 + (points.Count * 160));
        var encoder = HtmlEncoder.Default;
        svg.Append(CultureInfo.InvariantCulture, $"""<svg class="buddy-chart buddy-chart--scores" viewBox="0 0 {Width} {Height}" role="img" aria-labelledby="{titleId} {titleId}-desc" preserveAspectRatio="xMidYMid meet" xmlns="http://www.w3.org/2000/svg">""");
        svg.Append(CultureInfo.InvariantCulture, $"""<title id="{titleId}">{definition.Name} scores over time, 0 to {max}</title><desc id="{titleId}-desc">{encoder.Encode(Describe(trend, timeZoneId))}</desc>""");

        // Each band's lower edge as a line, labelled with the band on the right.
        foreach (var band in definition.Bands)
        {
            var y = Y(band.Min, max);
            svg.Append(CultureInfo.InvariantCulture, $"""<line class="buddy-chart__grid" x1="{Left}" y1="{y:0.#}" x2="{Width - Right}" y2="{y:0.#}"/>""");
            svg.Append(CultureInfo.InvariantCulture, $"""<text class="buddy-chart__label" x="{Left - 6}" y="{y + 4:0.#}" text-anchor="end">{band.Min}</text>""");
            var middle = Y((band.Min + band.Max) / 2.0, max);
            svg.Append(CultureInfo.InvariantCulture, $"""<text class="buddy-chart__label" x="{Width - Right + 6}" y="{middle + 4:0.#}">{encoder.Encode(band.Severity.Label())} {band.Min}–{band.Max}</text>""");
        }

        if (points.Count > 0)
        {
            var first = points[0].CompletedAtUtc;
            var span = (points[^1].CompletedAtUtc - first).TotalDays;
            double X(ScorePoint p) => span <= 0 ? Left + ((Width - Left - Right) / 2.0) : Left + ((p.CompletedAtUtc - first).TotalDays * (Width - Left - Right) / span);

            if (points.Count > 1)
            {
                svg.Append("""<path class="buddy-chart__line" d="M""");
                for (var i = 0; i < points.Count; i++)
                {
                    svg.Append(CultureInfo.InvariantCulture, $"{(i == 0 ? "" : " L")}{X(points[i]):0.#},{Y(points[i].Total, max):0.#}");
                }

                svg.Append("\"/>");
            }

            foreach (var point in points)
            {
                var (x, y) = (X(point), Y(point.Total, max));
                svg.Append(CultureInfo.InvariantCulture, $"""<circle class="buddy-chart__point" cx="{x:0.#}" cy="{y:0.#}" r="3.5"/>""");
                if (point.RiskFlagged)
                {
                    svg.Append(CultureInfo.InvariantCulture, $"""<circle class="buddy-chart__risk" cx="{x:0.#}" cy="{y:0.#}" r="7"/>""");
                }
            }

            var firstLabel = LocalDisplay.ShortDate(Buddy.Domain.Time.LocalTimes.LocalDate(first, timeZoneId));
            svg.Append(CultureInfo.InvariantCulture, $"""<text class="buddy-chart__label" x="{Left}" y="{Height - 6}" text-anchor="start">{firstLabel}</text>""");
            if (points.Count > 1)
            {
                var lastLabel = LocalDisplay.ShortDate(Buddy.Domain.Time.LocalTimes.LocalDate(points[^1].CompletedAtUtc, timeZoneId));
                svg.Append(CultureInfo.InvariantCulture, $"""<text class="buddy-chart__label" x="{Width - Right}" y="{Height - 6}" text-anchor="end">{lastLabel}</text>""");
            }
        }

        svg.Append("</svg>");
        return new HtmlString(svg.ToString());
    }

    /// <summary>"3 PHQ-9 scores, from 14 (Moderate) on 2 Nov to 9 (Mild) on 16 Nov; item 9 answered above 0 once."</summary>
    public static string Describe(ScoreTrend trend, string timeZoneId)
    {
        var name = QuestionnaireDefinitions.For(trend.Kind).Name;
        if (trend.Points.Count == 0)
        {
            return $"No {name} scores yet.";
        }

        string Point(ScorePoint p) =>
            $"{p.Total} ({p.Severity.Label()}) on {LocalDisplay.ShortDate(Buddy.Domain.Time.LocalTimes.LocalDate(p.CompletedAtUtc, timeZoneId))}";
        var flagged = trend.Points.Count(p => p.RiskFlagged);
        var risk = flagged == 0 ? "" : $"; the risk item was answered above 0 {(flagged == 1 ? "once" : $"{flagged} times")}";
        return trend.Points.Count == 1
            ? $"One {name} score: {Point(trend.Points[0])}{risk}."
            : $"{trend.Points.Count} {name} scores, from {Point(trend.Points[0])} to {Point(trend.Points[^1])}{risk}.";
    }

    /// <summary>"Reliably improved: down 6 since the first score" and the like, as services report it.</summary>
    public static string TrendText(ScoreTrend trend) => trend.Direction switch
    {
        TrendDirection.ReliablyImproved => $"Reliably improved: down {-trend.Change} since the first score",
        TrendDirection.ReliablyDeteriorated => $"Reliably worse: up {trend.Change} since the first score",
        TrendDirection.NoReliableChange => $"No reliable change: {(trend.Change >= 0 ? "up" : "down")} {Math.Abs(trend.Change ?? 0)} since the first score (reliable change is {QuestionnaireDefinitions.For(trend.Kind).ReliableChange} or more)",
        _ => "One score so far: no trend yet",
    };

    private static double Y(double score, int max) => Top + ((max - score) * (Height - Top - Bottom) / max);
}
