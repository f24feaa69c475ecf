using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Buddy.Gateway.Data;

/// <summary>
/// The per-connection settings SQLite does not keep in the file, set on every connection as it opens:
/// <list type="bullet">
/// <item>busy_timeout, so a writer that finds the database locked waits inside SQLite, polling every few
/// milliseconds, until the current writer commits. Without it Microsoft.Data.Sqlite retries a locked statement
/// after sleeping 150 ms each time: under concurrent writes (webhooks, the inbound processor, the outbox) that
/// turned millisecond waits into 150 ms steps and stalled the thread pool.</item>
/// <item>secure_delete, so deleted and overwritten content (an erased person's name, number and words) is zeroed
/// in the file rather than left readable in free space; see <see cref="Privacy.FreedSpace"/> for the rest.</item>
/// </list>
/// </summary>
internal sealed class SqliteConnectionPragmas : DbConnectionInterceptor
{
    public static readonly SqliteConnectionPragmas Instance = new();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    private static void Apply(DbConnection connection)
    {
        if (connection is not SqliteConnection sqlite)
        {
            return;
        }

        using var command = sqlite.CreateCommand();
        command.CommandText = $"PRAGMA busy_timeout = {Math.Max(sqlite.DefaultTimeout, 1) * 1000}; PRAGMA secure_delete = ON;";
        command.ExecuteNonQuery();
    }
}
