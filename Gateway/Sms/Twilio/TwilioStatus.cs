using Buddy.Domain.Sms;

namespace Buddy.Gateway.Sms.Twilio;

/// <summary>Twilio's message status words (API responses and status callbacks) as Buddy's outbox states.</summary>
public static class TwilioStatus
{
    /// <summary>Null for states that say nothing about an outbound text's progress (receiving, received).</summary>
    public static OutboundStatus? Parse(string? status) => status?.Trim().ToLowerInvariant() switch
    {
        "accepted" or "scheduled" or "queued" or "sending" => OutboundStatus.Queued,
        "sent" => OutboundStatus.Sent,
        "delivered" or "read" or "partially_delivered" => OutboundStatus.Delivered,
        "undelivered" => OutboundStatus.Undelivered,
        "failed" => OutboundStatus.Failed,
        "canceled" => OutboundStatus.Cancelled,
        _ => null,
    };
}
