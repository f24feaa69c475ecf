using Buddy.Domain.Audit;
using Buddy.Domain.Questionnaires;
using Buddy.Domain.Safeguarding;
using Buddy.Gateway.Replies;
using Buddy.Gateway.Safeguarding;

namespace Buddy.Gateway.Questionnaires;

/// <summary>
/// A questionnaire's risk answer (PHQ-9 item 9 above 0) goes down the same path as a risky diary reply: a High
/// safeguarding alert, <see cref="SafeguardingEscalation"/> (crisis text to the person, therapist and duty contact
/// texted or emailed, senders woken) and an audit event. When the words of the same text already raised an alert
/// (the safeguarding handler runs first), that alert is raised to High and escalated once, never twice.
/// </summary>
internal sealed class QuestionnaireRiskEscalation(SafeguardingEscalation escalation)
{
    public async Task RaiseAsync(ReplyContext reply, QuestionnaireDefinition definition, int itemNumber, int score, CancellationToken cancellationToken)
    {
        var answer = definition.AnswerKey.Single(a => a.Score == score).Label;
        var finding = $"{definition.Name} item {itemNumber} (thoughts of being better off dead or of self-harm) answered \"{answer}\"";
        var existing = reply.Items.TryGetValue(SafeguardingReplyHandler.AlertItem, out var item) ? item as Alert : null;
        if (existing is { Severity: RiskLevel.High })
        {
            existing.Summary = $"{existing.Summary}; {finding}";
            return; // the words already escalated this text
        }

        var alert = existing ?? new Alert
        {
            OrganisationId = reply.Organisation.Id,
            ServiceUserId = reply.ServiceUser.Id,
            Kind = AlertKind.Safeguarding,
            InboundMessageId = reply.Message.Id,
            CreatedAtUtc = reply.NowUtc,
            Summary = "",
        };
        alert.Severity = RiskLevel.High;
        alert.Summary = existing is null ? $"Urgent: {finding}" : $"Urgent: {finding}; {existing.Summary}";
        alert.MatchedPhrases = string.Join("; ", new[] { existing?.MatchedPhrases, $"{definition.Name} item {itemNumber} = {score}" }.Where(p => !string.IsNullOrEmpty(p)));
        if (existing is null)
        {
            reply.Db.Alerts.Add(alert);
            reply.Items[SafeguardingReplyHandler.AlertItem] = alert;
        }

        var notified = await escalation.EscalateAsync(reply, cancellationToken);
        reply.Db.AuditEvents.Add(new AuditEvent
        {
            OrganisationId = reply.Organisation.Id,
            ActorType = AuditActorType.System,
            Action = "safeguarding.escalated",
            EntityType = nameof(Alert),
            EntityId = alert.Id.ToString(),
            ServiceUserId = reply.ServiceUser.Id,
            Detail = $"High risk ({definition.Name} item {itemNumber} = {score}); {notified}",
            OccurredAtUtc = reply.NowUtc,
        });
    }
}
