using Buddy.Gateway.Data;
using Buddy.Gateway.Schedules;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Buddy.Gateway.CheckIns;

/// <summary>
/// Cluster-wide, not per instance (only one instance runs the dispatcher at a time): Degraded when an enabled
/// schedule has been due for longer than <see cref="SchedulingSettings.OverdueWarningMinutes"/>, meaning no
/// dispatcher is running anywhere. Counts only; no personal data.
/// </summary>
internal sealed class CheckInsHealthCheck(IDbContextFactory<BuddyDbContext> contexts, TimeProvider clock, SchedulingSettings settings) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var cutoff = now.AddMinutes(-settings.OverdueWarningMinutes);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var overdue = await db.CheckInSchedules.CountAsync(s => s.IsEnabled && s.NextDueAtUtc < cutoff, cancellationToken);
        var pendingReminders = await db.CheckIns.CountAsync(c => c.ReminderDueAtUtc <= now && c.ReminderSentAtUtc == null && c.Status == Domain.CheckIns.CheckInStatus.Sent, cancellationToken);
        var data = new Dictionary<string, object>
        {
            ["overdueSchedules"] = overdue,
            ["dueReminders"] = pendingReminders,
            ["jobsRunHere"] = settings.Enabled,
        };
        return overdue == 0
            ? HealthCheckResult.Healthy("No check-in is overdue.", data)
            : HealthCheckResult.Degraded($"{overdue} check-in schedule(s) overdue by more than {settings.OverdueWarningMinutes} minutes: is the scheduler running?", data: data);
    }
}
