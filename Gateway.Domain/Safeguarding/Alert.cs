namespace Buddy.Domain.Safeguarding;

/// <summary>Something a person must look at. Stays on the dashboard until a human acknowledges it.</summary>
public sealed class Alert
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid OrganisationId { get; set; }
    public Guid ServiceUserId { get; set; }
    public AlertKind Kind { get; set; }
    public RiskLevel Severity { get; set; }

    /// <summary>Plain words for the dashboard, e.g. "Reply mentions self-harm".</summary>
    public required string Summary { get; set; }

    /// <summary>The phrases that triggered it, for the therapist to judge.</summary>
    public string? MatchedPhrases { get; set; }
    public Guid? InboundMessageId { get; set; }
    public Guid? DiaryEntryId { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public DateTime? AcknowledgedAtUtc { get; set; }
    public Guid? AcknowledgedByStaffId { get; set; }
    public string? AcknowledgementNote { get; set; }

    public bool IsOpen => AcknowledgedAtUtc is null;
}
