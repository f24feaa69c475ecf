using Buddy.Domain.Diary;
using Buddy.Domain.Organisations;
using Buddy.Domain.Safeguarding;
using Buddy.Domain.Time;

namespace Buddy.Domain.Summaries;

/// <summary>
/// Builds the pre-session summary from diary entries, check-ins and alerts. Pure: the same input always gives
/// the same summary. Scores on different scales are compared on the 0-10 scale and shown in their own.
/// </summary>
public static class SummaryBuilder
{
    /// <summary>A change of less than half a point (0-10) between periods is "steady", not a trend.</summary>
    public const double SteadyBand = 0.5;

    public static SessionSummary Build(SummaryInput input)
    {
        var period = input.Period;
        var daily = DailyMood(input.Entries);
        var periodValues = ValuesIn(daily, period);
        var previousValues = ValuesIn(daily, period.Previous());
        var statsScale = StatsScale(input.Entries.Where(e => period.Contains(e.LocalDate) && e.MoodScore is not null).Select(e => e.MoodScale));

        double? Shown(double? tenPoint) => tenPoint is { } v ? MoodLevels.FromTenPointScale(statsScale, v) : null;

        var average = Mean(periodValues);
        var previousAverage = Mean(previousValues);
        var trend = MoodTrend.Unknown;
        double? trendDelta = null;

        // Two scores either side are not a trend ("Improving: up 0.8" from one good day): each period needs enough days.
        if (average is { } now && previousAverage is { } before
            && periodValues.Count >= input.MinimumTrendScores && previousValues.Count >= input.MinimumTrendScores)
        {
            var delta = now - before;
            trend = Math.Abs(delta) < SteadyBand ? MoodTrend.Steady : delta > 0 ? MoodTrend.Improving : MoodTrend.Worsening;
            trendDelta = delta * (statsScale.Maximum() - statsScale.Minimum()) / 10.0;
        }

        var replies = ReplyCounts.For(input.CheckIns, period, input.Today);
        var periodEntries = input.Entries.Where(e => period.Contains(e.LocalDate)).OrderBy(e => e.LocalDate).ThenBy(e => e.CreatedAtUtc).ToList();
        var rawReplies = input.Replies.Where(r => r.DiaryEntryId is not null).OrderBy(r => r.ReceivedAtUtc).ToLookup(r => r.DiaryEntryId!.Value);

        return new SessionSummary
        {
            Period = period,
            Mood = [.. period.Dates().Select(d => daily.TryGetValue(d, out var day) ? day : new MoodDay(d, null, null))],
            StatsScale = statsScale,
            Average = Shown(average),
            Low = Shown(periodValues.Count == 0 ? null : periodValues.Min()),
            High = Shown(periodValues.Count == 0 ? null : periodValues.Max()),
            PreviousAverage = Shown(previousAverage),
            TrendDelta = trendDelta,
            Trend = trend,
            ScoredDays = periodValues.Count,
            PreviousScoredDays = previousValues.Count,
            MinimumTrendScores = input.MinimumTrendScores,
            Replies = replies,
            RecurringTags = RecurringTags(periodEntries),
            NotableEvents = NotableEvents(input, daily, periodEntries),
            Deterioration = Deterioration(input, daily, average),
            Diary = [.. periodEntries.Select(e => new DiaryLine(
                e,
                e.MoodScore is { } score ? MoodLevels.Display(e.MoodScale, score) : null,
                [.. rawReplies[e.Id]]))],
        };
    }

    /// <summary>One value per scored day (0-10): several scored entries on one day count once, as their mean.</summary>
    private static Dictionary<DateOnly, MoodDay> DailyMood(IEnumerable<DiaryEntry> entries) =>
        entries.Where(e => e.MoodScore is not null)
            .GroupBy(e => e.LocalDate)
            .ToDictionary(
                g => g.Key,
                g => new MoodDay(
                    g.Key,
                    g.Average(e => e.MoodScale.ToTenPointScale(e.MoodScore!.Value)),
                    string.Join(", ", g.OrderBy(e => e.CreatedAtUtc).Select(e => MoodLevels.Display(e.MoodScale, e.MoodScore!.Value)))));

    private static List<double> ValuesIn(Dictionary<DateOnly, MoodDay> daily, DateRange range) =>
        [.. daily.Values.Where(d => range.Contains(d.Date)).Select(d => d.TenPoint!.Value)];

    private static double? Mean(List<double> values) => values.Count == 0 ? null : values.Average();

    private static MoodScale StatsScale(IEnumerable<MoodScale> scales)
    {
        var distinct = scales.Distinct().ToList();
        return distinct.Count == 1 ? distinct[0] : MoodScale.ZeroToTen;
    }

    private static List<TagCount> RecurringTags(IEnumerable<DiaryEntry> entries) =>
        [.. entries.SelectMany(e => e.Tags.Select(t => t.Trim().ToLowerInvariant()).Where(t => t.Length > 0).Distinct())
            .GroupBy(t => t)
            .Where(g => g.Count() >= 2)
            .Select(g => new TagCount(g.Key, g.Count()))
            .OrderByDescending(t => t.Count)
            .ThenBy(t => t.Tag, StringComparer.Ordinal)];

    private static List<NotableEvent> NotableEvents(SummaryInput input, Dictionary<DateOnly, MoodDay> daily, List<DiaryEntry> periodEntries)
    {
        var events = new List<NotableEvent>();
        var days = daily.Values.Where(d => input.Period.Contains(d.Date)).OrderBy(d => d.Date).ToList();
        if (days.Count >= 2 && days.Min(d => d.TenPoint) < days.Max(d => d.TenPoint))
        {
            var lowest = days.MinBy(d => d.TenPoint)!;
            var highest = days.MaxBy(d => d.TenPoint)!;
            events.Add(DayEvent(lowest, NotableKind.LowestMood, "Lowest mood", periodEntries));
            events.Add(DayEvent(highest, NotableKind.HighestMood, "Highest mood", periodEntries));
        }

        events.AddRange(periodEntries.Where(e => e.RiskLevel > RiskLevel.None).Select(e => new NotableEvent(
            e.LocalDate, NotableKind.RiskFlag, $"{RiskFlag(e)} in reply: {e.EventText}", e.Id)));

        events.AddRange(input.Alerts
            .Select(a => (Alert: a, Date: LocalTimes.LocalDate(a.CreatedAtUtc, input.TimeZoneId)))
            .Where(a => input.Period.Contains(a.Date))
            .Select(a => new NotableEvent(a.Date, NotableKind.Alert, $"{AlertWords.Kind(a.Alert.Kind)}: {a.Alert.Summary}", a.Alert.DiaryEntryId)));

        return [.. events.OrderBy(e => e.Date).ThenBy(e => e.Kind)];
    }

    /// <summary>"Urgent risk (risk to themselves)", "Review risk".</summary>
    private static string RiskFlag(DiaryEntry entry) =>
        RiskWords.Subjects(entry.RiskSubjects) is { Length: > 0 } who ? $"{RiskWords.Tier(entry.RiskLevel)} risk ({who.ToLowerInvariant()})" : $"{RiskWords.Tier(entry.RiskLevel)} risk";

    private static NotableEvent DayEvent(MoodDay day, NotableKind kind, string label, List<DiaryEntry> periodEntries)
    {
        var entry = periodEntries.FirstOrDefault(e => e.LocalDate == day.Date && e.MoodScore is not null);
        var what = string.Join(" ", periodEntries.Where(e => e.LocalDate == day.Date && e.EventText.Length > 0).Select(e => e.EventText));
        return new NotableEvent(day.Date, kind, what.Length == 0 ? $"{label} ({day.Display})" : $"{label} ({day.Display}): {what}", entry?.Id);
    }

    private static Deterioration Deterioration(SummaryInput input, Dictionary<DateOnly, MoodDay> daily, double? periodAverage)
    {
        var baselineRange = new DateRange(input.Period.From.AddDays(-input.BaselineDays), input.Period.From.AddDays(-1));
        var baseline = ValuesIn(daily, baselineRange);
        var periodCount = ValuesIn(daily, input.Period).Count;
        var scale = input.OrganisationScale;
        if (baseline.Count < input.MinimumBaselineScores || periodCount < input.MinimumPeriodScores || periodAverage is null)
        {
            return new Deterioration(
                baseline.Count == 0 ? null : MoodLevels.FromTenPointScale(scale, baseline.Average()),
                periodAverage is { } p ? MoodLevels.FromTenPointScale(scale, p) : null,
                null,
                input.DeteriorationDrop,
                Flagged: false);
        }

        var baselineAverage = baseline.Average();
        var drop = (baselineAverage - periodAverage.Value) * (scale.Maximum() - scale.Minimum()) / 10.0;
        return new Deterioration(
            MoodLevels.FromTenPointScale(scale, baselineAverage),
            MoodLevels.FromTenPointScale(scale, periodAverage.Value),
            drop,
            input.DeteriorationDrop,
            Flagged: drop >= input.DeteriorationDrop - 1e-9);
    }
}
