using Buddy.Domain.Diary;
using Buddy.Domain.Organisations;
using Buddy.Domain.Safeguarding;

namespace Buddy.Gateway.Api;

/// <summary>One day's diary entry. The raw texts it was read from are not exposed by the API.</summary>
public sealed record EntryResource(
    Guid Id,
    DateOnly LocalDate,
    double? MoodScore,
    MoodScale MoodScale,
    string? MoodNote,
    string EventText,
    IReadOnlyList<string> Tags,
    RiskLevel RiskLevel,
    DiaryEntryKind Kind,
    DateTime CreatedAtUtc,
    DateTime UpdatedAtUtc)
{
    public static EntryResource From(DiaryEntry e) =>
        new(e.Id, e.LocalDate, e.MoodScore, e.MoodScale, e.MoodNote, e.EventText, e.Tags, e.RiskLevel, e.Kind, e.CreatedAtUtc, e.UpdatedAtUtc);
}

public sealed record AlertResource(
    Guid Id,
    Guid ServiceUserId,
    AlertKind Kind,
    RiskLevel Severity,
    string Summary,
    string? MatchedPhrases,
    DateTime CreatedAtUtc,
    DateTime? AcknowledgedAtUtc,
    Guid? AcknowledgedByStaffId,
    string? AcknowledgementNote)
{
    public static AlertResource From(Alert a) => new(
        a.Id, a.ServiceUserId, a.Kind, a.Severity, a.Summary, a.MatchedPhrases, a.CreatedAtUtc, a.AcknowledgedAtUtc,
        a.AcknowledgedByStaffId, a.AcknowledgementNote);
}

/// <param name="Note">What was done about it, in plain words; stored with the acknowledgement.</param>
public sealed record AcknowledgeRequest(string? Note);
