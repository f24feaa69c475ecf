using Buddy.Domain.Email;
using Buddy.Domain.Sms;
using Buddy.Domain.Staff;
using Buddy.Gateway.Email;
using Buddy.Gateway.Replies;
using Buddy.Gateway.Sms;
using Microsoft.EntityFrameworkCore;

namespace Buddy.Gateway.Safeguarding;

/// <summary>
/// The one escalation path for a high-risk reply, whatever found the risk (the words of a diary reply, or a
/// questionnaire's risk item such as PHQ-9 item 9): the crisis text to the sender, SMS to the therapist and the duty
/// phone, email where there is no phone, all in the pipeline's transaction, then the senders are woken. The caller
/// records the alert and the audit event.
/// </summary>
public sealed class SafeguardingEscalation(IOutboxSignal outboxSignal, EmailSignal emailSignal, ILogger<SafeguardingEscalation> logger)
{
    /// <summary>Queues the texts and emails; returns what was done, for the audit detail.</summary>
    public async Task<string> EscalateAsync(ReplyContext reply, CancellationToken cancellationToken)
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
