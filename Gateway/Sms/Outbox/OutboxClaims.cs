using Buddy.Domain.Sms;
using Buddy.Gateway.Data;
using Microsoft.EntityFrameworkCore;

namespace Buddy.Gateway.Sms.Outbox;

/// <summary>
/// Claims due outbox rows in a single statement: due Pending rows, and Sending rows whose lease ran out (their
/// sender crashed). Claiming sets Sending, a lease and a fresh claim token, and counts the attempt, so a row that
/// keeps crashing its sender still runs out of attempts. Re-claiming a Sending row also marks it unconfirmed: its
/// last sender may have handed it to the provider before dying, so the dispatcher asks the provider before sending.
/// <para>
/// Asking the provider only works if the answer is unambiguous. Twilio's Messages resource takes no idempotency key
/// and its list does not echo one, so a text is known by its number, its words and its time alone: two rows with the
/// same words to the same number, both possibly at Twilio unrecorded, could not be told apart (the probe's crash
/// put one Twilio sid on four rows). So a row is claimed only while no other row with the same number and words is
/// being sent or in doubt: one unrecorded text per number and wording at a time, and a text Twilio lists that no
/// row has recorded is the in-doubt row's own. Other words to the same number (a crisis reply behind a check-in)
/// are not held up.
/// </para>
/// <para>
/// The check and the claim are one statement; claims are serialised cluster-wide (PostgreSQL: a transaction-scoped
/// advisory lock; SQLite: its single writer), so two gateways cannot each claim one of a pair in the same instant.
/// </para>
/// </summary>
internal static class OutboxClaims
{
    /// <summary>The advisory lock key the claim statement holds on PostgreSQL ("outbox" in ASCII).</summary>
    private const long ClaimLockKey = 0x6F7574626F78;

    public static async Task<OutboxClaim> ClaimAsync(BuddyDbContext db, DateTime nowUtc, DateTime leaseUntilUtc, int limit, CancellationToken cancellationToken)
    {
        var token = Guid.NewGuid();
        var sending = nameof(OutboundStatus.Sending);
        var pending = nameof(OutboundStatus.Pending);

        // {0} Sending, {1} lease, {2} Pending, {3} now, {4} limit, {5} token. The outer WHERE repeats "due" so a row
        // recorded by a status callback while this statement waited for its lock (PostgreSQL re-checks the outer
        // condition on the row as it now is) is not claimed.
        const string Due = "((status = {2} AND not_before_utc <= {3}) OR (status = {0} AND lease_until_utc < {3}))";
        var sql = $$"""
            UPDATE outbound_messages
            SET status = {0}, lease_until_utc = {1}, attempts = attempts + 1, claim_token = {5},
                unconfirmed_since_utc = CASE WHEN status = {0} THEN COALESCE(unconfirmed_since_utc, created_at_utc) ELSE unconfirmed_since_utc END
            WHERE {{Due}} AND id IN (
                SELECT id FROM (
                    SELECT c.id, c.not_before_utc,
                           ROW_NUMBER() OVER (
                               PARTITION BY c.to_phone, c.body
                               ORDER BY CASE WHEN c.status = {0} OR c.unconfirmed_since_utc IS NOT NULL THEN 0 ELSE 1 END, c.created_at_utc, c.id) AS turn
                    FROM outbound_messages c
                    WHERE ((c.status = {2} AND c.not_before_utc <= {3}) OR (c.status = {0} AND c.lease_until_utc < {3}))
                      AND NOT EXISTS (
                          SELECT 1 FROM outbound_messages other
                          WHERE other.to_phone = c.to_phone AND other.body = c.body AND other.id <> c.id
                            AND ((other.status = {0} AND other.lease_until_utc >= {3})
                                 OR ((other.status = {0} OR (other.status = {2} AND other.unconfirmed_since_utc IS NOT NULL))
                                     -- of two rows in doubt (left so by a gateway without this rule), the older goes first
                                     AND NOT ((c.status = {0} OR c.unconfirmed_since_utc IS NOT NULL)
                                              AND (c.created_at_utc < other.created_at_utc OR (c.created_at_utc = other.created_at_utc AND c.id < other.id)))))))
                    candidates
                WHERE turn = 1
                ORDER BY not_before_utc
                LIMIT {4})
            RETURNING id AS "Value"
            """;

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (!db.IsSqlite)
        {
            await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock({0})", [ClaimLockKey], cancellationToken);
        }

        var ids = await db.Database.SqlQueryRaw<Guid>(sql, sending, leaseUntilUtc, pending, nowUtc, limit, token).ToListAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new OutboxClaim(token, ids);
    }
}

/// <summary>
/// Rows claimed together, and the token that proves the claim: whoever records a claimed row's outcome does so only
/// while the row still carries this token (<see cref="OutboundMessage.ClaimToken"/> is a concurrency token).
/// </summary>
internal sealed record OutboxClaim(Guid Token, IReadOnlyList<Guid> Ids);
