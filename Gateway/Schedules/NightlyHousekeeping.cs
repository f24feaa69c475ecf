using Buddy.Gateway.Data;
using Microsoft.EntityFrameworkCore;

namespace Buddy.Gateway.Schedules;

/// <summary>
/// Once a night, recomputes every enabled schedule from its rule, so anything that changed without a recompute
/// (a pause that ended, a time-zone database update, an edit made straight in the database) is picked up.
/// </summary>
public sealed class NightlyHousekeeping(IDbContextFactory<BuddyDbContext> contexts, TimeProvider clock, ILogger<NightlyHousekeeping> logger)
{
    public async Task<(int Checked, int Changed)> RunAsync(CancellationToken cancellationToken = default)
    {
        List<(Guid Id, DateTime? Due)> schedules;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            schedules = (await db.CheckInSchedules.Where(s => s.IsEnabled).Select(s => new { s.Id, s.NextDueAtUtc }).ToListAsync(cancellationToken))
                .Select(s => (s.Id, s.NextDueAtUtc)).ToList();
        }

        var changed = 0;
        foreach (var (id, before) in schedules)
        {
            var after = await ScheduleRecompute.RecomputeAsync(contexts, clock.GetUtcNow().UtcDateTime, id, cancellationToken);
            if (after != before)
            {
                changed++;
            }
        }

        logger.LogInformation("Nightly housekeeping: {Checked} schedules recomputed, {Changed} changed", schedules.Count, changed);
        return (schedules.Count, changed);
    }
}
