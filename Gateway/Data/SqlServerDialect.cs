using System.Data;
using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Buddy.Domain.CheckIns;
using Buddy.Domain.Schedules;
using Microsoft.Data.SqlClient;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Quartz;

namespace Buddy.Gateway.Data;

/// <summary>
/// SQL Server 2019 or later. Claims read with <c>UPDLOCK, READPAST, ROWLOCK</c>: each claimed row is locked for
/// the caller's transaction and rows another dispatcher holds are skipped, not waited for (PostgreSQL's
/// <c>FOR UPDATE SKIP LOCKED</c>). Phone numbers, email addresses, provider sids, dedupe keys and key hashes are
/// compared byte for byte (a binary collation on their columns) whatever the database's case-insensitive default
/// is, as they are on the other engines. Every UTC time is <c>datetime2</c>.
/// </summary>
internal sealed partial class SqlServerDialect : DatabaseDialect
{
    /// <summary>Byte-for-byte comparison for the columns identity and exactly-once depend on.</summary>
    internal const string ExactCollation = "Latin1_General_100_BIN2";

    /// <summary>SQL Server 2019: OPENJSON for lists of ids, and the level EF Core translates queries for.</summary>
    internal const int CompatibilityLevel = 150;

    private const int UniqueIndexViolation = 2601;

    // SQL Server refuses a command with more than 2,100 parameters.
    internal override int MaxParametersPerCommand => 2_000;
    private const int UniqueConstraintViolation = 2627;

    internal const string ClaimDueSchedulesSql = """
        SELECT TOP (@take) * FROM check_in_schedules WITH (UPDLOCK, READPAST, ROWLOCK)
        WHERE is_enabled = 1 AND next_due_at_utc <= @now
          AND id NOT IN (SELECT CAST([value] AS uniqueidentifier) FROM OPENJSON(@skip))
        ORDER BY next_due_at_utc
        """;

    internal const string ClaimDueReminderSql = """
        SELECT TOP (1) * FROM check_ins WITH (UPDLOCK, READPAST, ROWLOCK)
        WHERE status = @sent AND reminder_due_at_utc <= @now AND reminder_sent_at_utc IS NULL
          AND id NOT IN (SELECT CAST([value] AS uniqueidentifier) FROM OPENJSON(@skip))
        ORDER BY reminder_due_at_utc
        """;

    internal const string LockScheduleSql = "SELECT * FROM check_in_schedules WITH (UPDLOCK, ROWLOCK) WHERE id = @id";

    // Held by the migration's transaction: a second instance waits here, and the lock goes with the commit.
    internal const string MigrationLockSql = """
        DECLARE @result int;
        EXEC @result = sp_getapplock @Resource = N'buddy-schema-migration', @LockMode = N'Exclusive', @LockOwner = N'Transaction', @LockTimeout = -1;
        IF @result < 0 THROW 51000, N'Buddy could not take the schema migration lock.', 1;
        """;

    internal const string HistoryTableSql = """
        IF OBJECT_ID(N'schema_history', N'U') IS NULL
            CREATE TABLE schema_history (
                version        int NOT NULL PRIMARY KEY,
                name           nvarchar(200) NOT NULL,
                checksum       nvarchar(64) NOT NULL,
                applied_at_utc nvarchar(40) NOT NULL
            );
        """;

    // The outbox claim (see Sms.Outbox.OutboxClaims): serialised across instances by an application lock held for the
    // transaction, then one UPDATE over the candidates, OUTPUT giving the claimed ids.
    internal const string ClaimOutboxSql = """
        DECLARE @locked int;
        EXEC @locked = sp_getapplock @Resource = N'buddy-outbox-claim', @LockMode = N'Exclusive', @LockOwner = N'Transaction', @LockTimeout = 30000;
        IF @locked < 0 THROW 51001, N'Buddy could not take the outbox claim lock.', 1;
        WITH candidates AS (
            SELECT c.id, c.not_before_utc,
                   ROW_NUMBER() OVER (
                       PARTITION BY c.to_phone, c.body
                       ORDER BY CASE WHEN c.status = @sending OR c.unconfirmed_since_utc IS NOT NULL THEN 0 ELSE 1 END, c.created_at_utc, c.id) AS turn
            FROM outbound_messages c WITH (UPDLOCK, READPAST, ROWLOCK)
            WHERE ((c.status = @pending AND c.not_before_utc <= @now) OR (c.status = @sending AND c.lease_until_utc < @now))
              AND NOT EXISTS (
                  SELECT 1 FROM outbound_messages other
                  WHERE other.to_phone = c.to_phone AND other.body = c.body AND other.id <> c.id
                    AND ((other.status = @sending AND other.lease_until_utc >= @now)
                         OR ((other.status = @sending OR (other.status = @pending AND other.unconfirmed_since_utc IS NOT NULL))
                             AND NOT ((c.status = @sending OR c.unconfirmed_since_utc IS NOT NULL)
                                      AND (c.created_at_utc < other.created_at_utc OR (c.created_at_utc = other.created_at_utc AND c.id < other.id))))))
        )
        UPDATE outbound_messages
        SET status = @sending, lease_until_utc = @lease, attempts = attempts + 1, claim_token = @token,
            unconfirmed_since_utc = CASE WHEN status = @sending THEN COALESCE(unconfirmed_since_utc, created_at_utc) ELSE unconfirmed_since_utc END
        OUTPUT inserted.id AS [Value]
        WHERE ((status = @pending AND not_before_utc <= @now) OR (status = @sending AND lease_until_utc < @now))
          AND id IN (SELECT TOP (@limit) id FROM candidates WHERE turn = 1 ORDER BY not_before_utc);
        """;

    // Deleted rows become ghost records that SQL Server's own cleanup removes within seconds; this also wipes the
    // unallocated space in the data files. It needs sysadmin or db_owner rights: without them the caller logs it.
    internal const string CleanFreeSpaceSql = "DECLARE @db sysname = DB_NAME(); EXEC sys.sp_clean_db_free_space @dbname = @db;";

    /// <summary>Every T-SQL statement this dialect sends, for the offline parse check.</summary>
    internal static IReadOnlyList<string> Statements { get; } =
        [ClaimDueSchedulesSql, ClaimDueReminderSql, LockScheduleSql, MigrationLockSql, HistoryTableSql, CleanFreeSpaceSql, ClaimOutboxSql];

    public override DatabaseProvider Provider => DatabaseProvider.SqlServer;

    internal override string EfProviderName => "Microsoft.EntityFrameworkCore.SqlServer";

    internal override bool ClustersScheduler => true;

    internal override string CreateHistoryTableSql => HistoryTableSql;

    internal override void UseProvider(DbContextOptionsBuilder options, string connectionString) =>
        options.UseSqlServer(connectionString, sql => sql.UseCompatibilityLevel(CompatibilityLevel));

    internal override void ConfigureModel(ModelBuilder builder)
    {
        // SqlClient reads datetime2 back with an unspecified kind; and DateTimeOffset (Identity's lockout end)
        // is stored as UTC datetime2 too, like every other time.
        StoreConventions.ReadDateTimesAsUtc(builder);
        StoreConventions.StoreDateTimeOffsetsAsUtc(builder);
        foreach (var property in builder.Model.GetEntityTypes().SelectMany(e => e.GetProperties()).Where(IsComparedExactly))
        {
            property.SetCollation(ExactCollation);
        }
    }

    /// <summary>Phone numbers, email addresses and user names, provider sids, dedupe keys, API key hashes and prefixes.</summary>
    internal static bool IsComparedExactly(IReadOnlyProperty property) =>
        property.ClrType == typeof(string)
        && (property.Name.Contains("Phone", StringComparison.Ordinal) || property.Name.Contains("Email", StringComparison.Ordinal)
            || property.Name.EndsWith("MessageId", StringComparison.Ordinal)
            || property.Name is "DedupeKey" or "Hash" or "Prefix" or "ToAddress" or "UserName" or "NormalizedUserName");

    internal override Task<List<CheckInSchedule>> ClaimDueSchedulesAsync(
        BuddyDbContext db, DateTime nowUtc, IReadOnlyCollection<Guid> skip, int take, CancellationToken cancellationToken) =>
        db.CheckInSchedules.FromSqlRaw(ClaimDueSchedulesSql, new SqlParameter("@take", take), Time("@now", nowUtc), Ids("@skip", skip))
            .ToListAsync(cancellationToken);

    internal override async Task<CheckIn?> ClaimDueReminderAsync(BuddyDbContext db, DateTime nowUtc, IReadOnlyCollection<Guid> skip, CancellationToken cancellationToken) =>
        (await db.CheckIns.FromSqlRaw(ClaimDueReminderSql, new SqlParameter("@sent", SqlDbType.NVarChar, 450) { Value = nameof(CheckInStatus.Sent) }, Time("@now", nowUtc), Ids("@skip", skip))
            .ToListAsync(cancellationToken)).SingleOrDefault();

    internal override string ClaimDueIdsSql(DueClaim due, int limit) =>
        $"SELECT TOP ({limit.ToString(CultureInfo.InvariantCulture)}) id AS [Value] FROM {due.Table} WITH (UPDLOCK, READPAST, ROWLOCK) WHERE {due.Condition} ORDER BY {due.OrderBy}";

    internal override async Task<CheckInSchedule?> LockScheduleAsync(BuddyDbContext db, Guid scheduleId, CancellationToken cancellationToken) =>
        (await db.CheckInSchedules.FromSqlRaw(LockScheduleSql, new SqlParameter("@id", scheduleId)).ToListAsync(cancellationToken)).SingleOrDefault();

    internal override Task<List<Guid>> ClaimOutboxRowsAsync(BuddyDbContext db, OutboxClaimRequest claim, CancellationToken cancellationToken) =>
        db.Database.SqlQueryRaw<Guid>(
                ClaimOutboxSql,
                Text("@sending", OutboxClaimRequest.Sending), Text("@pending", OutboxClaimRequest.Pending), Time("@now", claim.NowUtc),
                Time("@lease", claim.LeaseUntilUtc), new SqlParameter("@limit", claim.Limit), new SqlParameter("@token", claim.Token))
            .ToListAsync(cancellationToken);

    // T-SQL names a VALUES table's columns itself and returns rows with OUTPUT; otherwise as the shared form.
    internal override string RecordOutboxAcceptancesSql(string rows) => $$"""
        UPDATE m
        SET provider_message_id = answers.sid, status = answers.status, sent_at_utc = {2}, status_updated_at_utc = {2},
            lease_until_utc = NULL, unconfirmed_since_utc = NULL, error_code = NULL, error_message = NULL, claim_token = NULL
        OUTPUT inserted.id AS [Value]
        FROM outbound_messages AS m
        JOIN (VALUES {{rows}}) AS answers (id, sid, status) ON m.id = answers.id
        WHERE m.status = {0} AND m.claim_token = {1};
        """;

    // T-SQL names a VALUES table's columns only when told, and updates the FROM clause's instance of the table.
    internal override string BulkUpdateSql(string table, string set, string match, string values, int columns) =>
        $"UPDATE {table} SET {set} FROM {table} JOIN (VALUES {values}) AS v ({string.Join(", ", Enumerable.Range(1, columns).Select(c => $"column{c}"))}) ON {match}";

    internal override bool IsUniqueViolation(Exception exception) =>
        exception is SqlException { Number: UniqueIndexViolation or UniqueConstraintViolation };

    internal override async Task<string?> ReclaimFreedSpaceAsync(DbConnection connection, IReadOnlyList<string> tables, CancellationToken cancellationToken)
    {
        await ExecuteLongAsync(connection, CleanFreeSpaceSql, cancellationToken);
        return null;
    }

    internal override DbConnection CreateConnection(string connectionString) => new SqlConnection(connectionString);

    internal override async Task<DbTransaction> BeginMigrationAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = MigrationLockSql;
        command.CommandTimeout = 300;
        await command.ExecuteNonQueryAsync(cancellationToken);
        return transaction;
    }

    /// <summary>A script may hold several batches separated by lines reading GO, as SQL Server's own tools write them.</summary>
    internal override IEnumerable<string> Batches(string script) =>
        BatchSeparator().Split(script).Where(batch => !string.IsNullOrWhiteSpace(batch));

    internal override void UseQuartzStore(IPersistentStoreBuilder store, string connectionString) =>
        store.UseSqlServer(SqlClientFactory.Instance, connectionString);

    private static SqlParameter Text(string name, string value) => new(name, SqlDbType.NVarChar, 450) { Value = value };

    private static SqlParameter Time(string name, DateTime value) => new(name, SqlDbType.DateTime2) { Value = value };

    private static SqlParameter Ids(string name, IReadOnlyCollection<Guid> ids) =>
        new(name, SqlDbType.NVarChar, -1) { Value = JsonSerializer.Serialize(ids) };

    [GeneratedRegex(@"^\s*GO\s*$", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex BatchSeparator();
}
