using Buddy.Domain.Summaries;

namespace Buddy.Gateway.Dashboard;

/// <summary>The summary's figures said plainly: the trend (or why there is none) and the check-ins with no reply.</summary>
public static class SummaryWords
{
    public static string Trend(SessionSummary summary)
    {
        var previous = $"the previous {summary.Period.Days} {Days(summary.Period.Days)}";
        return summary.Trend switch
        {
            MoodTrend.Improving => $"Improving: up {LocalDisplay.Number(summary.TrendDelta)} on {previous} (average {LocalDisplay.Number(summary.PreviousAverage)})",
            MoodTrend.Worsening => $"Worsening: down {LocalDisplay.Number(-summary.TrendDelta)} on {previous} (average {LocalDisplay.Number(summary.PreviousAverage)})",
            MoodTrend.Steady => $"Steady compared with {previous} (average {LocalDisplay.Number(summary.PreviousAverage)})",
            _ => $"Not enough scores to show a trend: {summary.ScoredDays} {Days(summary.ScoredDays)} with a score in this period and " +
                 $"{summary.PreviousScoredDays} in {previous}. A trend needs at least {summary.MinimumTrendScores} in each.",
        };
    }

    /// <summary>"None", "One, on Tue 2 Dec" or "3, on Mon 1 Dec, Tue 2 Dec and Thu 4 Dec".</summary>
    public static string UnansweredCheckIns(IReadOnlyList<DateOnly> days)
    {
        if (days.Count == 0)
        {
            return "None";
        }

        var dates = days.Select(LocalDisplay.DayAndDate).ToList();
        var list = dates.Count == 1 ? dates[0] : $"{string.Join(", ", dates[..^1])} and {dates[^1]}";
        return $"{(days.Count == 1 ? "One" : days.Count.ToString(System.Globalization.CultureInfo.InvariantCulture))}, on {list}";
    }

    private static string Days(int count) => count == 1 ? "day" : "days";
}
