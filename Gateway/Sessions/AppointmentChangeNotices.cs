using Buddy.Domain.Conversations;
using Buddy.Domain.Safeguarding;
using Buddy.Domain.Sessions;
using Buddy.Domain.Sms;
using Buddy.Gateway.Replies;
using Buddy.Gateway.Sms.Outbox;
using Microsoft.EntityFrameworkCore;

namespace Buddy.Gateway.Sessions;

/// <summary>
/// "Can't make it" / "need to rearrange" while a session is booked: an AppointmentChange alert for the therapist and
/// a short acknowledgement, instead of a diary entry. With no session booked the text is just diary.
/// </summary>
internal static class AppointmentChangeNotices
{
    /// <summary>Only sessions this close are what "can't make it" is likely to be about.</summary>
    private static readonly TimeSpan s_horizon = TimeSpan.FromDays(30);

    public static async Task<bool> TryRaiseAsync(ReplyContext reply, CancellationToken cancellationToken)
    {
        var phrases = AppointmentChangeDetector.Match(reply.Message.Body);
        if (phrases.Count == 0)
        {
            return false;
        }

        var db = reply.Db;
        var person = reply.ServiceUser;
        var until = reply.NowUtc + s_horizon;
        var session = await db.TherapySessions
            .Where(s => s.ServiceUserId == person.Id && s.Status == SessionStatus.Scheduled && s.StartsAtUtc > reply.NowUtc && s.StartsAtUtc <= until)
            .OrderBy(s => s.StartsAtUtc)
            .FirstOrDefaultAsync(cancellationToken);
        if (session is null)
        {
            return false;
        }

        db.Alerts.Add(new Alert
        {
            OrganisationId = person.OrganisationId,
            ServiceUserId = person.Id,
            Kind = AlertKind.AppointmentChange,
            Severity = RiskLevel.None,
            Summary = $"Asked to cancel or rearrange the session {SessionTexts.When(session.StartsAtUtc, reply.NowUtc, person.TimeZoneId)}",
            MatchedPhrases = string.Join("; ", phrases),
            InboundMessageId = reply.Message.Id,
            CreatedAtUtc = reply.NowUtc,
        });

        var agenda = await db.Conversations
            .Where(c => c.SubjectId == session.Id && c.Kind == ConversationKind.Agenda && c.Status == ConversationStatus.Open)
            .ToListAsync(cancellationToken);
        agenda.ForEach(c => c.Close(ConversationStatus.Answered, reply.NowUtc, reply.Message.Id));

        var therapist = await db.StaffMembers.Where(s => s.Id == (session.TherapistId ?? person.TherapistId)).Select(s => s.DisplayName).FirstOrDefaultAsync(cancellationToken);
        var thanks = MessageText.Fill(SessionTexts.ChangeNoticeThanks, new Dictionary<string, string>
        {
            ["FirstName"] = person.GreetingName,
            ["Therapist"] = AppointmentReminderService.FirstWord(therapist) ?? "your worker",
        });
        await OutboundTexts.QueueOnceAsync(db, person, OutboundKind.ConversationReply, thanks, $"ack:{reply.Message.Id}", reply.NowUtc, cancellationToken);
        reply.Outcome = "appointment change: therapist alerted";
        return true;
    }
}
