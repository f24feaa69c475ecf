using System.Collections.Concurrent;
using System.Diagnostics.Tracing;

namespace Buddy.Benchmarks.Sms;

/// <summary>
/// The runtime's own allocation sampling (an AllocationTick event about every 100 KB allocated, naming the type that
/// crossed the mark), tallied by type while <see cref="Recording"/> is on: which types make up a phase's allocations.
/// </summary>
internal sealed class AllocationSampler : EventListener
{
    private const int AllocationTickEventId = 10;
    private readonly ConcurrentDictionary<string, long> _bytesByType = new(StringComparer.Ordinal);

    public bool Recording { get; set; }

    protected override void OnEventSourceCreated(EventSource source)
    {
        if (source.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(source, EventLevel.Verbose, (EventKeywords)0x1); // GC keyword
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs data)
    {
        if (!Recording || data.EventId != AllocationTickEventId || data.Payload is null || data.PayloadNames is null)
        {
            return;
        }

        var type = data.PayloadNames.IndexOf("TypeName") is var t and >= 0 ? data.Payload[t] as string ?? "?" : "?";
        var amount = data.PayloadNames.IndexOf("AllocationAmount64") is var a and >= 0 ? Convert.ToInt64(data.Payload[a], System.Globalization.CultureInfo.InvariantCulture) : 100_000;
        _bytesByType.AddOrUpdate(type, amount, (_, sum) => sum + amount);
    }

    /// <summary>The top types by sampled bytes, and clears the tally.</summary>
    public string TakeTop(int count)
    {
        var total = Math.Max(1, _bytesByType.Values.Sum());
        var top = _bytesByType.OrderByDescending(p => p.Value).Take(count).Select(p => $"     {p.Value * 100.0 / total,5:0.0}%  {p.Key}");
        var text = string.Join(Environment.NewLine, top);
        _bytesByType.Clear();
        return text;
    }
}
