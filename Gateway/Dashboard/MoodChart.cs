using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Buddy.Domain.Summaries;
using Microsoft.AspNetCore.Html;

namespace Buddy.Gateway.Dashboard;

/// <summary>
/// Draws the daily mood as an inline SVG on the server: no script, prints cleanly, and readable by screen readers
/// through its title and description (the page also shows the same numbers as a table). Days without a score
/// break the line, so a gap is visible as a gap and never drawn as a zero.
/// </summary>
public static class MoodChart
{
    private const int Width = 720;
    private const int Height = 220;
    private const int Left = 36;
    private const int Right = 12;
    private const int Top = 12;
    private const int Bottom = 28;

    public static IHtmlContent Render(IReadOnlyList<MoodDay> days, string titleId, string description)
    {
        var svg = new StringBuilder(4096 + (days.Count * 96));
        var encoder = HtmlEncoder.Default;
        svg.Append(CultureInfo.InvariantCulture, $"""<svg class="buddy-chart" viewBox="0 0 {Width} {Height}" role="img" aria-labelledby="{titleId} {titleId}-desc" preserveAspectRatio="xMidYMid meet" xmlns="http://www.w3.org/2000/svg">""");
        svg.Append(CultureInfo.InvariantCulture, $"""<title id="{titleId}">Daily mood, 0 to 10</title><desc id="{titleId}-desc">{encoder.Encode(description)}</desc>""");

        // Horizontal grid with the 0-10 axis.
        foreach (var value in new[] { 0, 2.5, 5, 7.5, 10 })
        {
            var y = Y(value);
            svg.Append(CultureInfo.InvariantCulture, $"""<line class="buddy-chart__grid" x1="{Left}" y1="{y:0.#}" x2="{Width - Right}" y2="{y:0.#}"/>""");
            if (value % 5 == 0)
            {
                svg.Append(CultureInfo.InvariantCulture, $"""<text class="buddy-chart__label" x="{Left - 6}" y="{y + 4:0.#}" text-anchor="end">{value:0}</text>""");
            }
        }

        // Date labels: first, last and about six between.
        var step = Math.Max(1, (int)Math.Ceiling(days.Count / 7.0));
        for (var i = 0; i < days.Count; i++)
        {
            if (i % step == 0 || i == days.Count - 1)
            {
                if (i == days.Count - 1 && i % step != 0 && (i % step) < step / 2)
                {
                    continue; // too close to the previous label to read
                }

                var anchor = i == 0 ? "start" : i == days.Count - 1 ? "end" : "middle";
                svg.Append(CultureInfo.InvariantCulture, $"""<text class="buddy-chart__label" x="{X(i, days.Count):0.#}" y="{Height - 8}" text-anchor="{anchor}">{LocalDisplay.ShortDate(days[i].Date)}</text>""");
            }
        }

        // One path per run of consecutive scored days; a missing day ends the run.
        var path = new StringBuilder();
        var runLength = 0;
        for (var i = 0; i <= days.Count; i++)
        {
            var value = i < days.Count ? days[i].TenPoint : null;
            if (value is { } v)
            {
                path.Append(runLength == 0 ? 'M' : 'L').Append(CultureInfo.InvariantCulture, $"{X(i, days.Count):0.#},{Y(v):0.#} ");
                runLength++;
            }
            else if (runLength > 0)
            {
                if (runLength > 1)
                {
                    svg.Append(CultureInfo.InvariantCulture, $"""<path class="buddy-chart__line" d="{path.ToString().TrimEnd()}"/>""");
                }

                path.Clear();
                runLength = 0;
            }
        }

        // Every scored day also gets a point, so a single day between gaps is still visible.
        var pointRadius = days.Count > 120 ? 1.5 : 3.5;
        for (var i = 0; i < days.Count; i++)
        {
            if (days[i].TenPoint is { } v)
            {
                svg.Append(CultureInfo.InvariantCulture, $"""<circle class="buddy-chart__point" cx="{X(i, days.Count):0.#}" cy="{Y(v):0.#}" r="{pointRadius:0.#}"/>""");
            }
        }

        svg.Append("</svg>");
        return new HtmlString(svg.ToString());
    }

    /// <summary>"Mood was scored on 12 of 14 days, from 2 to 7 (0-10)."</summary>
    public static string Describe(SessionSummary summary)
    {
        var scored = summary.Mood.Where(d => d.TenPoint is not null).ToList();
        if (scored.Count == 0)
        {
            return $"No mood scores between {LocalDisplay.Date(summary.Period.From)} and {LocalDisplay.Date(summary.Period.To)}.";
        }

        return string.Create(CultureInfo.InvariantCulture,
            $"Mood was scored on {scored.Count} of {summary.Mood.Count} days between {LocalDisplay.Date(summary.Period.From)} and {LocalDisplay.Date(summary.Period.To)}, " +
            $"from {scored.Min(d => d.TenPoint):0.#} to {scored.Max(d => d.TenPoint):0.#} on a 0 to 10 scale. Days without a score are gaps in the line.");
    }

    private static double X(int index, int count) =>
        count <= 1 ? Left + ((Width - Left - Right) / 2.0) : Left + (index * (Width - Left - Right) / (double)(count - 1));

    private static double Y(double tenPoint) => Top + ((10 - tenPoint) * (Height - Top - Bottom) / 10.0);
}
