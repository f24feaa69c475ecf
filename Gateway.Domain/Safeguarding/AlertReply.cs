namespace Buddy.Domain.Safeguarding;

/// <summary>
/// One reply behind a safeguarding alert: the one that opened it and each later one that joined it while it was open.
/// De-duplication never hides a reply: the alert lists every one, with its own tier, who is at risk and its caution.
/// </summary>
public sealed class AlertReply
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid AlertId { get; set; }
    public Guid OrganisationId { get; set; }
    public Guid ServiceUserId { get; set; }
    public Guid? InboundMessageId { get; set; }
    public RiskLevel Level { get; set; }
    public RiskSubject Subject { get; set; }
    public ContactCaution Caution { get; set; }
    public List<string> Concepts { get; set; } = [];

    /// <summary>What was found, in plain words: "reply mentions self-harm", "PHQ-9 item 9 answered ...".</summary>
    public required string Summary { get; set; }
    public string? MatchedPhrases { get; set; }
    public DateTime ReceivedAtUtc { get; set; }
}
