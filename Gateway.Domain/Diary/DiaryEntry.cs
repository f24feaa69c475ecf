using Buddy.Domain.Organisations;
using Buddy.Domain.Safeguarding;

namespace Buddy.Domain.Diary;

/// <summary>
/// What one service user told us about one local day. Several texts in a reply window merge into one entry;
/// the raw texts stay in <c>inbound_messages</c> with <c>DiaryEntryId</c> pointing here.
/// </summary>
public sealed class DiaryEntry
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid OrganisationId { get; set; }
    public Guid ServiceUserId { get; set; }

    /// <summary>The local day the entry is about (a reply after midnight to yesterday's check-in is yesterday's).</summary>
    public DateOnly LocalDate { get; set; }
    public Guid? CheckInId { get; set; }

    /// <summary>Null when the reply gave no score; never guessed.</summary>
    public double? MoodScore { get; set; }

    /// <summary>The scale the score was asked and given in.</summary>
    public MoodScale MoodScale { get; set; }

    /// <summary>How the score was read, when it needed interpreting (e.g. "range 6-7 recorded as 6.5").</summary>
    public string? MoodNote { get; set; }
    public string EventText { get; set; } = "";
    public List<string> Tags { get; set; } = [];
    public RiskLevel RiskLevel { get; set; }

    /// <summary>Who is at risk at <see cref="RiskLevel"/>: the subjects of the day's replies at that tier (empty when None).</summary>
    public List<RiskSubject> RiskSubjects { get; set; } = [];
    public DiaryEntryKind Kind { get; set; } = DiaryEntryKind.CheckInReply;
    public DateTime CreatedAtUtc { get; set; }
    public DateTime UpdatedAtUtc { get; set; }
}
