using Buddy.Domain.Audit;
using Buddy.Domain.Email;
using Buddy.Domain.Safeguarding;
using Buddy.Domain.Sms;
using Buddy.Domain.Staff;
using Buddy.Gateway.Email;
using Buddy.Gateway.Replies;
using Buddy.Gateway.Sms;
using Microsoft.EntityFrameworkCore;

namespace Buddy.Gateway.Safeguarding;

/// <summary>
/// Runs first on every reply, whatever conversation it belongs to, and never claims it (returns false), so the
/// diary still records it. High risk: the crisis text to the sender, an open alert, SMS to the therapist and
/// the duty phone, email to the duty address, and an audit event, all in the pipeline's one transaction, then
/// the outbox is woken. Low risk: an open Low alert for the therapist's eye, no texts.
/// </summary>
public sealed class SafeguardingReplyHandler(
    RiskDetector detector,
    IOutboxSignal outboxSignal,
    EmailSignal emailSignal,
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

        var notified = risk.Level == RiskLevel.High ? await EscalateAsync(reply, cancellationToken) : "no texts (low risk)";
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

    private async Task<string> EscalateAsync(ReplyContext reply, CancellationToken cancellationToken)
    {
        var db = reply.Db;
        var organisation = reply.Organisation;
        var user = reply.ServiceUser;
        var inboundId = reply.Message.Id;
        var done = new List<string>();

        db.OutboundMessages.Add(Text(reply, user.PhoneE164 ?? reply.Message.FromPhone, organisation.CrisisMessage, OutboundKind.Crisis, $"crisis:{inboundId}", user.Id));
        done.Add("crisis text queued");

        var staffText = EscalationTexts.StaffSms(user);
        StaffMember? therapist = null;
        if (user.TherapistId is { } therapistId)
        {
            therapist = await db.StaffMembers.FirstOrDefaultAsync(
                s => s.Id == therapistId && s.OrganisationId == organisation.Id && s.IsActive, cancellationToken);
        }

        if (therapist?.AlertPhone is { Length: > 0 } therapistPhone)
        {
            db.OutboundMessages.Add(Text(reply, therapistPhone, staffText, OutboundKind.SafeguardingAlert, $"safeguarding:{inboundId}:therapist", null));
            done.Add("therapist texted");
        }
        else if (therapist is not null)
        {
            // No alert phone: the therapist still hears, by email.
            db.EmailMessages.Add(Mail(reply, therapist.Email, $"safeguarding:{inboundId}:therapist-email"));
            done.Add("therapist emailed");
        }

        if (organisation.DutyContactPhone is { Length: > 0 } dutyPhone && dutyPhone != therapist?.AlertPhone)
        {
            db.OutboundMessages.Add(Text(reply, dutyPhone, staffText, OutboundKind.SafeguardingAlert, $"safeguarding:{inboundId}:duty", null));
            done.Add("duty phone texted");
        }

        if (organisation.DutyContactEmail is { Length: > 0 } dutyEmail)
        {
            db.EmailMessages.Add(Mail(reply, dutyEmail, $"safeguarding:{inboundId}:duty-email"));
            done.Add("duty contact emailed");
        }

        if (done.Count == 1)
        {
            logger.LogError("Service user {ServiceUserId} has no therapist contact and organisation {OrganisationId} no duty contact: alert waits on the dashboard only",
                user.Id, organisation.Id);
            done.Add("NO staff contact configured: dashboard only");
        }

        // The pipeline saves; wake the senders once the rows are in the database, not before.
        void OnSaved(object? sender, SavedChangesEventArgs e)
        {
            db.SavedChanges -= OnSaved;
            outboxSignal.Wake();
            emailSignal.Wake();
        }

        db.SavedChanges += OnSaved;
        return string.Join("; ", done);
    }

    private static OutboundMessage Text(ReplyContext reply, string to, string body, OutboundKind kind, string dedupeKey, Guid? serviceUserId) => new()
    {
        OrganisationId = reply.Organisation.Id,
        ServiceUserId = serviceUserId,
        ToPhone = to,
        Body = body,
        Kind = kind,
        DedupeKey = dedupeKey,
        Status = OutboundStatus.Pending,
        NotBeforeUtc = reply.NowUtc,
        CreatedAtUtc = reply.NowUtc,
    };

    private static EmailMessage Mail(ReplyContext reply, string to, string dedupeKey) => new()
    {
        OrganisationId = reply.Organisation.Id,
        ToAddress = to,
        Subject = EscalationTexts.EmailSubject,
        Body = EscalationTexts.EmailBody(reply.ServiceUser, reply.Organisation),
        Kind = EmailKind.SafeguardingAlert,
        DedupeKey = dedupeKey,
        NotBeforeUtc = reply.NowUtc,
        CreatedAtUtc = reply.NowUtc,
    };
}
