using Buddy.Domain.CheckIns;
using Buddy.Domain.Schedules;
using Buddy.Gateway.Data;
using Microsoft.EntityFrameworkCore;

namespace Buddy.Gateway.CheckIns;

/// <summary>
/// Claims one due row for the caller's open transaction. On PostgreSQL the row is locked with
/// <c>FOR UPDATE SKIP LOCKED</c>, so concurrent dispatchers (other instances, or a job overlapping a failover) each
/// take different rows; on SQLite the transaction itself holds the database's single write lock (BEGIN IMMEDIATE),
/// so the second dispatcher waits and then sees the first one's work.
/// </summary>
internal static class DueRows
{
    public static async Task<CheckInSchedule?> ClaimScheduleAsync(BuddyDbContext db, DateTime nowUtc, IReadOnlyCollection<Guid> skip, CancellationToken cancellationToken)
    {
        if (db.IsSqlite)
        {
            return await db.CheckInSchedules
                .Where(s => s.IsEnabled && s.NextDueAtUtc <= nowUtc && !skip.Contains(s.Id))
                .OrderBy(s => s.NextDueAtUtc)
                .FirstOrDefaultAsync(cancellationToken);
        }

        var skipIds = skip.ToArray();
        var rows = await db.CheckInSchedules.FromSql($"""
            SELECT * FROM check_in_schedules
            WHERE is_enabled AND next_due_at_utc <= {nowUtc} AND NOT (id = ANY({skipIds}))
            ORDER BY next_due_at_utc
            LIMIT 1
            FOR UPDATE SKIP LOCKED
            """).ToListAsync(cancellationToken);
        return rows.SingleOrDefault();
    }

    /// <summary>Up to <paramref name="take"/> due schedules, earliest first, claimed as <see cref="ClaimScheduleAsync"/> claims one.</summary>
    public static async Task<IReadOnlyList<CheckInSchedule>> ClaimSchedulesAsync(
        BuddyDbContext db, DateTime nowUtc, IReadOnlyCollection<Guid> skip, int take, CancellationToken cancellationToken)
    {
        if (db.IsSqlite)
        {
            return await db.CheckInSchedules
                .Where(s => s.IsEnabled && s.NextDueAtUtc <= nowUtc && !skip.Contains(s.Id))
                .OrderBy(s => s.NextDueAtUtc)
                .Take(take)
                .ToListAsync(cancellationToken);
        }

        var skipIds = skip.ToArray();
        return await db.CheckInSchedules.FromSql($"""
            SELECT * FROM check_in_schedules
            WHERE is_enabled AND next_due_at_utc <= {nowUtc} AND NOT (id = ANY({skipIds}))
            ORDER BY next_due_at_utc
            LIMIT {take}
            FOR UPDATE SKIP LOCKED
            """).ToListAsync(cancellationToken);
    }

    public static async Task<CheckIn?> ClaimReminderAsync(BuddyDbContext db, DateTime nowUtc, IReadOnlyCollection<Guid> skip, CancellationToken cancellationToken)
    {
        if (db.IsSqlite)
        {
            return await db.CheckIns
                .Where(c => c.Status == CheckInStatus.Sent && c.ReminderDueAtUtc <= nowUtc && c.ReminderSentAtUtc == null && !skip.Contains(c.Id))
                .OrderBy(c => c.ReminderDueAtUtc)
                .FirstOrDefaultAsync(cancellationToken);
        }

        var skipIds = skip.ToArray();
        var sent = nameof(CheckInStatus.Sent);
        var rows = await db.CheckIns.FromSql($"""
            SELECT * FROM check_ins
            WHERE status = {sent} AND reminder_due_at_utc <= {nowUtc} AND reminder_sent_at_utc IS NULL AND NOT (id = ANY({skipIds}))
            ORDER BY reminder_due_at_utc
            LIMIT 1
            FOR UPDATE SKIP LOCKED
            """).ToListAsync(cancellationToken);
        return rows.SingleOrDefault();
    }

    /// <summary>The latest local date that already has a check-in for this person (sent, missed or skipped).</summary>
    public static Task<DateOnly?> LastCheckInDateAsync(BuddyDbContext db, Guid serviceUserId, CancellationToken cancellationToken) =>
        db.CheckIns.Where(c => c.ServiceUserId == serviceUserId).MaxAsync(c => (DateOnly?)c.LocalDate, cancellationToken);
}
