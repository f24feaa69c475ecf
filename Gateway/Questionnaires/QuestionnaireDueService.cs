using Buddy.Domain.Questionnaires;
using Buddy.Domain.Time;
using Buddy.Gateway.Audit;
using Buddy.Gateway.Conversations;
using Buddy.Gateway.Data;
using Buddy.Gateway.Schedules;
using Microsoft.EntityFrameworkCore;

namespace Buddy.Gateway.Questionnaires;

/// <summary>
/// Starts scheduled questionnaires that are due. The schedule moves on in the same transaction as the start, and
/// the first text's DedupeKey (qs:{scheduleId}:{date}) is per occurrence, so a repeated run sends nothing twice; due
/// schedules are claimed in batches (<see cref="DueBatches"/>), so two instances never start the same one.
/// </summary>
public sealed class QuestionnaireDueService(BuddyDbContext db, QuestionnaireService questionnaires, ILogger<QuestionnaireDueService> logger)
{
    public Task<int> RunDueAsync(DateTime nowUtc, CancellationToken cancellationToken) =>
        DueBatches.RunAsync(db, Due(nowUtc), (ids, _, token) => StartAsync(ids, nowUtc, token), logger, cancellationToken);

    /// <summary>Enabled questionnaire schedules whose next occurrence is due.</summary>
    internal static DueClaim Due(DateTime nowUtc) =>
        new("questionnaire_schedules", "is_enabled = {0} AND next_due_at_utc <= {1}", "next_due_at_utc", true, nowUtc);

    /// <summary>Stages the claimed schedules' questionnaires (the batch saves them); returns how many were started.</summary>
    private async Task<int> StartAsync(IReadOnlyList<Guid> ids, DateTime nowUtc, CancellationToken cancellationToken)
    {
        var due = await db.QuestionnaireSchedules.Where(s => ids.Contains(s.Id)).OrderBy(s => s.NextDueAtUtc).ToListAsync(cancellationToken);
        var personIds = due.Select(s => s.ServiceUserId).Distinct().ToList();
        var people = await db.ServiceUsers.Where(p => personIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, cancellationToken);

        var started = 0;
        foreach (var schedule in due)
        {
            var person = people[schedule.ServiceUserId];
            var dueDate = LocalTimes.LocalDate(schedule.NextDueAtUtc, person.TimeZoneId);
            schedule.NextDueAtUtc = NextOccurrence(schedule, person.TimeZoneId, dueDate, nowUtc);
            schedule.UpdatedAtUtc = nowUtc;
            if (person.IsPausedOn(LocalTimes.LocalDate(nowUtc, person.TimeZoneId)))
            {
                // Like check-ins, a scheduled questionnaire waits out a pause: this occurrence is skipped, the schedule carries on.
                logger.LogInformation("Scheduled {Kind} for service user {ServiceUserId} skipped: paused", schedule.Kind, person.Id);
                continue;
            }

            var start = await questionnaires.StartAsync(
                person, schedule.Kind, QuestionnaireSource.Scheduled, AuditActor.System, schedule.Id, $"qs:{schedule.Id}:{dueDate:yyyy-MM-dd}", nowUtc, cancellationToken);
            if (start.IsSaved)
            {
                started++;
            }
            else
            {
                // Opted out, discharged or one still in progress: this occurrence is skipped, the schedule carries on.
                logger.LogInformation("Scheduled {Kind} for service user {ServiceUserId} skipped: {Reason}", schedule.Kind, person.Id, start.Reason);
            }
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
