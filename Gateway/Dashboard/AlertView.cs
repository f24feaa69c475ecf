using Buddy.Domain.Safeguarding;
using Buddy.Gateway.Data;
using Microsoft.EntityFrameworkCore;

namespace Buddy.Gateway.Dashboard;

/// <summary>
/// An alert as a screen shows it: with every reply behind it (a safeguarding alert joined by later replies lists each
/// one), in the person's time zone, and on the alerts page with the person's name.
/// </summary>
public sealed record AlertView(Alert Alert, IReadOnlyList<AlertReply> Replies, string TimeZoneId, string? ServiceUserName = null)
{
    /// <summary>
    /// Open alerts in the order to act on them: urgent first, and within a tier the one with the newest reply first,
    /// so a new urgent reply is never below an older alert.
    /// </summary>
    public static IEnumerable<T> UrgentFirst<T>(IEnumerable<T> alerts, Func<T, Alert> alertOf) =>
        alerts.OrderByDescending(a => alertOf(a).Severity).ThenByDescending(a => alertOf(a).LatestAtUtc);

    /// <summary>The replies behind <paramref name="alertIds"/>, oldest first: one query for a page of alerts.</summary>
    public static async Task<ILookup<Guid, AlertReply>> RepliesAsync(BuddyDbContext db, IReadOnlyCollection<Guid> alertIds, CancellationToken cancellationToken)
    {
        if (alertIds.Count == 0)
        {
            return Array.Empty<AlertReply>().ToLookup(r => r.AlertId);
        }

        var replies = await db.AlertReplies.AsNoTracking()
            .Where(r => alertIds.Contains(r.AlertId))
            .ToListAsync(cancellationToken);
        return replies.OrderBy(r => r.ReceivedAtUtc).ToLookup(r => r.AlertId);
    }
}
