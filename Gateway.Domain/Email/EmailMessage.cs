namespace Buddy.Domain.Email;

/// <summary>
/// A row in the email outbox, written in the same transaction as the alert that caused it and sent by the
/// email dispatcher. A message that cannot be sent is retried with backoff and stays visible; none is dropped.
/// </summary>
public sealed class EmailMessage
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid? OrganisationId { get; set; }
    public required string ToAddress { get; set; }
    public required string Subject { get; set; }

    /// <summary>Plain text. Never clinical content: email is not a secure channel.</summary>
    public required string Body { get; set; }
    public EmailKind Kind { get; set; }

    /// <summary>Unique when set (e.g. "safeguarding:{inboundId}:duty-email"), so a re-run cannot email twice.</summary>
    public string? DedupeKey { get; set; }
    public EmailStatus Status { get; set; } = EmailStatus.Pending;
    public int Attempts { get; set; }
    public DateTime NotBeforeUtc { get; set; }

    /// <summary>While Sending: the claim expires then, so a crashed sender's row is picked up again.</summary>
    public DateTime? LeaseUntilUtc { get; set; }
    public string? LastError { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public DateTime? SentAtUtc { get; set; }
}
