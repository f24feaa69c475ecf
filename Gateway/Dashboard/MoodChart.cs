using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Buddy.Domain.Summaries;
using Microsoft.AspNetCore.Html;

namespace Buddy.Gateway.Dashboard;

/// <summary>
/// Draws the daily mood as an inline SVG on the server: no script, prints cleanly, and readable by screen readers
/// through its title and description (the page also shows the same numbers as a table). Days without a score
/// break the line, so a gap is visible as a gap and never drawn as a zero. An SVG scales its text with its width,
/// so a phone gets its own narrower drawing (CSS shows one or the other): the wide one's 12-unit labels would be
/// about 5 pixels tall on a 390-pixel screen, the narrow one's stay 11 pixels or more down to 320.
/// </summary>
public static class MoodChart
{
    /// <summary>The drawing's size in SVG units and how many date labels fit along it.</summary>
    private sealed record Layout(int Width, int Height, int Left, int Right, int Top, int Bottom, int DateLabels);

    private static readonly Layout s_wide = new(720, 220, 36, 12, 12, 28, 7);
    private static readonly Layout s_narrow = new(320, 240, 30, 10, 12, 30, 3);

    public static IHtmlContent Render(IReadOnlyList<MoodDay> days, string titleId, string description) =>
        new HtmlString(Draw(days, titleId, description, s_wide, "buddy-chart buddy-chart--wide") +
                       Draw(days, titleId + "-narrow", description, s_narrow, "buddy-chart buddy-chart--narrow"));

    private static string Draw(IReadOnlyList<MoodDay> days, string titleId, string description, Layout layout, string cssClass)
    {
        var (width, height, left, right, top, bottom) = (layout.Width, layout.Height, layout.Left, layout.Right, layout.Top, layout.Bottom);
        double X(int index, int count) =>
            count <= 1 ? left + ((width - left - right) / 2.0) : left + (index * (width - left - right) / (double)(count - 1));
        double Y(double tenPoint) => top + ((10 - tenPoint) * (height - top - bottom) / 10.0);

        var svg = new StringBuilder(4096 + (days.Count * 96));
        var encoder = HtmlEncoder.Default;
        svg.Append(CultureInfo.InvariantCulture, $"""<svg class="{cssClass}" viewBox="0 0 {width} {height}" role="img" aria-labelledby="{titleId} {titleId}-desc" preserveAspectRatio="xMidYMid meet" xmlns="http://www.w3.org/2000/svg">""");
        svg.Append(CultureInfo.InvariantCulture, $"""<title id="{titleId}">Daily mood, 0 to 10</title><desc id="{titleId}-desc">{encoder.Encode(description)}</desc>""");

        // Horizontal grid with the 0-10 axis.
        foreach (var value in new[] { 0, 2.5, 5, 7.5, 10 })
        {
            var y = Y(value);
            svg.Append(CultureInfo.InvariantCulture, $"""<line class="buddy-chart__grid" x1="{left}" y1="{y:0.#}" x2="{width - right}" y2="{y:0.#}"/>""");
            if (value % 5 == 0)
            {
                svg.Append(CultureInfo.InvariantCulture, $"""<text class="buddy-chart__label" x="{left - 6}" y="{y + 4:0.#}" text-anchor="end">{value:0}</text>""");
            }
        }

        // Date labels: first, last and a few between (about seven on the wide drawing, three on the narrow).
        var step = Math.Max(1, (int)Math.Ceiling(days.Count / (double)layout.DateLabels));
        for (var i = 0; i < days.Count; i++)
        {
            if (i % step == 0 || i == days.Count - 1)
            {
                if (i == days.Count - 1 && i % step != 0 && (i % step) < step / 2)
                {
                    continue; // too close to the previous label to read
                }

                var anchor = i == 0 ? "start" : i == days.Count - 1 ? "end" : "middle";
                svg.Append(CultureInfo.InvariantCulture, $"""<text class="buddy-chart__label" x="{X(i, days.Count):0.#}" y="{height - 8}" text-anchor="{anchor}">{LocalDisplay.ShortDate(days[i].Date)}</text>""");
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
        var pointRadius = days.Count * 5 > width - left - right ? 1.5 : 3.5;
        for (var i = 0; i < days.Count; i++)
        {
            if (days[i].TenPoint is { } v)
            {
                svg.Append(CultureInfo.InvariantCulture, $"""<circle class="buddy-chart__point" cx="{X(i, days.Count):0.#}" cy="{Y(v):0.#}" r="{pointRadius:0.#}"/>""");
            }
        }

        svg.Append("</svg>");
        return svg.ToString();
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
}
