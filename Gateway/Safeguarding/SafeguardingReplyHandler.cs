using Buddy.Domain.Safeguarding;
using Buddy.Gateway.Replies;

namespace Buddy.Gateway.Safeguarding;

/// <summary>
/// The reply pipeline's first step, on every reply whatever conversation it belongs to; it never claims the reply,
/// so the diary still records it. A risky reply opens a safeguarding alert or joins the person's open one
/// (<see cref="SafeguardingAlerts"/>): High escalates (crisis text, therapist and duty contact), Review is an alert
/// for the therapist's eye with no texts.
/// </summary>
public sealed class SafeguardingReplyHandler(SafeguardingAlerts alerts)
{
    /// <summary>Returns the alert the reply opened or joined, or null when its words carry no risk.</summary>
    public async Task<Alert?> CheckAsync(ReplyContext reply, CancellationToken cancellationToken)
    {
        var risk = reply.Risk;
        if (risk.Level == RiskLevel.None)
        {
            return null;
        }

        // A message re-processed after a crash that had already committed must not alert twice.
        var inboundId = reply.Message.Id;
        if (await reply.Batch.AlreadyAlertedAsync(inboundId, cancellationToken))
        {
            return null;
        }

        var alert = await alerts.RecordAsync(reply, RiskFinding.From(risk), cancellationToken);
        reply.Outcome = $"safeguarding {risk.Level.ToString().ToLowerInvariant()}{(alert.InboundMessageId == inboundId ? "" : " (joined the open alert)")}";
        return alert;
    }
}
