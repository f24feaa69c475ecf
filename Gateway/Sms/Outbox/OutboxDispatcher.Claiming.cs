using Buddy.Domain.Sms;
using Buddy.Gateway.Data;
using Microsoft.EntityFrameworkCore;

namespace Buddy.Gateway.Sms.Outbox;

/// <summary>The dispatcher's claim: how many rows one batch may take, and the queue it leaves behind, for the log.</summary>
internal sealed partial class OutboxDispatcher
{
    private async Task<OutboxClaim> ClaimAsync(CancellationToken stoppingToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await contexts.CreateDbContextAsync(stoppingToken);
        var slowest = await db.Organisations.Select(o => (double?)o.SendRatePerSecond).MinAsync(stoppingToken) ?? 1.0;

        // No more than can go out within a quarter of the lease at the slowest pace: two batches may be in flight,
        // the second paced behind the first, and neither claim may outlive its lease.
        var limit = (int)Math.Clamp(Math.Floor(slowest * settings.OutboxLease.TotalSeconds / 4), 1, settings.OutboxBatchSize);
        var claim = await OutboxClaims.ClaimAsync(db, now, now + settings.OutboxLease, limit, stoppingToken);
        if (claim.Ids.Count > 0)
        {
            await LogQueueAsync(db, now, claim.Ids.Count, slowest, stoppingToken);
        }

        return claim;
    }

    private async Task LogQueueAsync(BuddyDbContext db, DateTime now, int claimed, double slowestRate, CancellationToken cancellationToken)
    {
        var pending = await db.OutboundMessages.CountAsync(m => m.Status == OutboundStatus.Pending && m.NotBeforeUtc <= now, cancellationToken);
        logger.LogInformation("Outbox: sending {Claimed} now, {Pending} more due and waiting; slowest organisation pace {Rate}/s per sending number",
            claimed, pending, slowestRate);
    }
}
