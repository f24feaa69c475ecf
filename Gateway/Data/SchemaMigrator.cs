using System.Data.Common;

namespace Buddy.Gateway.Data;

/// <summary>
/// Applies the numbered scripts in sql/{engine}/ that the database has not had yet, recording each in
/// <c>schema_history</c>. The whole run is one transaction holding a database-wide lock (see
/// <see cref="DatabaseDialect.BeginMigrationAsync"/>), so two instances starting together cannot both apply a script.
/// </summary>
public sealed class SchemaMigrator(DatabaseSettings settings, ILogger<SchemaMigrator> logger, TimeProvider clock)
{
    /// <summary>Returns the scripts applied by this call (none when the database was up to date).</summary>
    public async Task<IReadOnlyList<SchemaScript>> MigrateAsync(CancellationToken cancellationToken = default)
    {
        var dialect = DatabaseDialect.For(settings.Provider);
        var scripts = SchemaScript.For(settings.Provider);
        await using var connection = dialect.CreateConnection(settings.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await dialect.PrepareAsync(connection, cancellationToken);
        await using var transaction = await dialect.BeginMigrationAsync(connection, cancellationToken);
        var applied = await ApplyPendingAsync(dialect, connection, transaction, scripts, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return applied;
    }

    private async Task<IReadOnlyList<SchemaScript>> ApplyPendingAsync(
        DatabaseDialect dialect, DbConnection connection, DbTransaction transaction, IReadOnlyList<SchemaScript> scripts, CancellationToken cancellationToken)
    {
        await ExecuteAsync(connection, transaction, dialect.CreateHistoryTableSql, cancellationToken);
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
            foreach (var batch in dialect.Batches(script.Sql))
            {
                await ExecuteAsync(connection, transaction, batch, cancellationToken);
            }

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
