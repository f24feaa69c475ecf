namespace Buddy.Domain.Sms;

/// <summary>
/// Outbox and delivery states in the order a message moves through them. Provider callbacks may arrive out of
/// order; a status only ever moves forward (see <see cref="OutboundStatusOrder"/>).
/// </summary>
public enum OutboundStatus
{
    /// <summary>Written, not yet claimed by a sender.</summary>
    Pending,

    /// <summary>Claimed by a sender that is calling the provider.</summary>
    Sending,

    /// <summary>Accepted by the provider.</summary>
    Queued,
    Sent,
    Delivered,
    Undelivered,
    Failed,

    /// <summary>Withdrawn before sending (opted out, discharged, quiet hours reached).</summary>
    Cancelled,
}

public static class OutboundStatusOrder
{
    /// <summary>Delivered, Undelivered, Failed and Cancelled are final; nothing moves a message out of them.</summary>
    public static bool IsFinal(this OutboundStatus status) =>
        status is OutboundStatus.Delivered or OutboundStatus.Undelivered or OutboundStatus.Failed or OutboundStatus.Cancelled;

    /// <summary>True when a callback reporting <paramref name="next"/> may replace <paramref name="current"/>.</summary>
    public static bool CanMoveTo(this OutboundStatus current, OutboundStatus next) =>
        !current.IsFinal() && next > current;
}
