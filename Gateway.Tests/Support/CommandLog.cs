using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Buddy.Tests.Support;

/// <summary>
/// An EF interceptor that keeps the text of every command run on the async flow inside <see cref="Record"/>, so a
/// test can count what one call cost the database without counting the gateway's own background work.
/// </summary>
public sealed class CommandLog : DbCommandInterceptor
{
    private readonly AsyncLocal<bool> _recording = new();
    private readonly ConcurrentQueue<string> _commands = new();

    public IReadOnlyList<string> Commands => [.. _commands];

    public int Selects => _commands.Count(c => c.TrimStart().StartsWith("SELECT", StringComparison.OrdinalIgnoreCase));

    public IDisposable Record()
    {
        _commands.Clear();
        _recording.Value = true;
        return new Stop(this);
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Keep(command);
        return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Keep(command);
        return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Keep(command);
        return base.ScalarExecutingAsync(command, eventData, result, cancellationToken);
    }

    private void Keep(DbCommand command)
    {
        if (_recording.Value)
        {
            _commands.Enqueue(command.CommandText);
        }
    }

    private sealed class Stop(CommandLog log) : IDisposable
    {
        public void Dispose() => log._recording.Value = false;
    }
}
