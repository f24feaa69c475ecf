using Buddy.Domain.CheckIns;
using Buddy.Domain.Diary;
using Buddy.Domain.Sms;
using Buddy.Gateway.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Buddy.Gateway.Sms.Inbound;

/// <summary>
/// Saves one inbound transaction's work. Where SaveChanges sends a statement per row (SQLite,
/// <see cref="DatabaseDialect.SavesRowByRow"/>), the rows every routine text makes, its diary entry (new or merged),
/// the check-in it answered and its own new state, are written first in multi-row statements
/// (<see cref="BulkInsert"/>, <see cref="BulkUpdate"/>): diary entries first, since an alert and a text point at
/// theirs. Everything else (alerts and their replies, the outbox, audit, conversations, consent, the opt-out
/// interceptor's work), kinds with fewer than <see cref="MinRows"/> rows, and on PostgreSQL everything, go through
/// SaveChanges as before, in the same transaction. A text another worker handled first still fails the save with
/// <see cref="DbUpdateConcurrencyException"/> (its state is matched on Received), so exactly once holds.
/// </summary>
internal static class InboundWrites
{
    /// <summary>
    /// Fewer rows of a kind than this are left to SaveChanges: an urgent batch of a text or two gains nothing from a
    /// statement of its own per kind.
    /// </summary>
    internal const int MinRows = 8;

    public static async Task SaveAsync(BuddyDbContext db, CancellationToken cancellationToken)
    {
        if (!db.Dialect.SavesRowByRow)
        {
            await db.SaveChangesAsync(cancellationToken);
            return;
        }

        var tracker = db.ChangeTracker;
        tracker.DetectChanges();
        var written = new List<EntityEntry>();
        tracker.AutoDetectChangesEnabled = false; // detected once above; each look at the entries would scan them all again
        try
        {
            await WriteAsync<DiaryEntry>(db, written, cancellationToken);
            await WriteAsync<CheckIn>(db, written, cancellationToken);
            await WriteAsync<InboundMessage>(db, written, cancellationToken);
        }
        finally
        {
            tracker.AutoDetectChangesEnabled = true;
        }

        // Written: SaveChanges must not write them again (its own scan would still see them as changed).
        foreach (var entry in written)
        {
            entry.State = EntityState.Detached;
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private static async Task WriteAsync<T>(BuddyDbContext db, List<EntityEntry> written, CancellationToken cancellationToken)
        where T : class
    {
        var added = db.ChangeTracker.Entries<T>().Where(e => e.State == EntityState.Added).ToList();
        if (added.Count >= MinRows)
        {
            await BulkInsert.InsertAsync(db, [.. added.Select(e => e.Entity)], cancellationToken);
            written.AddRange(added);
        }

        var modified = db.ChangeTracker.Entries<T>().Where(e => e.State == EntityState.Modified).ToList();
        if (modified.Count >= MinRows)
        {
            await BulkUpdate.UpdateAsync(db, modified, cancellationToken);
            written.AddRange(modified);
        }
    }
}
