using Buddy.Domain.Sms;
using Buddy.Gateway.Data;
using Microsoft.EntityFrameworkCore;

namespace Buddy.Gateway.Sms.Outbox;

/// <summary>The dispatcher's group commit: a batch's answers recorded together, falling back to one row at a time.</summary>
internal sealed partial class OutboxDispatcher
{
    /// <summary>
    /// Records a group of answers in one commit; false when the commit was refused, after recording each of them on
    /// its own. The provider's acceptances, nearly every answer, are written by multi-row statements
    /// (<see cref="DatabaseDialect.RecordOutboxAcceptancesAsync"/>: one a batch on PostgreSQL, one per 100 rows on
    /// SQLite) instead of an UPDATE a row; the rarer answers (retry, refusal, cancellation, unsubscribed) go through
    /// the change tracker as before. Both stay conditional on the claim token row by row.
    /// </summary>
    private async Task<bool> TryRecordTogetherAsync(BuddyDbContext db, Guid claimToken, List<(OutboundMessage Message, Decision Decision)> group)
    {
        var accepted = group.Where(a => a.Decision.Outcome is SendOutcome.Accepted).ToList();
        var others = group.Where(a => a.Decision.Outcome is not SendOutcome.Accepted).ToList();
        var acceptedTogether = accepted.Count == 0 || await TryRecordAcceptedTogetherAsync(db, claimToken, accepted);
        var othersTogether = others.Count == 0 || await TryRecordTrackedTogetherAsync(db, claimToken, others);
        return acceptedTogether && othersTogether;
    }

    private async Task<bool> TryRecordAcceptedTogetherAsync(BuddyDbContext db, Guid claimToken, List<(OutboundMessage Message, Decision Decision)> accepted)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var acceptances = accepted.ConvertAll(a => a.Decision.Outcome is SendOutcome.Accepted taken
            ? new OutboxAcceptance(a.Message.Id, taken.ProviderMessageId, taken.Status)
            : throw new InvalidOperationException("Only acceptances are recorded together."));
        HashSet<Guid> recorded;
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(CancellationToken.None);
            recorded = [.. await db.Dialect.RecordOutboxAcceptancesAsync(db, claimToken, now, acceptances, CancellationToken.None)];
            await transaction.CommitAsync(CancellationToken.None);
        }
        catch (Exception ex) when (UniqueViolation.IsEngineError(ex))
        {
            // A sid is already another row's (a status callback recorded it there first): each on its own decides.
            logger.LogWarning("Outbox: {Count} acceptances could not be recorded together ({Error}); recording each on its own", accepted.Count, ex.GetType().Name);
            foreach (var (message, decision) in accepted)
            {
                await RecordOneAsync(message.Id, claimToken, decision);
            }

            return false;
        }

        foreach (var (message, decision) in accepted)
        {
            if (recorded.Contains(message.Id))
            {
                Recorded(message, decision);
            }
            else
            {
                logger.LogWarning("Outbox {MessageId}: claimed again or recorded by a status callback while this sender held it (claim {ClaimToken}); its new owner decides",
                    message.Id, claimToken);
            }
        }

        return true;
    }

    private async Task<bool> TryRecordTrackedTogetherAsync(BuddyDbContext db, Guid claimToken, List<(OutboundMessage Message, Decision Decision)> group)
    {
        foreach (var (message, decision) in group)
        {
            db.OutboundMessages.Attach(message); // loaded untracked: its claim token as read is the concurrency check
            await ApplyAsync(db, message, decision);
            message.ClaimToken = null; // the row is no longer held once its outcome is recorded
        }

        try
        {
            await db.SaveChangesAsync(CancellationToken.None);
        }
        catch (DbUpdateException ex)
        {
            logger.LogWarning("Outbox: {Count} answers could not be recorded together ({Error}); recording each on its own", group.Count, ex.GetType().Name);
            foreach (var (message, decision) in group)
            {
                await RecordOneAsync(message.Id, claimToken, decision);
            }

            return false;
        }

        foreach (var (message, decision) in group)
        {
            Recorded(message, decision);
        }

        return true;
    }
}
