using Buddy.Domain.CheckIns;
using Buddy.Domain.Schedules;
using Buddy.Gateway.Data;
using Microsoft.EntityFrameworkCore;

namespace Buddy.Gateway.CheckIns;

/// <summary>
/// Claims due rows for the caller's open transaction, so concurrent dispatchers (other instances, or a job
/// overlapping a failover) each take different rows; how each engine does it is its dialect's business
/// (<see cref="DatabaseDialect.ClaimDueSchedulesAsync"/>).
/// </summary>
internal static class DueRows
{
    public static async Task<CheckInSchedule?> ClaimScheduleAsync(BuddyDbContext db, DateTime nowUtc, IReadOnlyCollection<Guid> skip, CancellationToken cancellationToken) =>
        (await db.Dialect.ClaimDueSchedulesAsync(db, nowUtc, skip, 1, cancellationToken)).SingleOrDefault();

    /// <summary>Up to <paramref name="take"/> due schedules, earliest first, claimed as <see cref="ClaimScheduleAsync"/> claims one.</summary>
    public static async Task<IReadOnlyList<CheckInSchedule>> ClaimSchedulesAsync(
        BuddyDbContext db, DateTime nowUtc, IReadOnlyCollection<Guid> skip, int take, CancellationToken cancellationToken) =>
        await db.Dialect.ClaimDueSchedulesAsync(db, nowUtc, skip, take, cancellationToken);

    public static Task<CheckIn?> ClaimReminderAsync(BuddyDbContext db, DateTime nowUtc, IReadOnlyCollection<Guid> skip, CancellationToken cancellationToken) =>
        db.Dialect.ClaimDueReminderAsync(db, nowUtc, skip, cancellationToken);

    /// <summary>The latest local date that already has a check-in for this person (sent, missed or skipped).</summary>
    public static Task<DateOnly?> LastCheckInDateAsync(BuddyDbContext db, Guid serviceUserId, CancellationToken cancellationToken) =>
        db.CheckIns.Where(c => c.ServiceUserId == serviceUserId).MaxAsync(c => (DateOnly?)c.LocalDate, cancellationToken);
}
