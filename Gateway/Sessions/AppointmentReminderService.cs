using Buddy.Domain.Conversations;
using Buddy.Domain.Sessions;
using Buddy.Domain.Sms;
using Buddy.Domain.Templates;
using Buddy.Gateway.Data;
using Buddy.Gateway.Schedules;
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
    public Task<int> RunDueAsync(DateTime nowUtc, CancellationToken cancellationToken) =>
        DueBatches.RunAsync(db, Candidates(nowUtc, options.Value), (ids, notDue, token) => RemindAsync(ids, notDue, nowUtc, token), logger, cancellationToken);

    /// <summary>
    /// Scheduled sessions close enough that a reminder may be due; which are due depends on each person's zone and
    /// check-in time, decided in code (<see cref="AppointmentReminderRule"/>).
    /// </summary>
    internal static DueClaim Candidates(DateTime nowUtc, AppointmentReminderOptions settings) =>
        new("therapy_sessions", "status = {0} AND reminder_sent_at_utc IS NULL AND starts_at_utc > {1} AND starts_at_utc <= {2}", "starts_at_utc",
            nameof(SessionStatus.Scheduled), nowUtc, nowUtc.AddDays(settings.ReminderDaysBefore + 2));

    /// <summary>
    /// Stages the reminders of the claimed sessions that are due (the batch saves them); a session not due yet, or
    /// whose person cannot be texted now, goes in <paramref name="notDue"/> and is looked at again on a later run.
    /// </summary>
    private async Task<int> RemindAsync(IReadOnlyList<Guid> ids, ISet<Guid> notDue, DateTime nowUtc, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var sessions = await db.TherapySessions.Where(s => ids.Contains(s.Id)).OrderBy(s => s.StartsAtUtc).ToListAsync(cancellationToken);
        var personIds = sessions.Select(s => s.ServiceUserId).Distinct().ToList();
        var people = await db.ServiceUsers.Where(p => personIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, cancellationToken);
        var checkInTimes = (await db.CheckInSchedules.Where(c => personIds.Contains(c.ServiceUserId)).Select(c => new { c.ServiceUserId, c.LocalTime }).ToListAsync(cancellationToken))
            .GroupBy(c => c.ServiceUserId).ToDictionary(g => g.Key, g => g.First().LocalTime);

        var due = sessions.Where(session =>
        {
            var person = people[session.ServiceUserId];
            var reminderTime = settings.ConfiguredReminderTime ?? (checkInTimes.TryGetValue(person.Id, out var time) ? time : AppointmentReminderOptions.FallbackReminderTime);
            var isDue = !person.MayNotBeTexted && AppointmentReminderRule.IsDue(session, person.TimeZoneId, reminderTime, settings.ReminderDaysBefore, nowUtc);
            if (!isDue)
            {
                notDue.Add(session.Id);
            }

            return isDue;
        }).ToList();
        if (due.Count == 0)
        {
            return 0;
        }

        var therapistIds = due.Select(s => s.TherapistId ?? people[s.ServiceUserId].TherapistId).OfType<Guid>().Distinct().ToList();
        var therapists = await db.StaffMembers.Where(s => therapistIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.DisplayName, cancellationToken);
        var templates = await OrganisationTemplates.DefaultBodiesAsync(db, [.. due.Select(s => s.OrganisationId).Distinct()], TemplateKind.AppointmentReminder, cancellationToken);
        var sent = 0;
        foreach (var session in due)
        {
            var person = people[session.ServiceUserId];
            var therapistId = session.TherapistId ?? person.TherapistId;
            var therapist = therapistId is { } id ? therapists.GetValueOrDefault(id) : null;
            var body = MessageText.Fill(templates.GetValueOrDefault(person.OrganisationId) ?? SessionTexts.DefaultReminder, new Dictionary<string, string>
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
                db.Conversations.Add(Conversation.AskedBy(person, message, ConversationKind.Agenda, session.Id, nowUtc, session.StartsAtUtc));
                sent++;
            }

            logger.LogInformation("Appointment reminder queued for session {SessionId}", session.Id);
        }

        return sent;
    }

    internal static string? FirstWord(string? name) =>
        name?.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
}
