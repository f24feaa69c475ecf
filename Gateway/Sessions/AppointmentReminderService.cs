using Buddy.Domain.Conversations;
using Buddy.Domain.Sessions;
using Buddy.Domain.Sms;
using Buddy.Domain.Templates;
using Buddy.Gateway.Data;
using Buddy.Gateway.Sms.Outbox;
using Buddy.Gateway.Templates;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Buddy.Gateway.Sessions;

/// <summary>
/// Sends each scheduled session's reminder once ("what is due now?", never "is it 19:00?"): the day before at the
/// person's check-in time, asking "Anything you want to talk about?". The answer becomes the session's agenda notes.
/// </summary>
public sealed class AppointmentReminderService(BuddyDbContext db, IOptions<AppointmentReminderOptions> options, ILogger<AppointmentReminderService> logger)
{
    /// <summary>Queues every reminder due at <paramref name="nowUtc"/>; returns how many.</summary>
    public async Task<int> RunDueAsync(DateTime nowUtc, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var horizon = nowUtc.AddDays(settings.ReminderDaysBefore + 2);
        var candidates = await db.TherapySessions
            .Where(s => s.Status == SessionStatus.Scheduled && s.ReminderSentAtUtc == null && s.StartsAtUtc > nowUtc && s.StartsAtUtc <= horizon)
            .OrderBy(s => s.StartsAtUtc)
            .ToListAsync(cancellationToken);

        var sent = 0;
        foreach (var session in candidates)
        {
            if (await TrySendAsync(session, settings, nowUtc, cancellationToken))
            {
                sent++;
            }
        }

        return sent;
    }

    private async Task<bool> TrySendAsync(TherapySession session, AppointmentReminderOptions settings, DateTime nowUtc, CancellationToken cancellationToken)
    {
        var person = await db.ServiceUsers.SingleAsync(s => s.Id == session.ServiceUserId, cancellationToken);
        var checkInTime = await db.CheckInSchedules.Where(c => c.ServiceUserId == person.Id).Select(c => (TimeOnly?)c.LocalTime).FirstOrDefaultAsync(cancellationToken);
        var reminderTime = settings.ConfiguredReminderTime ?? checkInTime ?? AppointmentReminderOptions.FallbackReminderTime;
        if (person.MayNotBeTexted || !AppointmentReminderRule.IsDue(session, person.TimeZoneId, reminderTime, settings.ReminderDaysBefore, nowUtc))
        {
            return false;
        }

        var therapistId = session.TherapistId ?? person.TherapistId;
        var therapist = await db.StaffMembers.Where(s => s.Id == therapistId).Select(s => s.DisplayName).FirstOrDefaultAsync(cancellationToken);
        var template = await OrganisationTemplates.DefaultBodyAsync(db, person.OrganisationId, TemplateKind.AppointmentReminder, SessionTexts.DefaultReminder, cancellationToken);
        var body = MessageText.Fill(template, new Dictionary<string, string>
        {
            ["FirstName"] = person.GreetingName,
            ["Therapist"] = FirstWord(therapist) ?? "your worker",
            ["When"] = SessionTexts.When(session.StartsAtUtc, nowUtc, person.TimeZoneId),
            ["Where"] = SessionTexts.Where(session.Location),
        });

        var message = await OutboundTexts.QueueOnceAsync(db, person, OutboundKind.AppointmentReminder, body, $"appt:{session.Id}", nowUtc, cancellationToken);
        session.ReminderSentAtUtc = nowUtc;
        if (message is not null)
        {
            db.Conversations.Add(new Conversation
            {
                OrganisationId = person.OrganisationId,
                ServiceUserId = person.Id,
                Kind = ConversationKind.Agenda,
                SubjectId = session.Id,
                OutboundMessageId = message.Id,
                OpenedAtUtc = nowUtc,
                ExpiresAtUtc = session.StartsAtUtc,
            });
        }

        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Appointment reminder queued for session {SessionId}", session.Id);
        return message is not null;
    }

    internal static string? FirstWord(string? name) =>
        name?.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
}
