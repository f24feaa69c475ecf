using System.Data.Common;
using System.Globalization;
using Buddy.Domain.CheckIns;
using Buddy.Domain.Schedules;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Quartz;

namespace Buddy.Gateway.Data;

/// <summary>
/// Everything that differs between the engines Buddy runs on, one subclass per engine and nothing engine-specific
/// anywhere else: how EF Core is pointed at it, the model conventions it needs, how due work is claimed so two
/// instances never take the same row, how "that row already exists" is recognised, how the schema migrator locks
/// and talks to it, and whether Quartz keeps a clustered store in it. A test over the source keeps provider
/// checks out of every other folder.
/// </summary>
public abstract class DatabaseDialect
{
    public static readonly DatabaseDialect Sqlite = new SqliteDialect();
    public static readonly DatabaseDialect Postgres = new PostgresDialect();
    public static readonly DatabaseDialect SqlServer = new SqlServerDialect();

    public static IReadOnlyList<DatabaseDialect> All { get; } = [Sqlite, Postgres, SqlServer];

    public abstract DatabaseProvider Provider { get; }

    /// <summary>The EF Core provider's name, as <see cref="DatabaseFacade.ProviderName"/> reports it.</summary>
    internal abstract string EfProviderName { get; }

    public static DatabaseDialect For(DatabaseProvider provider) =>
        All.SingleOrDefault(d => d.Provider == provider) ?? throw new ArgumentOutOfRangeException(nameof(provider), provider, "Unsupported database provider.");

    /// <summary>The dialect of the engine a context is connected to.</summary>
    public static DatabaseDialect Of(DatabaseFacade database) =>
        All.SingleOrDefault(d => d.EfProviderName == database.ProviderName)
        ?? throw new InvalidOperationException($"No dialect for the EF Core provider {database.ProviderName}.");

    /// <summary>Points EF Core at the engine.</summary>
    internal abstract void UseProvider(DbContextOptionsBuilder options, string connectionString);

    /// <summary>Engine-specific mapping, after the shared conventions (see <see cref="StoreConventions"/>).</summary>
    internal virtual void ConfigureModel(ModelBuilder builder)
    {
    }

    /// <summary>
    /// Up to <paramref name="take"/> enabled schedules due at <paramref name="nowUtc"/>, earliest first, except
    /// <paramref name="skip"/>, claimed for the caller's open transaction so a concurrent dispatcher takes others.
    /// </summary>
    internal abstract Task<List<CheckInSchedule>> ClaimDueSchedulesAsync(
        BuddyDbContext db, DateTime nowUtc, IReadOnlyCollection<Guid> skip, int take, CancellationToken cancellationToken);

    /// <summary>
    /// Whether <see cref="ClaimDueSchedulesAsync"/> locks what it returns, so it must run inside the transaction that
    /// writes the batch. False where the claim only reads (SQLite: one writer, nothing to lock).
    /// </summary>
    internal virtual bool ClaimLocksRows => true;

    /// <summary>One sent check-in whose reminder is due and not yet sent, claimed the same way.</summary>
    internal abstract Task<CheckIn?> ClaimDueReminderAsync(BuddyDbContext db, DateTime nowUtc, IReadOnlyCollection<Guid> skip, CancellationToken cancellationToken);

    /// <summary>
    /// Ids of up to <paramref name="take"/> due rows of one kind, earliest first, except <paramref name="skip"/>, claimed
    /// for the caller's open transaction (<see cref="Schedules.DueBatches"/>). This form only reads: SQLite has a single
    /// writer, so there is no other claimer to pass over; the server engines lock what they return and skip locked rows.
    /// Skipped ids are read and dropped here rather than written into the SQL: they are the rows of this run that failed
    /// or are not due yet, a handful, and it keeps the statement the same on every engine.
    /// </summary>
    internal async Task<List<Guid>> ClaimDueIdsAsync(BuddyDbContext db, DueClaim due, IReadOnlyCollection<Guid> skip, int take, CancellationToken cancellationToken)
    {
        var ids = await db.Database.SqlQueryRaw<Guid>(ClaimDueIdsSql(due, take + skip.Count), due.Parameters).ToListAsync(cancellationToken);
        return [.. ids.Where(id => !skip.Contains(id)).Take(take)];
    }

    internal virtual string ClaimDueIdsSql(DueClaim due, int limit) =>
        $"SELECT id AS \"Value\" FROM {due.Table} WHERE {due.Condition} ORDER BY {due.OrderBy} LIMIT {limit.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>One schedule, locked against a dispatcher for the caller's open transaction.</summary>
    internal abstract Task<CheckInSchedule?> LockScheduleAsync(BuddyDbContext db, Guid scheduleId, CancellationToken cancellationToken);

    /// <summary>
    /// Claims due outbox rows in the caller's open transaction, one statement, by the rule in Sms.Outbox.OutboxClaims
    /// (one unrecorded text per number and wording at a time); returns their ids. SQLite and PostgreSQL share this
    /// form; an engine that needs a lock first overrides <see cref="LockOutboxClaimsAsync"/>.
    /// </summary>
    internal virtual async Task<List<Guid>> ClaimOutboxRowsAsync(BuddyDbContext db, OutboxClaimRequest claim, CancellationToken cancellationToken)
    {
        await LockOutboxClaimsAsync(db, cancellationToken);
        return await db.Database.SqlQueryRaw<Guid>(
                OutboxClaimSql, OutboxClaimRequest.Sending, claim.LeaseUntilUtc, OutboxClaimRequest.Pending, claim.NowUtc, claim.Limit, claim.Token)
            .ToListAsync(cancellationToken);
    }

    /// <summary>Serialises outbox claims across instances for the caller's transaction, where the engine needs it.</summary>
    private protected virtual Task LockOutboxClaimsAsync(BuddyDbContext db, CancellationToken cancellationToken) => Task.CompletedTask;

    // {0} Sending, {1} lease, {2} Pending, {3} now, {4} limit, {5} token. The outer WHERE repeats "due" so a row
    // recorded by a status callback while this statement waited for its lock (PostgreSQL re-checks the outer
    // condition on the row as it now is) is not claimed.
    private const string OutboxClaimSql = """
        UPDATE outbound_messages
        SET status = {0}, lease_until_utc = {1}, attempts = attempts + 1, claim_token = {5},
            unconfirmed_since_utc = CASE WHEN status = {0} THEN COALESCE(unconfirmed_since_utc, created_at_utc) ELSE unconfirmed_since_utc END
        WHERE ((status = {2} AND not_before_utc <= {3}) OR (status = {0} AND lease_until_utc < {3})) AND id IN (
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

    /// <summary>
    /// Records the provider's acceptance of claimed outbox rows, <see cref="MaxRowsPerUpdate"/> rows a statement in
    /// the caller's transaction: each row's sid and status, sent and updated at <paramref name="nowUtc"/>, its lease,
    /// doubt, error and claim cleared, but only while it is still Sending under <paramref name="claimToken"/> (a row
    /// claimed again or recorded by a status callback meanwhile is left to its new owner). Returns the ids recorded.
    /// A sid another row already holds fails the statement with the engine's unique violation.
    /// </summary>
    internal async Task<List<Guid>> RecordOutboxAcceptancesAsync(
        BuddyDbContext db, Guid claimToken, DateTime nowUtc, IReadOnlyList<OutboxAcceptance> acceptances, CancellationToken cancellationToken)
    {
        const int fixedParameters = 3, parametersPerRow = 3;
        var rowsPerStatement = Math.Max(1, Math.Min(MaxRowsPerUpdate, (MaxParametersPerCommand - fixedParameters) / parametersPerRow));
        var recorded = new List<Guid>(acceptances.Count);
        foreach (var chunk in acceptances.Chunk(rowsPerStatement))
        {
            var parameters = new object[fixedParameters + (chunk.Length * parametersPerRow)];
            parameters[0] = OutboxClaimRequest.Sending;
            parameters[1] = claimToken;
            parameters[2] = nowUtc;
            var rows = new System.Text.StringBuilder(chunk.Length * 24);
            for (var i = 0; i < chunk.Length; i++)
            {
                var first = fixedParameters + (i * parametersPerRow);
                parameters[first] = chunk[i].Id;
                parameters[first + 1] = chunk[i].ProviderMessageId;
                parameters[first + 2] = chunk[i].Status.ToString();
                rows.Append(i == 0 ? "" : ", ").Append(CultureInfo.InvariantCulture, $"({{{first}}}, {{{first + 1}}}, {{{first + 2}}})");
            }

            recorded.AddRange(await db.Database.SqlQueryRaw<Guid>(RecordOutboxAcceptancesSql(rows.ToString()), parameters).ToListAsync(cancellationToken));
        }

        return recorded;
    }

    // {0} Sending, {1} claim token, {2} now; the rows are (id, provider sid, status) with the default names VALUES
    // gives its columns on both SQLite and PostgreSQL.
    internal virtual string RecordOutboxAcceptancesSql(string rows) => $$"""
        UPDATE outbound_messages
        SET provider_message_id = answers.column2, status = answers.column3, sent_at_utc = {2}, status_updated_at_utc = {2},
            lease_until_utc = NULL, unconfirmed_since_utc = NULL, error_code = NULL, error_message = NULL, claim_token = NULL
        FROM (VALUES {{rows}}) AS answers
        WHERE outbound_messages.id = answers.column1 AND outbound_messages.status = {0} AND outbound_messages.claim_token = {1}
        RETURNING id AS "Value"
        """;

    /// <summary>
    /// Whether SaveChanges sends a statement per changed row (SQLite, in batches of 16), so writing a batch's rows
    /// with multi-row statements saves real work. PostgreSQL's SaveChanges already sends them in few round trips, and
    /// there the multi-row UPDATE measured slower (BENCHMARKS.md, feature/bulk5).
    /// </summary>
    internal virtual bool SavesRowByRow => false;

    /// <summary>
    /// A multi-row update (<see cref="BulkUpdate"/>): <paramref name="set"/> and <paramref name="match"/> read the rows'
    /// values as <c>v.column1</c>, <c>v.column2</c>, ..., the names SQLite and PostgreSQL give a VALUES list's columns.
    /// </summary>
    internal virtual string BulkUpdateSql(string table, string set, string match, string values, int columns) =>
        $"UPDATE {table} SET {set} FROM (VALUES {values}) AS v WHERE {match}";

    /// <summary>Most rows one multi-row <c>UPDATE</c> may carry (also bounded by <see cref="MaxParametersPerCommand"/>).</summary>
    internal virtual int MaxRowsPerUpdate => 1_000;

    /// <summary>Most parameters one command may carry (a multi-row insert is split to stay under it).</summary>
    internal virtual int MaxParametersPerCommand => 30_000;

    /// <summary>Most rows one <c>INSERT ... VALUES</c> may list.</summary>
    internal virtual int MaxRowsPerInsert => 500;

    /// <summary>Whether the engine's exception says a unique index refused a second row (for exactly-once writes: already done).</summary>
    internal abstract bool IsUniqueViolation(Exception exception);

    /// <summary>A connection for the schema migrator, not yet open.</summary>
    internal abstract DbConnection CreateConnection(string connectionString);

    /// <summary>Anything to set on the database once, before the scripts (SQLite's journal mode).</summary>
    internal virtual Task PrepareAsync(DbConnection connection, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// A transaction holding the database-wide migration lock until it commits or rolls back, so instances
    /// starting together apply each script once.
    /// </summary>
    internal abstract Task<DbTransaction> BeginMigrationAsync(DbConnection connection, CancellationToken cancellationToken);

    /// <summary>
    /// After personal data was erased or anonymised (and committed), makes the engine let go of the old bytes, so
    /// they cannot be read from the database files (see Privacy.FreedSpace). <paramref name="tables"/> come from the
    /// model, never from input. Returns a sentence for the log when the work could only be done in part.
    /// </summary>
    internal abstract Task<string?> ReclaimFreedSpaceAsync(DbConnection connection, IReadOnlyList<string> tables, CancellationToken cancellationToken);

    private protected static async Task ExecuteLongAsync(DbConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = 600;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Creates <c>schema_history</c> when it is missing (SQLite and PostgreSQL share this form).</summary>
    internal virtual string CreateHistoryTableSql => """
        CREATE TABLE IF NOT EXISTS schema_history (
            version        integer PRIMARY KEY,
            name           text NOT NULL,
            checksum       text NOT NULL,
            applied_at_utc text NOT NULL
        )
        """;

    /// <summary>The pieces of a script to send one at a time (SQL Server's GO separates batches).</summary>
    internal virtual IEnumerable<string> Batches(string script) => [script];

    /// <summary>
    /// Quartz's job store: false keeps triggers in memory (one instance, SQLite); true clusters them in the
    /// database through <see cref="UseQuartzStore"/> (tables from sql/{engine}/0002).
    /// </summary>
    internal abstract bool ClustersScheduler { get; }

    internal virtual void UseQuartzStore(IPersistentStoreBuilder store, string connectionString) =>
        throw new NotSupportedException($"{Provider} keeps Quartz's triggers in memory.");
}
