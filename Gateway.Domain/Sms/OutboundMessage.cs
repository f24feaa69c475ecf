namespace Buddy.Domain.Sms;

/// <summary>
/// A row in the outbox. It is written before the provider is called and updated after, so a crash between
/// the two is visible (status Sending with no provider id) and recoverable.
/// </summary>
public sealed class OutboundMessage
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid OrganisationId { get; set; }

    /// <summary>Null for texts to staff (safeguarding alerts to a duty phone).</summary>
    public Guid? ServiceUserId { get; set; }
    public required string ToPhone { get; set; }
    public required string Body { get; set; }
    public OutboundKind Kind { get; set; }

    /// <summary>
    /// Unique when set: e.g. "checkin:{serviceUserId}:{localDate}". The database refuses a second row with the
    /// same key, which is what makes a day's check-in exactly-once.
    /// </summary>
    public string? DedupeKey { get; set; }
    public OutboundStatus Status { get; set; } = OutboundStatus.Pending;
    /// <summary>The provider's id for the text; unique when set, so one provider message is one row's and no other's.</summary>
    public string? ProviderMessageId { get; set; }
    public int Attempts { get; set; }

    /// <summary>Not handed to the provider before this (backoff, pacing, quiet hours).</summary>
    public DateTime NotBeforeUtc { get; set; }

    /// <summary>While Sending: the claim expires then, so a crashed sender's row is picked up again.</summary>
    public DateTime? LeaseUntilUtc { get; set; }

    /// <summary>
    /// Set when an attempt since then may have reached the provider without Buddy recording its answer (the sender
    /// died holding the lease, or the call timed out). Before sending again the outbox asks the provider for that
    /// text and records it instead of sending it twice. Cleared once the provider's answer is known.
    /// </summary>
    public DateTime? UnconfirmedSinceUtc { get; set; }

    /// <summary>
    /// Set by each claim: the sender holding it records the row's outcome only while the row still carries this
    /// token, so a row whose lease ran out and was claimed again, or that a status callback recorded, is never
    /// written by two owners. Null when no sender holds the row.
    /// </summary>
    public Guid? ClaimToken { get; set; }
    public string? ErrorCode { get; set; }
    public string? ErrorMessage { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public DateTime? SentAtUtc { get; set; }
    public DateTime? StatusUpdatedAtUtc { get; set; }
}
