using System.Diagnostics;

namespace Buddy.Benchmarks.Load;

/// <summary>
/// Sends prepared requests over a fixed number of connections, each sending its next request as soon as its last one
/// is answered (a closed loop: the server's own pace sets the rate), for a fixed time or until the prepared requests
/// run out. It measures what the server can take, not how it treats a given rate: each latency is from the moment the
/// request went. Requests are taken in order, so the ones sent are a prefix of the prepared list; the result's rate is
/// the achieved one, so a request's "intended" time (<see cref="LoadResult.IntendedAtUtc"/>) is where an even pace
/// would have put it.
/// </summary>
internal static class ClosedLoopGenerator
{
    public static async Task<LoadResult> RunAsync(IReadOnlyList<Uri> baseAddresses, IReadOnlyList<PreparedRequest> requests, int connections, TimeSpan duration, string signatureHeader)
    {
        using var client = OpenLoopGenerator.Client(maxConnections: connections);
        var latencyTicks = new long[requests.Count];
        var statuses = new int[requests.Count];
        var errors = new string?[requests.Count];
        var next = -1;
        var startedAtUtc = DateTime.UtcNow;
        var start = Stopwatch.GetTimestamp();
        var stopAt = start + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var lastSent = start;

        await Task.WhenAll(Enumerable.Range(0, connections).Select(async _ =>
        {
            int i;
            while (Stopwatch.GetTimestamp() < stopAt && (i = Interlocked.Increment(ref next)) < requests.Count)
            {
                var sentAt = Stopwatch.GetTimestamp();
                Interlocked.Exchange(ref lastSent, sentAt);
                await OpenLoopGenerator.SendAsync(client, baseAddresses[i % baseAddresses.Count], requests[i], signatureHeader, sentAt, i, latencyTicks, statuses, errors);
            }
        }));

        var end = Stopwatch.GetTimestamp();
        // Every index taken below the count was sent (the time is checked before taking one), so the sent ones are 0..sent-1.
        var sent = Math.Min(Volatile.Read(ref next) + 1, requests.Count);
        var sendingTime = Stopwatch.GetElapsedTime(start, lastSent);
        return new LoadResult([.. requests.Take(sent)], latencyTicks[..sent], statuses[..sent], errors[..sent],
            sendingTime, Stopwatch.GetElapsedTime(start, end), sent / Math.Max(sendingTime.TotalSeconds, 0.001), startedAtUtc);
    }
}
