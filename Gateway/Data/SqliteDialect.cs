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

    internal override void UseProvider(DbContextOptionsBuilder options, string connectionString) =>
        options.UseSqlite(connectionString).AddInterceptors(SqliteBusyTimeout.Instance);

    // SQLite stores DateTime as text and forgets the kind: read every one back as the UTC it was written as.
    internal override void ConfigureModel(ModelBuilder builder) => StoreConventions.ReadDateTimesAsUtc(builder);

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
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode=WAL;";
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    // BEGIN IMMEDIATE takes the write lock now; a second instance waits (busy timeout) until this one commits.
    internal override Task<DbTransaction> BeginMigrationAsync(DbConnection connection, CancellationToken cancellationToken) =>
        Task.FromResult<DbTransaction>(((SqliteConnection)connection).BeginTransaction(deferred: false));
}
