namespace Buddy.Domain.Sms;

/// <summary>
/// How far back the provider's log of texts to one receiving number has been read for texts the webhook never
/// delivered, who is reading it now, and what the last reading found.
/// </summary>
public sealed class InboundRecoveryMark
{
    /// <summary>The receiving number (E.164), as the provider's log is filtered by it.</summary>
    public required string ReceivingPhone { get; set; }

    /// <summary>Every text the provider received before this (by our clock, less the overlap) has been read.</summary>
    public DateTime HighWaterUtc { get; set; }

    /// <summary>While a gateway reads the log for this number: no other starts until then.</summary>
    public DateTime? LeaseUntilUtc { get; set; }

    public DateTime? LastRunAtUtc { get; set; }

    /// <summary>Texts the last complete reading stored that the webhook had not.</summary>
    public int LastRecovered { get; set; }

    public int RecoveredTotal { get; set; }

    /// <summary>Why the last reading failed (the provider's answer, no personal data), or null after a success.</summary>
    public string? LastError { get; set; }
}
