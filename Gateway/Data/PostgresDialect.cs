using System.Data.Common;
using Buddy.Domain.CheckIns;
using Buddy.Domain.Schedules;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Quartz;

namespace Buddy.Gateway.Data;

/// <summary>
/// PostgreSQL: claims lock their rows with <c>FOR UPDATE SKIP LOCKED</c>, so concurrent dispatchers (other
/// instances, or a job overlapping a failover) each take different rows and never wait on one another.
/// </summary>
internal sealed class PostgresDialect : DatabaseDialect
{
    // Any fixed number works; it only has to be the same for every Buddy instance.
    private const long MigrationLockKey = 0x42756464_79000001;

    public override DatabaseProvider Provider => DatabaseProvider.Postgres;

    internal override string EfProviderName => "Npgsql.EntityFrameworkCore.PostgreSQL";

    internal override bool ClustersScheduler => true;

    internal override void UseProvider(DbContextOptionsBuilder options, string connectionString) => options.UseNpgsql(connectionString);

    internal override async Task<List<CheckInSchedule>> ClaimDueSchedulesAsync(
        BuddyDbContext db, DateTime nowUtc, IReadOnlyCollection<Guid> skip, int take, CancellationToken cancellationToken)
    {
        var skipIds = skip.ToArray();
        return await db.CheckInSchedules.FromSql($"""
            SELECT * FROM check_in_schedules
            WHERE is_enabled AND next_due_at_utc <= {nowUtc} AND NOT (id = ANY({skipIds}))
            ORDER BY next_due_at_utc
            LIMIT {take}
            FOR UPDATE SKIP LOCKED
            """).ToListAsync(cancellationToken);
    }

    internal override async Task<CheckIn?> ClaimDueReminderAsync(BuddyDbContext db, DateTime nowUtc, IReadOnlyCollection<Guid> skip, CancellationToken cancellationToken)
    {
        var skipIds = skip.ToArray();
        var sent = nameof(CheckInStatus.Sent);
        var rows = await db.CheckIns.FromSql($"""
            SELECT * FROM check_ins
            WHERE status = {sent} AND reminder_due_at_utc <= {nowUtc} AND reminder_sent_at_utc IS NULL AND NOT (id = ANY({skipIds}))
            ORDER BY reminder_due_at_utc
            LIMIT 1
            FOR UPDATE SKIP LOCKED
            """).ToListAsync(cancellationToken);
        return rows.SingleOrDefault();
    }

    internal override string ClaimDueIdsSql(DueClaim due, int limit) => base.ClaimDueIdsSql(due, limit) + " FOR UPDATE SKIP LOCKED";

    internal override async Task<CheckInSchedule?> LockScheduleAsync(BuddyDbContext db, Guid scheduleId, CancellationToken cancellationToken) =>
        (await db.CheckInSchedules.FromSql($"SELECT * FROM check_in_schedules WHERE id = {scheduleId} FOR UPDATE").ToListAsync(cancellationToken)).SingleOrDefault();

    /// <summary>The advisory lock key outbox claims hold for their transaction ("outbox" in ASCII).</summary>
    private const long OutboxClaimLockKey = 0x6F7574626F78;

    private protected override Task LockOutboxClaimsAsync(BuddyDbContext db, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock({0})", [OutboxClaimLockKey], cancellationToken);

    internal override bool IsUniqueViolation(Exception exception) =>
        exception is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };

    // A deleted or updated row stays on its page as a dead tuple until vacuumed, so vacuum the touched tables now
    // rather than whenever autovacuum comes (VACUUM cannot run inside a transaction, hence after the commit).
    internal override async Task<string?> ReclaimFreedSpaceAsync(DbConnection connection, IReadOnlyList<string> tables, CancellationToken cancellationToken)
    {
        await ExecuteLongAsync(connection, "VACUUM " + string.Join(", ", tables.Select(t => $"\"{t}\"")), cancellationToken);
        return null;
    }

    internal override DbConnection CreateConnection(string connectionString) => new NpgsqlConnection(connectionString);

    // A transaction-scoped advisory lock: a second instance waits here, and the lock goes with the commit.
    internal override async Task<DbTransaction> BeginMigrationAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"SELECT pg_advisory_xact_lock({MigrationLockKey});";
        await command.ExecuteNonQueryAsync(cancellationToken);
        return transaction;
    }

    // The same validated connection string as the rest of Buddy; the tables come from our own scripts.
    internal override void UseQuartzStore(IPersistentStoreBuilder store, string connectionString) =>
        store.UsePostgres(source => source.DataSourceFactory = _ => NpgsqlDataSource.Create(connectionString));
}
