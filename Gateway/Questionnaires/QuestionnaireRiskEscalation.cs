using Buddy.Domain.Questionnaires;
using Buddy.Domain.Safeguarding;
using Buddy.Domain.Sms;
using Buddy.Gateway.Conversations;
using Buddy.Gateway.Replies;
using Microsoft.EntityFrameworkCore;

namespace Buddy.Gateway.Questionnaires;

/// <summary>
/// The one place a questionnaire's risk answer (PHQ-9 item 9 above 0) is escalated: the person gets the crisis
/// text, the therapist and duty contact are alerted, and it is audited, exactly as a risky diary reply is.
/// </summary>
internal sealed class QuestionnaireRiskEscalation
{
    public async Task RaiseAsync(ReplyContext reply, QuestionnaireDefinition definition, int itemNumber, int score, CancellationToken cancellationToken)
    {
        var db = reply.Db;
        var person = reply.ServiceUser;
        var organisation = reply.Organisation;
        var answer = definition.AnswerKey.Single(a => a.Score == score).Label;
        var alert = new Alert
        {
            OrganisationId = person.OrganisationId,
            ServiceUserId = person.Id,
            Kind = AlertKind.Safeguarding,
            Severity = RiskLevel.High,
            Summary = $"{definition.Name} item {itemNumber} (thoughts of being better off dead or of self-harm) answered \"{answer}\"",
            MatchedPhrases = $"{definition.Name} item {itemNumber} = {score}",
            InboundMessageId = reply.Message.Id,
            CreatedAtUtc = reply.NowUtc,
        };
        db.Alerts.Add(alert);

        await CycleOutbox.QueueAsync(db, person, OutboundKind.Crisis, organisation.CrisisMessage, $"crisis:{reply.Message.Id}", reply.NowUtc, cancellationToken);

        var therapistPhone = await db.StaffMembers
            .Where(s => s.Id == person.TherapistId && s.IsActive && s.AlertPhone != null)
            .Select(s => s.AlertPhone)
            .FirstOrDefaultAsync(cancellationToken);
        foreach (var (phone, who) in new[] { (therapistPhone, "therapist"), (organisation.DutyContactPhone, "duty") })
        {
            if (string.IsNullOrWhiteSpace(phone))
            {
                continue;
            }

            // Staff texts name no one: the dashboard, behind a login, has the details.
            db.OutboundMessages.Add(new OutboundMessage
            {
                OrganisationId = person.OrganisationId,
                ToPhone = phone,
                Body = $"Buddy safeguarding alert: a {definition.Name} answer needs checking today (alert {alert.Id.ToString()[..8]}). Please open the dashboard.",
                Kind = OutboundKind.SafeguardingAlert,
                DedupeKey = $"alert:{alert.Id}:{who}",
                NotBeforeUtc = reply.NowUtc,
                CreatedAtUtc = reply.NowUtc,
            });
        }

        CycleAudit.Add(db, person.OrganisationId, null, "safeguarding.alert-raised", nameof(Alert), alert.Id, person.Id, reply.NowUtc,
            $"{definition.Name} item {itemNumber}");
        reply.Items["risk"] = RiskLevel.High;
    }
}
