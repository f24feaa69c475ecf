using Buddy.Domain.Sms;
using Buddy.Gateway.Data;
using Microsoft.EntityFrameworkCore;

namespace Buddy.Gateway.Sms.Outbox;

/// <summary>
/// Claims due outbox rows for one sender in a single statement: due Pending rows, and Sending rows whose lease
/// ran out (their sender crashed). Claiming sets Sending, a lease, and counts the attempt, so a row that keeps
/// crashing its sender still runs out of attempts. Re-claiming a Sending row also marks it unconfirmed: its last
/// sender may have handed it to the provider before dying, so the dispatcher asks the provider before sending it.
/// </summary>
internal static class OutboxClaims
{
    public static async Task<IReadOnlyList<Guid>> ClaimAsync(BuddyDbContext db, DateTime nowUtc, DateTime leaseUntilUtc, int limit, CancellationToken cancellationToken)
    {
        // PostgreSQL: SKIP LOCKED lets several gateways claim side by side without waiting on or sharing a row.
        // SQLite: one writer at a time, and the UPDATE is a single write transaction, which is the same guarantee.
        var lockClause = db.IsSqlite ? "" : "FOR UPDATE SKIP LOCKED";
        var sql = $$"""
            UPDATE outbound_messages
            SET status = {0}, lease_until_utc = {1}, attempts = attempts + 1,
                unconfirmed_since_utc = CASE WHEN status = {0} THEN COALESCE(unconfirmed_since_utc, created_at_utc) ELSE unconfirmed_since_utc END
            WHERE id IN (
                SELECT id FROM outbound_messages
                WHERE (status = {2} AND not_before_utc <= {3}) OR (status = {0} AND lease_until_utc < {3})
                ORDER BY not_before_utc
                LIMIT {4}
                {{lockClause}})
            RETURNING id AS "Value"
            """;
        var ids = db.Database.SqlQueryRaw<Guid>(
            sql, nameof(OutboundStatus.Sending), leaseUntilUtc, nameof(OutboundStatus.Pending), nowUtc, limit);
        return await ids.ToListAsync(cancellationToken);
    }
}
