using Buddy.Domain.Sms;
using Buddy.Gateway.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Buddy.Gateway.Sms.Outbox;

/// <summary>
/// The <c>outbox</c> entry of /health: how many texts are due and how long the oldest has waited. Degraded (still
/// HTTP 200) when the oldest due text has waited longer than a normal evening's backlog takes to clear.
/// </summary>
internal sealed class OutboxHealthCheck(IDbContextFactory<BuddyDbContext> contexts, TimeProvider clock) : IHealthCheck
{
    internal static readonly TimeSpan StaleAfter = TimeSpan.FromMinutes(15);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var due = db.OutboundMessages.Where(m => m.Status == OutboundStatus.Pending && m.NotBeforeUtc <= now);
        var pending = await due.CountAsync(cancellationToken);
        var sending = await db.OutboundMessages.CountAsync(m => m.Status == OutboundStatus.Sending, cancellationToken);
        var oldest = await due.OrderBy(m => m.NotBeforeUtc).Select(m => (DateTime?)m.NotBeforeUtc).FirstOrDefaultAsync(cancellationToken);
        var age = oldest is { } since ? now - since : TimeSpan.Zero;

        var data = new Dictionary<string, object>
        {
            ["pending"] = pending,
            ["sending"] = sending,
            ["oldestPendingAgeSeconds"] = (int)age.TotalSeconds,
        };
        return age > StaleAfter
            ? HealthCheckResult.Degraded($"{pending} text(s) due; the oldest has waited {(int)age.TotalMinutes} min.", data: data)
            : HealthCheckResult.Healthy($"{pending} text(s) due.", data);
    }
}
