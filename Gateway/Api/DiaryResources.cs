using Buddy.Domain.Diary;
using Buddy.Domain.Organisations;
using Buddy.Domain.Safeguarding;

namespace Buddy.Gateway.Api;

/// <summary>One day's diary entry. The raw texts it was read from are not exposed by the API.</summary>
/// <param name="RiskLevel">The highest tier of the day's replies: High (crisis reply sent), Review (a human should look) or None.</param>
/// <param name="RiskSubjects">Who is at risk at that tier: Sender (from themselves), SenderFromOthers (harm done to them), ThirdParty (someone else).</param>
public sealed record EntryResource(
    Guid Id,
    DateOnly LocalDate,
    double? MoodScore,
    MoodScale MoodScale,
    string? MoodNote,
    string EventText,
    IReadOnlyList<string> Tags,
    RiskLevel RiskLevel,
    IReadOnlyList<RiskSubject> RiskSubjects,
    DiaryEntryKind Kind,
    DateTime CreatedAtUtc,
    DateTime UpdatedAtUtc)
{
    public static EntryResource From(DiaryEntry e) =>
        new(e.Id, e.LocalDate, e.MoodScore, e.MoodScale, e.MoodNote, e.EventText, e.Tags, e.RiskLevel, e.RiskSubjects, e.Kind, e.CreatedAtUtc, e.UpdatedAtUtc);
}

/// <summary>An alert. A safeguarding alert gathers every risky reply the person sent while it was open.</summary>
/// <param name="ContactCautions">
/// Read first: what the replies said about contacting the person (PhoneMayBeRead: someone else may read their phone;
/// DoNotCall: they asked not to be called). Empty when nothing was said.
/// </param>
/// <param name="Severity">The tier: High (crisis reply sent, therapist and duty contact told), Review (a human should look, no crisis text) or None.</param>
/// <param name="Subjects">Who is at risk at that tier: Sender, SenderFromOthers or ThirdParty. Empty for engagement alerts.</param>
/// <param name="Concepts">What the risk reader found ("ideation", "means"), across the replies.</param>
/// <param name="LatestReplyAtUtc">When the latest reply joined the alert; null when only the first reply is on it.</param>
/// <param name="Replies">Every reply behind a safeguarding alert, oldest first, each with its own tier, subject and caution.</param>
public sealed record AlertResource(
    Guid Id,
    Guid ServiceUserId,
    IReadOnlyList<ContactCaution> ContactCautions,
    AlertKind Kind,
    RiskLevel Severity,
    IReadOnlyList<RiskSubject> Subjects,
    string Summary,
    string? MatchedPhrases,
    IReadOnlyList<string> Concepts,
    DateTime CreatedAtUtc,
    DateTime? LatestReplyAtUtc,
    IReadOnlyList<AlertReplyResource> Replies,
    DateTime? AcknowledgedAtUtc,
    Guid? AcknowledgedByStaffId,
    string? AcknowledgementNote)
{
    public static AlertResource From(Alert a, IEnumerable<AlertReply>? replies = null) => new(
        a.Id, a.ServiceUserId, Cautions(a.Caution), a.Kind, a.Severity, a.Subjects, a.Summary, a.MatchedPhrases, a.Concepts, a.CreatedAtUtc,
        a.LatestReplyAtUtc, [.. (replies ?? []).OrderBy(r => r.ReceivedAtUtc).Select(AlertReplyResource.From)], a.AcknowledgedAtUtc,
        a.AcknowledgedByStaffId, a.AcknowledgementNote);

    /// <summary>The flags one by one, so a client reads a list rather than a comma-joined enum.</summary>
    internal static IReadOnlyList<ContactCaution> Cautions(ContactCaution caution) =>
        [.. Enum.GetValues<ContactCaution>().Where(flag => flag != ContactCaution.None && caution.HasFlag(flag))];
}

/// <summary>One reply behind a safeguarding alert.</summary>
/// <param name="InboundMessageId">The text it came from (the API does not expose the text itself).</param>
public sealed record AlertReplyResource(
    Guid? InboundMessageId,
    DateTime ReceivedAtUtc,
    IReadOnlyList<ContactCaution> ContactCautions,
    RiskLevel Severity,
    RiskSubject Subject,
    string Summary,
    string? MatchedPhrases,
    IReadOnlyList<string> Concepts)
{
    public static AlertReplyResource From(AlertReply r) =>
        new(r.InboundMessageId, r.ReceivedAtUtc, AlertResource.Cautions(r.Caution), r.Level, r.Subject, r.Summary, r.MatchedPhrases, r.Concepts);
}

/// <param name="Note">What was done about it, in plain words; stored with the acknowledgement.</param>
public sealed record AcknowledgeRequest(string? Note);
