using Buddy.Domain.CheckIns;
using Buddy.Gateway.Data;
using Buddy.Gateway.Schedules;
using Microsoft.EntityFrameworkCore;

namespace Buddy.Gateway.CheckIns;

/// <summary>Closes check-ins nobody answered: Sent becomes Unanswered once the reply window has passed.</summary>
public sealed class CheckInExpiry(IDbContextFactory<BuddyDbContext> contexts, TimeProvider clock, SchedulingSettings settings, ILogger<CheckInExpiry> logger)
{
    public async Task<int> ExpireAsync(CancellationToken cancellationToken = default)
    {
        var cutoff = clock.GetUtcNow().UtcDateTime.AddHours(-settings.ReplyWindowHours);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);

        // One conditional UPDATE: a reply that lands at the same moment (status Answered) is never overwritten.
        var expired = await db.CheckIns
            .Where(c => c.Status == CheckInStatus.Sent && c.DueAtUtc <= cutoff)
            .ExecuteUpdateAsync(u => u.SetProperty(c => c.Status, CheckInStatus.Unanswered), cancellationToken);
        if (expired > 0)
        {
            logger.LogInformation("Marked {Count} check-ins unanswered after {Hours} hours", expired, settings.ReplyWindowHours);
        }

        return expired;
    }
}
