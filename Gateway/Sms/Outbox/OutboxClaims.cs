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
/// The check and the claim are one statement (each engine's form is in its dialect under Data/); claims are
/// serialised cluster-wide (PostgreSQL: a transaction-scoped advisory lock; SQL Server: an application lock; SQLite:
/// its single writer), so two gateways cannot each claim one of a pair in the same instant.
/// </para>
/// </summary>
internal static class OutboxClaims
{
    public static async Task<OutboxClaim> ClaimAsync(BuddyDbContext db, DateTime nowUtc, DateTime leaseUntilUtc, int limit, CancellationToken cancellationToken)
    {
        var token = Guid.NewGuid();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var ids = await db.Dialect.ClaimOutboxRowsAsync(db, new OutboxClaimRequest(nowUtc, leaseUntilUtc, limit, token), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new OutboxClaim(token, ids);
    }
}

/// <summary>
/// Rows claimed together, and the token that proves the claim: whoever records a claimed row's outcome does so only
/// while the row still carries this token (<see cref="OutboundMessage.ClaimToken"/> is a concurrency token).
/// </summary>
internal sealed record OutboxClaim(Guid Token, IReadOnlyList<Guid> Ids);
