using Buddy.Domain.Audit;
using Buddy.Domain.Safeguarding;
using Buddy.Gateway.Replies;
using Microsoft.EntityFrameworkCore;

namespace Buddy.Gateway.Safeguarding;

/// <summary>
/// Runs first on every reply, whatever conversation it belongs to, and never claims it (returns false), so the
/// diary still records it. High risk: the crisis text to the sender, an open alert, SMS to the therapist and
/// the duty phone, email to the duty address, and an audit event, all in the pipeline's one transaction, then
/// the outbox is woken. Review: an open Review alert for the therapist's eye, no texts.
/// </summary>
public sealed class SafeguardingReplyHandler(
    RiskDetector detector,
    SafeguardingEscalation escalation,
    ILogger<SafeguardingReplyHandler> logger) : IReplyHandler
{
    /// <summary><see cref="ReplyContext.Items"/> key of the <see cref="RiskAssessment"/>, for the diary handler.</summary>
    public const string RiskItem = "safeguarding.risk";

    /// <summary><see cref="ReplyContext.Items"/> key of the <see cref="Alert"/> raised, so the diary can link its entry.</summary>
    public const string AlertItem = "safeguarding.alert";

    public int Order => 0;

    public async Task<bool> TryHandleAsync(ReplyContext reply, CancellationToken cancellationToken)
    {
        var risk = detector.Assess(reply.Message.Body);
        reply.Items[RiskItem] = risk;
        if (risk.Level == RiskLevel.None)
        {
            return false;
        }

        // A message re-processed after a crash that had already committed must not alert twice.
        var inboundId = reply.Message.Id;
        if (await reply.Db.Alerts.AnyAsync(a => a.InboundMessageId == inboundId && a.Kind == AlertKind.Safeguarding, cancellationToken))
        {
            return false;
        }

        var alert = new Alert
        {
            OrganisationId = reply.Organisation.Id,
            ServiceUserId = reply.ServiceUser.Id,
            Kind = AlertKind.Safeguarding,
            Severity = risk.Level,
            Summary = risk.Level == RiskLevel.High
                ? $"Urgent: reply mentions {risk.Categories}"
                : $"Worth a look: reply mentions {risk.Categories}",
            MatchedPhrases = string.Join("; ", risk.Matched),
            InboundMessageId = inboundId,
            CreatedAtUtc = reply.NowUtc,
        };
        reply.Db.Alerts.Add(alert);
        reply.Items[AlertItem] = alert;

        var notified = risk.Level == RiskLevel.High ? await escalation.EscalateAsync(reply, cancellationToken) : "no texts (review)";
        reply.Db.AuditEvents.Add(new AuditEvent
        {
            OrganisationId = reply.Organisation.Id,
            ActorType = AuditActorType.System,
            Action = risk.Level == RiskLevel.High ? "safeguarding.escalated" : "safeguarding.flagged",
            EntityType = nameof(Alert),
            EntityId = alert.Id.ToString(),
            ServiceUserId = reply.ServiceUser.Id,
            Detail = $"{risk.Level} risk ({risk.Categories}); {notified}",
            OccurredAtUtc = reply.NowUtc,
        });

        reply.Outcome = $"safeguarding {risk.Level.ToString().ToLowerInvariant()}";
        logger.LogWarning("Safeguarding {Level} risk on inbound {InboundId} for service user {ServiceUserId}: alert {AlertId}; {Notified}",
            risk.Level, inboundId, reply.ServiceUser.Id, alert.Id, notified);
        return false;
    }
}
