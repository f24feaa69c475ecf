using Buddy.Domain.Safeguarding;
using Buddy.Gateway.Replies;
using Microsoft.EntityFrameworkCore;

namespace Buddy.Gateway.Safeguarding;

/// <summary>
/// Runs first on every reply, whatever conversation it belongs to, and never claims it (returns false), so the
/// diary still records it. A risky reply opens a safeguarding alert or joins the person's open one
/// (<see cref="SafeguardingAlerts"/>): High escalates (crisis text, therapist and duty contact), Review is an alert
/// for the therapist's eye with no texts.
/// </summary>
public sealed class SafeguardingReplyHandler(IRiskReader reader, SafeguardingAlerts alerts) : IReplyHandler
{
    /// <summary><see cref="ReplyContext.Items"/> key of the <see cref="RiskAssessment"/>, for the diary handler.</summary>
    public const string RiskItem = "safeguarding.risk";

    /// <summary><see cref="ReplyContext.Items"/> key of the <see cref="Alert"/> raised or joined, so the diary can link its entry.</summary>
    public const string AlertItem = "safeguarding.alert";

    public int Order => 0;

    public async Task<bool> TryHandleAsync(ReplyContext reply, CancellationToken cancellationToken)
    {
        var risk = reader.Assess(reply.Message.Body);
        reply.Items[RiskItem] = risk;
        if (risk.Level == RiskLevel.None)
        {
            return false;
        }

        // A message re-processed after a crash that had already committed must not alert twice.
        var inboundId = reply.Message.Id;
        if (await reply.Db.AlertReplies.AnyAsync(r => r.InboundMessageId == inboundId, cancellationToken)
            || await reply.Db.Alerts.AnyAsync(a => a.InboundMessageId == inboundId && a.Kind == AlertKind.Safeguarding, cancellationToken))
        {
            return false;
        }

        var alert = await alerts.RecordAsync(reply, RiskFinding.From(risk), cancellationToken);
        reply.Outcome = $"safeguarding {risk.Level.ToString().ToLowerInvariant()}{(alert.InboundMessageId == inboundId ? "" : " (joined the open alert)")}";
        return false;
    }
}
