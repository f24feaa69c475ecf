namespace Buddy.Domain.Safeguarding;

/// <summary>Something a person must look at. Stays on the dashboard until a human acknowledges it.</summary>
public sealed class Alert
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid OrganisationId { get; set; }
    public Guid ServiceUserId { get; set; }
    public AlertKind Kind { get; set; }

    /// <summary>The tier: for a safeguarding alert the highest tier of every reply that raised or joined it.</summary>
    public RiskLevel Severity { get; set; }

    /// <summary>Plain words for the dashboard, e.g. "Reply mentions self-harm".</summary>
    public required string Summary { get; set; }

    /// <summary>The phrases that triggered it, for the therapist to judge.</summary>
    public string? MatchedPhrases { get; set; }

    /// <summary>
    /// Who is at risk at the alert's tier (a safeguarding alert joined by several replies may name more than one), in
    /// the order first seen. Empty for alerts that are not about a reply's words.
    /// </summary>
    public List<RiskSubject> Subjects { get; set; } = [];

    /// <summary>
    /// Everything any joined reply said about contacting the person. Once set it stays set for the alert: a caution
    /// said once ("he checks my phone") is not undone by a later reply that does not repeat it.
    /// </summary>
    public ContactCaution Caution { get; set; }

    /// <summary>The concepts that gave the tier ("ideation", "means"), across the joined replies.</summary>
    public List<string> Concepts { get; set; } = [];

    /// <summary>The text that opened the alert; every reply behind it is in <see cref="AlertReply"/>.</summary>
    public Guid? InboundMessageId { get; set; }
    public Guid? DiaryEntryId { get; set; }
    public DateTime CreatedAtUtc { get; set; }

    /// <summary>When the latest reply joined it (null: only the reply that opened it).</summary>
    public DateTime? LatestReplyAtUtc { get; set; }

    /// <summary>When the therapist and duty contact were last texted or emailed about it (null: never, e.g. a Review alert).</summary>
    public DateTime? StaffNotifiedAtUtc { get; set; }
    public DateTime? AcknowledgedAtUtc { get; set; }
    public Guid? AcknowledgedByStaffId { get; set; }
    public string? AcknowledgementNote { get; set; }

    public bool IsOpen => AcknowledgedAtUtc is null;

    /// <summary>The latest thing that happened on the alert: what "newest first" sorts by.</summary>
    public DateTime LatestAtUtc => LatestReplyAtUtc ?? CreatedAtUtc;
}
