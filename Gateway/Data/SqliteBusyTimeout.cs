using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Buddy.Gateway.Data;

/// <summary>
/// Sets SQLite's own busy timeout on every connection, so a writer that finds the database locked waits inside
/// SQLite, polling every few milliseconds, until the current writer commits. Without it Microsoft.Data.Sqlite
/// retries a locked statement after sleeping 150 ms each time: under concurrent writes (webhooks, the inbound
/// processor, the outbox) that turned millisecond waits into 150 ms steps and stalled the thread pool.
/// </summary>
internal sealed class SqliteBusyTimeout : DbConnectionInterceptor
{
    public static readonly SqliteBusyTimeout Instance = new();

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
        command.CommandText = $"PRAGMA busy_timeout = {Math.Max(sqlite.DefaultTimeout, 1) * 1000};";
        command.ExecuteNonQuery();
    }
}
