using Buddy.Domain.Diary;
using Buddy.Domain.Organisations;
using Buddy.Domain.Safeguarding;
using Buddy.Domain.Sms;

namespace Buddy.Domain.Summaries;

/// <summary>The pre-session summary: what happened since the last session, in one page.</summary>
public sealed record SessionSummary
{
    public required DateRange Period { get; init; }

    /// <summary>One point per day of the period; a day without a score has a null value (a gap, never a zero).</summary>
    public required IReadOnlyList<MoodDay> Mood { get; init; }

    /// <summary>The scale the statistics are shown in: the entries' own when they agree, else 0-10.</summary>
    public required MoodScale StatsScale { get; init; }
    public double? Average { get; init; }
    public double? Low { get; init; }
    public double? High { get; init; }

    /// <summary>The average compared with the previous period of the same length (in <see cref="StatsScale"/>).</summary>
    public double? PreviousAverage { get; init; }
    public double? TrendDelta { get; init; }
    public required MoodTrend Trend { get; init; }

    /// <summary>Days with a score in the period and in the previous period of the same length.</summary>
    public int ScoredDays { get; init; }
    public int PreviousScoredDays { get; init; }

    /// <summary>Scored days each period needs before <see cref="Trend"/> says more than Unknown.</summary>
    public int MinimumTrendScores { get; init; }

    /// <summary>Check-ins sent and answered in the period, and the days a check-in went unanswered.</summary>
    public required ReplyCounts Replies { get; init; }

    public required IReadOnlyList<TagCount> RecurringTags { get; init; }
    public required IReadOnlyList<NotableEvent> NotableEvents { get; init; }
    public required Deterioration Deterioration { get; init; }
    public required IReadOnlyList<DiaryLine> Diary { get; init; }
}

public enum MoodTrend
{
    /// <summary>Not enough scored days in this or the previous period to compare (fewer than the minimum in either).</summary>
    Unknown,
    Improving,
    Steady,
    Worsening,
}

/// <summary>A day's mood: <see cref="TenPoint"/> for the chart, <see cref="Display"/> in the scale it was given in.</summary>
public sealed record MoodDay(DateOnly Date, double? TenPoint, string? Display);

public sealed record TagCount(string Tag, int Count);

public enum NotableKind
{
    LowestMood,
    HighestMood,
    RiskFlag,
    Alert,
}

public sealed record NotableEvent(DateOnly Date, NotableKind Kind, string Text, Guid? DiaryEntryId);

/// <summary>
/// The period's mean against the person's own baseline (the days before it), in the organisation's scale.
/// <see cref="Flagged"/> when the drop reaches the organisation's threshold.
/// </summary>
public sealed record Deterioration(double? BaselineAverage, double? PeriodAverage, double? Drop, double Threshold, bool Flagged);

/// <summary>One diary entry, verbatim, with the raw texts it was made from.</summary>
public sealed record DiaryLine(DiaryEntry Entry, string? MoodDisplay, IReadOnlyList<InboundMessage> RawReplies);
