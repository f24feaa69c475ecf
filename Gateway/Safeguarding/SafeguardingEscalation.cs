using Buddy.Domain.Email;
using Buddy.Domain.Safeguarding;
using Buddy.Domain.Sms;
using Buddy.Domain.Staff;
using Buddy.Gateway.Email;
using Buddy.Gateway.Replies;
using Buddy.Gateway.Sms;
using Buddy.Gateway.Sms.Outbox;
using Microsoft.EntityFrameworkCore;

namespace Buddy.Gateway.Safeguarding;

/// <summary>
/// The one escalation path for a high-risk reply, whatever found the risk (the words of a diary reply, or a
/// questionnaire's risk item such as PHQ-9 item 9): the crisis text to the sender (in their country's numbers,
/// discreet when someone else may read the phone), SMS to the therapist and the duty phone, email where there is no
/// phone, all in the pipeline's transaction, then the senders are woken. <see cref="SafeguardingAlerts"/> decides what
/// a reply joining an open alert repeats (<see cref="JoinedReplyRules"/>) and records the alert and the audit event.
/// </summary>
public sealed class SafeguardingEscalation(IOutboxSignal outboxSignal, EmailSignal emailSignal, ILogger<SafeguardingEscalation> logger)
{
    /// <summary>
    /// Queues the crisis text (unless the same one went within the hour) and, when asked, the staff texts and emails;
    /// returns what was done, for the audit detail, and whether anything was queued.
    /// </summary>
    /// <param name="discreet">The crisis text must name no abuse or service: the risk comes from someone else, or someone reads the phone.</param>
    public async Task<(string Done, bool Queued)> EscalateAsync(ReplyContext reply, Alert alert, bool discreet, bool notifyStaff, CancellationToken cancellationToken)
    {
        var db = reply.Db;
        var organisation = reply.Organisation;
        var user = reply.ServiceUser;
        var inboundId = reply.Message.Id;
        var done = new List<string>();
        var queued = false;

        var to = user.PhoneE164 ?? reply.Message.FromPhone;
        var body = CrisisTexts.For(to, organisation, discreet);
        var earlier = await reply.Batch.RecentCrisisTextsAsync(user.Id, cancellationToken);
        if (JoinedReplyRules.SendCrisisText(body, earlier.Select(m => (m.Body, m.Status, m.CreatedAtUtc)), reply.NowUtc))
        {
            OutboundTexts.Queue(db, OutboundTexts.ToPhone(organisation.Id, user.Id, to, OutboundKind.Crisis, body, $"crisis:{inboundId}", reply.NowUtc));
            done.Add(discreet ? "discreet crisis text queued" : "crisis text queued");
            queued = true;
        }
        else
        {
            done.Add("crisis text not repeated (the same one was sent within the hour)");
        }

        if (notifyStaff)
        {
            queued |= await NotifyStaffAsync(reply, alert, done, cancellationToken);
        }
        else
        {
            done.Add("staff not texted again (told within the hour; the reply is on the open alert)");
        }

        if (queued)
        {
            // The pipeline saves; wake the senders once the rows are in the database, not before.
            OutboundTexts.WakeWhenSaved(db, outboxSignal, emailSignal);
        }

        return (string.Join("; ", done), queued);
    }

    private async Task<bool> NotifyStaffAsync(ReplyContext reply, Alert alert, List<string> done, CancellationToken cancellationToken)
    {
        var db = reply.Db;
        var organisation = reply.Organisation;
        var user = reply.ServiceUser;
        var inboundId = reply.Message.Id;
        var told = done.Count;
        var staffText = EscalationTexts.StaffSms(user, alert.Caution);
        StaffMember? therapist = null;
        if (user.TherapistId is { } therapistId)
        {
            therapist = await db.StaffMembers.FirstOrDefaultAsync(
                s => s.Id == therapistId && s.OrganisationId == organisation.Id && s.IsActive, cancellationToken);
        }

        if (therapist?.AlertPhone is { Length: > 0 } therapistPhone)
        {
            OutboundTexts.Queue(db, OutboundTexts.ToPhone(organisation.Id, null, therapistPhone, OutboundKind.SafeguardingAlert, staffText, $"safeguarding:{inboundId}:therapist", reply.NowUtc));
            done.Add("therapist texted");
        }
        else if (therapist is not null)
        {
            // No alert phone: the therapist still hears, by email.
            db.EmailMessages.Add(Mail(reply, alert, therapist.Email, $"safeguarding:{inboundId}:therapist-email"));
            done.Add("therapist emailed");
        }

        if (organisation.DutyContactPhone is { Length: > 0 } dutyPhone && dutyPhone != therapist?.AlertPhone)
        {
            OutboundTexts.Queue(db, OutboundTexts.ToPhone(organisation.Id, null, dutyPhone, OutboundKind.SafeguardingAlert, staffText, $"safeguarding:{inboundId}:duty", reply.NowUtc));
            done.Add("duty phone texted");
        }

        if (organisation.DutyContactEmail is { Length: > 0 } dutyEmail)
        {
            db.EmailMessages.Add(Mail(reply, alert, dutyEmail, $"safeguarding:{inboundId}:duty-email"));
            done.Add("duty contact emailed");
        }

        if (done.Count == told)
        {
            logger.LogError("Service user {ServiceUserId} has no therapist contact and organisation {OrganisationId} no duty contact: alert waits on the dashboard only",
                user.Id, organisation.Id);
            done.Add("NO staff contact configured: dashboard only");
            return false;
        }

        alert.StaffNotifiedAtUtc = reply.NowUtc;
        return true;
    }

    private static EmailMessage Mail(ReplyContext reply, Alert alert, string to, string dedupeKey) => new()
    {
        OrganisationId = reply.Organisation.Id,
        ToAddress = to,
        Subject = EscalationTexts.EmailSubject(alert.Caution),
        Body = EscalationTexts.EmailBody(reply.ServiceUser, reply.Organisation, alert.Caution),
        Kind = EmailKind.SafeguardingAlert,
        DedupeKey = dedupeKey,
        NotBeforeUtc = reply.NowUtc,
        CreatedAtUtc = reply.NowUtc,
    };
}
