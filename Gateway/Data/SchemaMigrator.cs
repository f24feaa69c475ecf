using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Buddy.Gateway.Data;

/// <summary>
/// Applies the numbered scripts in sql/{engine}/ that the database has not had yet, recording each in
/// <c>schema_history</c>. The whole run holds a database-wide lock (an advisory lock on PostgreSQL, the write
/// lock of BEGIN IMMEDIATE on SQLite), so two instances starting together cannot both apply a script.
/// </summary>
public sealed class SchemaMigrator(DatabaseSettings settings, ILogger<SchemaMigrator> logger, TimeProvider clock)
{
    // Any fixed number works; it only has to be the same for every Buddy instance.
    private const long PostgresLockKey = 0x42756464_79000001;

    private const string HistoryTable = """
        CREATE TABLE IF NOT EXISTS schema_history (
            version        integer PRIMARY KEY,
            name           text NOT NULL,
            checksum       text NOT NULL,
            applied_at_utc text NOT NULL
        )
        """;

    /// <summary>Returns the scripts applied by this call (none when the database was up to date).</summary>
    public async Task<IReadOnlyList<SchemaScript>> MigrateAsync(CancellationToken cancellationToken = default)
    {
        var scripts = SchemaScript.For(settings.Provider);
        return settings.Provider switch
        {
            DatabaseProvider.Sqlite => await MigrateSqliteAsync(scripts, cancellationToken),
            DatabaseProvider.Postgres => await MigratePostgresAsync(scripts, cancellationToken),
            _ => throw new InvalidOperationException($"No schema dialect for {settings.Provider}."),
        };
    }

    private async Task<IReadOnlyList<SchemaScript>> MigrateSqliteAsync(IReadOnlyList<SchemaScript> scripts, CancellationToken cancellationToken)
    {
        await using var connection = new SqliteConnection(settings.ConnectionString);
        await connection.OpenAsync(cancellationToken);

        // WAL lets the dashboard read while the scheduler writes; it is a property of the file, so set it once here.
        await ExecuteAsync(connection, null, "PRAGMA journal_mode=WAL;", cancellationToken);
        await UseIncrementalVacuumAsync(connection, cancellationToken);

        // BEGIN IMMEDIATE takes the write lock now; a second instance waits here (busy timeout) until we commit.
        await using var transaction = connection.BeginTransaction(deferred: false);
        var applied = await ApplyPendingAsync(connection, transaction, scripts, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return applied;
    }

    /// <summary>
    /// Erasure and retention free pages that held personal data; in incremental auto-vacuum mode they can be handed
    /// back to the file system (Privacy.FreedSpace) instead of sitting in the file. The mode belongs to the file and
    /// changes only with a VACUUM, run once here: instant on a new file, a one-off rebuild of an older one (which
    /// also clears whatever earlier deletions left in its free pages).
    /// </summary>
    private async Task UseIncrementalVacuumAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        const long Incremental = 2;
        await using var mode = connection.CreateCommand();
        mode.CommandText = "PRAGMA auto_vacuum;";
        if (Convert.ToInt64(await mode.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture) == Incremental)
        {
            return;
        }

        logger.LogInformation("Switching the SQLite file to incremental auto-vacuum (a one-off VACUUM)");
        await ExecuteAsync(connection, null, "PRAGMA auto_vacuum = INCREMENTAL; VACUUM;", cancellationToken);
    }

    private async Task<IReadOnlyList<SchemaScript>> MigratePostgresAsync(IReadOnlyList<SchemaScript> scripts, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(settings.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await ExecuteAsync(connection, null, $"SELECT pg_advisory_lock({PostgresLockKey});", cancellationToken);
        try
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            var applied = await ApplyPendingAsync(connection, transaction, scripts, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return applied;
        }
        finally
        {
            await ExecuteAsync(connection, null, $"SELECT pg_advisory_unlock({PostgresLockKey});", CancellationToken.None);
        }
    }

    private async Task<IReadOnlyList<SchemaScript>> ApplyPendingAsync(
        DbConnection connection, DbTransaction transaction, IReadOnlyList<SchemaScript> scripts, CancellationToken cancellationToken)
    {
        await ExecuteAsync(connection, transaction, HistoryTable, cancellationToken);
        var history = await ReadHistoryAsync(connection, transaction, cancellationToken);

        foreach (var script in scripts.Where(s => history.ContainsKey(s.Version)))
        {
            if (history[script.Version] != script.Checksum)
            {
                throw new InvalidOperationException(
                    $"Schema script {script.Name} was changed after it was applied. Released scripts are never edited: add a new numbered script instead.");
            }
        }

        var unknown = history.Keys.Except(scripts.Select(s => s.Version)).ToList();
        if (unknown.Count > 0)
        {
            throw new InvalidOperationException(
                $"The database has schema version(s) {string.Join(", ", unknown)} that this gateway does not know: it is older than the database.");
        }

        var pending = scripts.Where(s => !history.ContainsKey(s.Version)).ToList();
        foreach (var script in pending)
        {
            logger.LogInformation("Applying schema script {Script}", script.Name);
            await ExecuteAsync(connection, transaction, script.Sql, cancellationToken);
            await using var record = connection.CreateCommand();
            record.Transaction = transaction;
            record.CommandText = "INSERT INTO schema_history (version, name, checksum, applied_at_utc) VALUES (@v, @n, @c, @a)";
            AddParameter(record, "@v", script.Version);
            AddParameter(record, "@n", script.Name);
            AddParameter(record, "@c", script.Checksum);
            AddParameter(record, "@a", clock.GetUtcNow().UtcDateTime.ToString("O"));
            await record.ExecuteNonQueryAsync(cancellationToken);
        }

        if (pending.Count == 0)
        {
            logger.LogInformation("Database schema is up to date at version {Version}", scripts.Count == 0 ? 0 : scripts[^1].Version);
        }

        return pending;
    }

    private static async Task<Dictionary<int, string>> ReadHistoryAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT version, checksum FROM schema_history";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var history = new Dictionary<int, string>();
        while (await reader.ReadAsync(cancellationToken))
        {
            history[Convert.ToInt32(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture)] = reader.GetString(1);
        }

        return history;
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.CommandTimeout = 300;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static void AddParameter(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
