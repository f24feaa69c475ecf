using System.Data.Common;
using Buddy.Domain.CheckIns;
using Buddy.Domain.Schedules;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Buddy.Gateway.Data;

/// <summary>
/// SQLite: one writer at a time. A claim needs no row lock: the caller's write transaction holds the database's
/// single write lock, so a second dispatcher waits and then sees the first one's work.
/// </summary>
internal sealed class SqliteDialect : DatabaseDialect
{
    private const int SqliteConstraint = 19;
    private const int SqliteConstraintUnique = 2067;
    private const int SqliteConstraintPrimaryKey = 1555;

    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    internal override string EfProviderName => "Microsoft.EntityFrameworkCore.Sqlite";

    internal override bool ClustersScheduler => false;

    // Microsoft.Data.Sqlite binds each statement of a command by looking every parameter of the command up by name,
    // so a command's cost grows with the square of its parameters: a SaveChanges of 1,000 outbox answers batched
    // into one command took 15-40 s (BENCHMARKS.md). Small batches keep it linear; SQLite has no round trip to save.
    private const int StatementsPerBatch = 16;

    internal override void UseProvider(DbContextOptionsBuilder options, string connectionString) =>
        options.UseSqlite(connectionString, sqlite => sqlite.MaxBatchSize(StatementsPerBatch)).AddInterceptors(SqliteConnectionPragmas.Instance);

    internal override bool SavesRowByRow => true;

    // The same reason for multi-row inserts: 16 rows of 20 columns are 320 parameters a command.
    internal override int MaxRowsPerInsert => StatementsPerBatch;

    // And for the outbox's recorded answers: 100 rows of 3 are about the parameters of one 16-row insert.
    internal override int MaxRowsPerUpdate => 100;

    // SQLite stores DateTime as text and forgets the kind: read every one back as the UTC it was written as.
    internal override void ConfigureModel(ModelBuilder builder) => StoreConventions.ReadDateTimesAsUtc(builder);

    // The check-in dispatcher therefore reads and plans a batch before its write transaction and moves each schedule on
    // only from the due time it read (CheckInDispatcher.RescheduleAsync), so the write lock is held for the writes alone.
    internal override bool ClaimLocksRows => false;

    internal override Task<List<CheckInSchedule>> ClaimDueSchedulesAsync(
        BuddyDbContext db, DateTime nowUtc, IReadOnlyCollection<Guid> skip, int take, CancellationToken cancellationToken) =>
        db.CheckInSchedules
            .Where(s => s.IsEnabled && s.NextDueAtUtc <= nowUtc && !skip.Contains(s.Id))
            .OrderBy(s => s.NextDueAtUtc)
            .Take(take)
            .ToListAsync(cancellationToken);

    internal override Task<CheckIn?> ClaimDueReminderAsync(BuddyDbContext db, DateTime nowUtc, IReadOnlyCollection<Guid> skip, CancellationToken cancellationToken) =>
        db.CheckIns
            .Where(c => c.Status == CheckInStatus.Sent && c.ReminderDueAtUtc <= nowUtc && c.ReminderSentAtUtc == null && !skip.Contains(c.Id))
            .OrderBy(c => c.ReminderDueAtUtc)
            .FirstOrDefaultAsync(cancellationToken);

    internal override Task<CheckInSchedule?> LockScheduleAsync(BuddyDbContext db, Guid scheduleId, CancellationToken cancellationToken) =>
        db.CheckInSchedules.SingleOrDefaultAsync(s => s.Id == scheduleId, cancellationToken);

    internal override bool IsUniqueViolation(Exception exception) =>
        exception is SqliteException { SqliteErrorCode: SqliteConstraint, SqliteExtendedErrorCode: SqliteConstraintUnique or SqliteConstraintPrimaryKey };

    internal override DbConnection CreateConnection(string connectionString) => new SqliteConnection(connectionString);

    // WAL lets the dashboard read while the scheduler writes; it is a property of the file, so set it once here.
    internal override async Task PrepareAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        await ExecuteAsync(connection, "PRAGMA journal_mode=WAL;", cancellationToken);
        await UseIncrementalVacuumAsync(connection, cancellationToken);
    }

    /// <summary>
    /// Erasure and retention free pages that held personal data; in incremental auto-vacuum mode they can be handed
    /// back to the file system (Privacy.FreedSpace) instead of sitting in the file. The mode belongs to the file and
    /// changes only with a VACUUM, run once here: instant on a new file, a one-off rebuild of an older one (which
    /// also clears whatever earlier deletions left in its free pages).
    /// </summary>
    private static async Task UseIncrementalVacuumAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        const long Incremental = 2;
        await using var mode = connection.CreateCommand();
        mode.CommandText = "PRAGMA auto_vacuum;";
        if (Convert.ToInt64(await mode.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture) != Incremental)
        {
            await ExecuteAsync(connection, "PRAGMA auto_vacuum = INCREMENTAL; VACUUM;", cancellationToken);
        }
    }

    /// <summary>
    /// secure_delete (set on every connection) has already zeroed what was deleted or overwritten; this returns the
    /// freed pages to the file system (incremental_vacuum) and empties the write-ahead log, whose older frames still
    /// hold the rows as they were (wal_checkpoint(TRUNCATE)). A reader holding an old snapshot can stop the log
    /// emptying this time; the next checkpoint does it.
    /// </summary>
    internal override async Task<string?> ReclaimFreedSpaceAsync(DbConnection connection, IReadOnlyList<string> tables, CancellationToken cancellationToken)
    {
        await ExecuteLongAsync(connection, "PRAGMA incremental_vacuum;", cancellationToken);
        await using var checkpoint = connection.CreateCommand();
        checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
        await using var reader = await checkpoint.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) && reader.GetInt32(0) != 0
            ? "The SQLite write-ahead log could not be emptied now (a reader is open); the next checkpoint empties it"
            : null;
    }

    private static async Task ExecuteAsync(DbConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    // BEGIN IMMEDIATE takes the write lock now; a second instance waits (busy timeout) until this one commits.
    internal override Task<DbTransaction> BeginMigrationAsync(DbConnection connection, CancellationToken cancellationToken) =>
        Task.FromResult<DbTransaction>(((SqliteConnection)connection).BeginTransaction(deferred: false));
}
