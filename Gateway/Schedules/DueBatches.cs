using Buddy.Gateway.Data;

namespace Buddy.Gateway.Schedules;

/// <summary>
/// The claim-in-batches pattern for due work that is not a check-in (goal, appointment and questionnaire reminders;
/// check-ins have their own in CheckIns/): claim up to <see cref="Size"/> due rows for one transaction (server engines
/// lock them and skip rows another instance holds, <see cref="DatabaseDialect.ClaimDueIdsAsync"/>), handle them
/// with the people loaded once for the batch, save and commit together. A claimed row is always moved on (its next
/// due time, or its sent mark), so a second run or a second instance finds nothing left to send twice.
/// </summary>
internal static class DueBatches
{
    /// <summary>Large enough that a backlog costs few round trips, small enough that a failed batch redone row by row stays quick.</summary>
    public const int Size = 100;

    /// <summary>
    /// Runs every due row of one kind. <paramref name="handle"/> gets the claimed ids, stages its changes (it does not
    /// save) and returns how many texts it queued; a row it leaves unchanged because it is not due yet (a coarse claim,
    /// refined in code) it adds to the skip set, so the next claim passes over it. A batch that fails is rolled back
    /// and redone one row at a time, so one person's problem holds back nobody else's reminder; the failing row is
    /// logged and left for the next run.
    /// </summary>
    public static async Task<int> RunAsync(
        BuddyDbContext db, DueClaim due, Func<IReadOnlyList<Guid>, ISet<Guid>, CancellationToken, Task<int>> handle, ILogger logger,
        CancellationToken cancellationToken)
    {
        var skip = new HashSet<Guid>();
        var queued = 0;
        var take = Size;
        var oneByOne = 0;
        while (true)
        {
            List<Guid> ids;
            await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
            {
                ids = await db.Dialect.ClaimDueIdsAsync(db, due, skip, take, cancellationToken);
                if (ids.Count == 0)
                {
                    return queued;
                }

                try
                {
                    var batch = await handle(ids, skip, cancellationToken);
                    await db.SaveChangesAsync(cancellationToken);
                    await transaction.CommitAsync(cancellationToken);
                    queued += batch;
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    await transaction.RollbackAsync(CancellationToken.None);
                    if (ids.Count == 1)
                    {
                        logger.LogError(ex, "Due {Table} row {Id} failed; it is tried again on the next run", due.Table, ids[0]);
                        skip.Add(ids[0]);
                    }
                    else
                    {
                        logger.LogInformation("Batch of {Count} due {Table} rows not written ({Error}); handling them one at a time", ids.Count, due.Table, ex.GetType().Name);
                        take = 1;
                        oneByOne = ids.Count + 1;
                    }
                }
                finally
                {
                    // Nothing staged may outlive its batch: a rolled-back row must not be saved with the next one.
                    db.ChangeTracker.Clear();
                }
            }

            if (take == 1 && --oneByOne <= 0)
            {
                take = Size;
            }
            else if (take == Size && ids.Count < Size)
            {
                return queued;
            }
        }
    }
}
