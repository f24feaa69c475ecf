using Buddy.Domain.CheckIns;
using Buddy.Domain.Diary;
using Buddy.Domain.Organisations;
using Buddy.Domain.Safeguarding;
using Buddy.Domain.Sms;

namespace Buddy.Domain.Summaries;

/// <summary>
/// Everything a summary is built from. <see cref="Entries"/> should reach back <see cref="BaselineDays"/> days
/// (and one period length) before <see cref="Period"/> so the baseline and trend can be computed; entries and
/// check-ins outside the ranges are ignored.
/// </summary>
public sealed record SummaryInput
{
    public required DateRange Period { get; init; }

    /// <summary>The service user's local today: a check-in sent today may still be answered.</summary>
    public required DateOnly Today { get; init; }

    /// <summary>The organisation's scale: the deterioration threshold is in its points.</summary>
    public required MoodScale OrganisationScale { get; init; }

    public required double DeteriorationDrop { get; init; }

    /// <summary>The service user's IANA zone, for the local date of alerts.</summary>
    public string TimeZoneId { get; init; } = "Europe/London";

    public IReadOnlyList<DiaryEntry> Entries { get; init; } = [];
    public IReadOnlyList<CheckIn> CheckIns { get; init; } = [];
    public IReadOnlyList<Alert> Alerts { get; init; } = [];

    /// <summary>The raw texts behind the entries (matched by <see cref="InboundMessage.DiaryEntryId"/>).</summary>
    public IReadOnlyList<InboundMessage> Replies { get; init; } = [];

    /// <summary>The baseline is the mean of this many days before the period.</summary>
    public int BaselineDays { get; init; } = 28;

    /// <summary>Fewer scored days than these and there is no baseline comparison (too little to judge).</summary>
    public int MinimumBaselineScores { get; init; } = 5;
    public int MinimumPeriodScores { get; init; } = 3;

    /// <summary>Scored days needed in this period and in the previous one before a trend is stated.</summary>
    public int MinimumTrendScores { get; init; } = 3;
}
