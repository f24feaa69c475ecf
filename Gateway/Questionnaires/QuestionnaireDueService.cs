using Buddy.Domain.Questionnaires;
using Buddy.Domain.Time;
using Buddy.Gateway.Conversations;
using Buddy.Gateway.Data;
using Microsoft.EntityFrameworkCore;

namespace Buddy.Gateway.Questionnaires;

/// <summary>
/// Starts scheduled questionnaires that are due. The schedule moves on in the same transaction as the start, and
/// the first text's DedupeKey (qs:{scheduleId}:{date}) is per occurrence, so a repeated run sends nothing twice.
/// </summary>
public sealed class QuestionnaireDueService(BuddyDbContext db, QuestionnaireService questionnaires, ILogger<QuestionnaireDueService> logger)
{
    public async Task<int> RunDueAsync(DateTime nowUtc, CancellationToken cancellationToken)
    {
        var due = await db.QuestionnaireSchedules
            .Where(s => s.IsEnabled && s.NextDueAtUtc <= nowUtc)
            .OrderBy(s => s.NextDueAtUtc)
            .ToListAsync(cancellationToken);

        var started = 0;
        foreach (var schedule in due)
        {
            var person = await db.ServiceUsers.SingleAsync(s => s.Id == schedule.ServiceUserId, cancellationToken);
            var dueDate = LocalTimes.LocalDate(schedule.NextDueAtUtc, person.TimeZoneId);
            schedule.NextDueAtUtc = NextOccurrence(schedule, person.TimeZoneId, dueDate, nowUtc);
            schedule.UpdatedAtUtc = nowUtc;
            if (person.IsPausedOn(LocalTimes.LocalDate(nowUtc, person.TimeZoneId)))
            {
                // Like check-ins, a scheduled questionnaire waits out a pause: this occurrence is skipped, the schedule carries on.
                logger.LogInformation("Scheduled {Kind} for service user {ServiceUserId} skipped: paused", schedule.Kind, person.Id);
                await db.SaveChangesAsync(cancellationToken);
                continue;
            }

            try
            {
                await questionnaires.StartAsync(person, schedule.Kind, QuestionnaireSource.Scheduled, CycleActor.System, schedule.Id, $"qs:{schedule.Id}:{dueDate:yyyy-MM-dd}", nowUtc, cancellationToken);
                started++;
            }
            catch (CycleValidationException ex)
            {
                // Opted out, discharged or one still in progress: this occurrence is skipped, the schedule carries on.
                logger.LogInformation("Scheduled {Kind} for service user {ServiceUserId} skipped: {Reason}", schedule.Kind, person.Id, ex.Message);
            }

            await db.SaveChangesAsync(cancellationToken);
        }

        return started;
    }

    /// <summary>Every N weeks from the last due date, skipping occurrences missed while the gateway was down.</summary>
    internal static DateTime NextOccurrence(QuestionnaireSchedule schedule, string timeZoneId, DateOnly lastDueDate, DateTime nowUtc)
    {
        var date = lastDueDate;
        DateTime next;
        do
        {
            date = date.AddDays(7 * schedule.EveryWeeks);
            next = LocalTimes.ToUtc(date, schedule.LocalTime, timeZoneId);
        }
        while (next <= nowUtc);

        return next;
    }
}
