using System.Data;
using System.Data.Common;
using Buddy.Gateway.Data;
using Microsoft.EntityFrameworkCore;

namespace Buddy.Gateway.Privacy;

/// <summary>
/// After personal data is erased or anonymised, makes sure the database files no longer hold the old bytes.
/// <para>
/// SQLite: secure_delete (set on every connection) has already zeroed what was deleted or overwritten; this returns
/// the freed pages to the file system (incremental_vacuum; the file is in incremental auto-vacuum mode, see
/// <see cref="SchemaMigrator"/>) and empties the write-ahead log, whose older frames still hold the rows as they
/// were (wal_checkpoint(TRUNCATE)). A reader holding an old snapshot can stop the log emptying this time; the next
/// checkpoint does it.
/// </para>
/// <para>
/// PostgreSQL: a deleted or updated row stays on its page as a dead tuple until vacuumed, so the touched tables are
/// vacuumed now (VACUUM cannot run inside a transaction, so after the commit) rather than whenever autovacuum comes.
/// </para>
/// Runs after the commit and never undoes it: a failure is logged, and the next erasure, the nightly sweep or
/// autovacuum does the work instead.
/// </summary>
public static class FreedSpace
{
    public static async Task ReclaimAsync(BuddyDbContext db, ILogger logger, CancellationToken cancellationToken)
    {
        var connection = db.Database.GetDbConnection();
        var opened = connection.State != ConnectionState.Open;
        try
        {
            if (opened)
            {
                await connection.OpenAsync(cancellationToken);
            }

            if (db.IsSqlite)
            {
                await ExecuteAsync(connection, "PRAGMA incremental_vacuum;", cancellationToken);
                await using var checkpoint = connection.CreateCommand();
                checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
                await using var reader = await checkpoint.ExecuteReaderAsync(cancellationToken);
                if (await reader.ReadAsync(cancellationToken) && reader.GetInt32(0) != 0)
                {
                    logger.LogInformation("The SQLite write-ahead log could not be emptied now (a reader is open); the next checkpoint empties it");
                }
            }
            else
            {
                // Table names come from the model, never from input.
                await ExecuteAsync(connection, "VACUUM " + string.Join(", ", PersonalDataTables.Touched(db.Model).Select(t => $"\"{t}\"")), cancellationToken);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Could not reclaim the space erased data occupied; it is retried after the next erasure or sweep");
        }
        finally
        {
            if (opened)
            {
                await connection.CloseAsync();
            }
        }
    }

    private static async Task ExecuteAsync(DbConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = 600;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
