using Buddy.Gateway.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Buddy.Gateway.Sms.Inbound;

/// <summary>
/// The <c>inbound-recovery</c> entry of /health: when Twilio's log was last read, how many texts that reading and
/// all readings found that the webhook had not delivered. Degraded (still HTTP 200) when the last reading failed or
/// none has run for three intervals, because then a missed webhook is not being made good.
/// </summary>
internal sealed class InboundRecoveryHealthCheck(IDbContextFactory<BuddyDbContext> contexts, InboundRecoverySettings settings, TimeProvider clock) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!settings.Enabled)
        {
            return HealthCheckResult.Healthy("Inbound recovery is off (Sms:Inbound:Recovery:Enabled, or not the Twilio provider).");
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var status = await InboundRecoveryStatus.ReadAsync(db, cancellationToken);
        var data = new Dictionary<string, object>
        {
            ["lastRunUtc"] = status.LastRunUtc?.ToString("O") ?? "never",
            ["lastRecovered"] = status.LastRecovered,
            ["recoveredTotal"] = status.RecoveredTotal,
        };
        if (status.FailingNumbers > 0)
        {
            return HealthCheckResult.Degraded($"The last reading of Twilio's log failed for {status.FailingNumbers} number(s).", data: data);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        return status.LastRunUtc is not { } last || now - last > settings.Interval * 3
            ? HealthCheckResult.Degraded("Twilio's log has not been read for three recovery intervals.", data: data)
            : HealthCheckResult.Healthy($"{status.LastRecovered} text(s) recovered by the last reading.", data);
    }
}

/// <summary>The recovery marks summed over every receiving number: what /health and the manager console show.</summary>
internal sealed record InboundRecoveryStatus(DateTime? LastRunUtc, int LastRecovered, int RecoveredTotal, int FailingNumbers)
{
    public static async Task<InboundRecoveryStatus> ReadAsync(BuddyDbContext db, CancellationToken cancellationToken)
    {
        var marks = await db.InboundRecoveryMarks.AsNoTracking().ToListAsync(cancellationToken);
        return new InboundRecoveryStatus(
            marks.Max(m => m.LastRunAtUtc),
            marks.Sum(m => m.LastRecovered),
            marks.Sum(m => m.RecoveredTotal),
            marks.Count(m => m.LastError is not null));
    }
}
