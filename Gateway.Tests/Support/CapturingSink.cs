using Serilog.Core;
using Serilog.Events;

namespace Buddy.Tests.Support;

/// <summary>A Serilog sink keeping every event written, for tests that read what a logger was given.</summary>
internal sealed class CapturingSink : ILogEventSink
{
    public List<LogEvent> Events { get; } = [];

    public void Emit(LogEvent logEvent) => Events.Add(logEvent);
}
