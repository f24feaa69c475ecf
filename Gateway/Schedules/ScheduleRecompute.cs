using Buddy.Domain.Schedules;
using Buddy.Gateway.CheckIns;
using Buddy.Gateway.Data;
using Microsoft.EntityFrameworkCore;

namespace Buddy.Gateway.Schedules;

/// <summary>Recomputes a schedule's next due time from its current rule, the person and the days already done.</summary>
internal static class ScheduleRecompute
{
    /// <summary>In its own transaction, with the schedule row locked against a dispatcher working on it.</summary>
    public static async Task<DateTime?> RecomputeAsync(IDbContextFactory<BuddyDbContext> contexts, DateTime nowUtc, Guid scheduleId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var schedule = await db.Dialect.LockScheduleAsync(db, scheduleId, cancellationToken);
        if (schedule is null)
        {
            return null;
        }

        var next = await ApplyAsync(db, schedule, nowUtc, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return next;
    }

    /// <summary>Sets <see cref="CheckInSchedule.NextDueAtUtc"/> on a tracked schedule; the caller saves.</summary>
    public static async Task<DateTime?> ApplyAsync(BuddyDbContext db, CheckInSchedule schedule, DateTime nowUtc, CancellationToken cancellationToken)
    {
        // The person and organisation may carry unsaved changes in this context (a pause being saved): use those.
        var person = await db.ServiceUsers.FindAsync([schedule.ServiceUserId], cancellationToken)
            ?? throw new InvalidOperationException($"Schedule {schedule.Id} names a service user that does not exist.");
        var organisation = await db.Organisations.FindAsync([schedule.OrganisationId], cancellationToken)
            ?? throw new InvalidOperationException($"Schedule {schedule.Id} names an organisation that does not exist.");
        var last = await DueRows.LastCheckInDateAsync(db, person.Id, cancellationToken);
        schedule.NextDueAtUtc = CheckInRules.Recompute(schedule, person, QuietHours.For(organisation, schedule), nowUtc, last);
        return schedule.NextDueAtUtc;
    }
}
