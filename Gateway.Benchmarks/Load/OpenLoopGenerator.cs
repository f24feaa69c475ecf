using System.Diagnostics;
using System.Net.Http.Headers;

namespace Buddy.Benchmarks.Load;

/// <summary>One prepared request: the form body and the headers that go with it (computed before the clock starts).</summary>
internal sealed record PreparedRequest(string Path, byte[] Body, string? Signature, string Key);

/// <summary>
/// Sends prepared requests at a fixed rate whatever the server does (an open loop: a slow answer does not delay
/// the next request, as Twilio does not wait for one webhook before sending the next). Each latency is measured
/// from the moment the request was due to be sent, not from when it went, so a stall is counted against every
/// request it held up (no coordinated omission).
/// </summary>
internal static class OpenLoopGenerator
{
    public static Task<LoadResult> RunAsync(Uri baseAddress, IReadOnlyList<PreparedRequest> requests, double ratePerSecond, string signatureHeader) =>
        RunAsync([baseAddress], requests, ratePerSecond, signatureHeader);

    /// <summary>The same, spread over several servers (gateway instances behind a round-robin balancer): request i goes to server i mod n.</summary>
    public static async Task<LoadResult> RunAsync(IReadOnlyList<Uri> baseAddresses, IReadOnlyList<PreparedRequest> requests, double ratePerSecond, string signatureHeader)
    {
        using var client = Client(maxConnections: 512);
        var latencyTicks = new long[requests.Count];
        var statuses = new int[requests.Count];
        var errors = new string?[requests.Count];
        var inFlight = new Task[requests.Count];
        var interval = Stopwatch.Frequency / ratePerSecond;

        var startedAtUtc = DateTime.UtcNow; // for comparing intended send times with timestamps the gateway wrote
        var start = Stopwatch.GetTimestamp();
        for (var i = 0; i < requests.Count; i++)
        {
            var due = start + (long)(i * interval);
            while (Stopwatch.GetTimestamp() < due)
            {
                // Task.Delay resolves to about a millisecond: requests due meanwhile go together as a small burst.
                await Task.Delay(1);
            }

            inFlight[i] = SendAsync(client, baseAddresses[i % baseAddresses.Count], requests[i], signatureHeader, due, i, latencyTicks, statuses, errors);
        }

        var lastSent = Stopwatch.GetTimestamp();
        await Task.WhenAll(inFlight);
        var end = Stopwatch.GetTimestamp();
        return new LoadResult(requests, latencyTicks, statuses, errors,
            Stopwatch.GetElapsedTime(start, lastSent), Stopwatch.GetElapsedTime(start, end), ratePerSecond, startedAtUtc);
    }

    /// <summary>The load client: keep-alive connections, up to <paramref name="maxConnections"/> per server, 60 s timeout.</summary>
    internal static HttpClient Client(int maxConnections) =>
        new(new SocketsHttpHandler
        {
            MaxConnectionsPerServer = maxConnections,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            UseCookies = false,
            AllowAutoRedirect = false,
        }, disposeHandler: true) { Timeout = TimeSpan.FromSeconds(60) };

    /// <summary>Sends one request; its latency is from <paramref name="due"/> (a <see cref="Stopwatch"/> timestamp).</summary>
    internal static async Task SendAsync(
        HttpClient client, Uri baseAddress, PreparedRequest prepared, string signatureHeader, long due, int index, long[] latencyTicks, int[] statuses, string?[] errors)
    {
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(baseAddress, prepared.Path)) { Content = new ByteArrayContent(prepared.Body) };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded");
            if (prepared.Signature is not null)
            {
                request.Headers.TryAddWithoutValidation(signatureHeader, prepared.Signature);
            }

            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseContentRead);
            statuses[index] = (int)response.StatusCode;
        }
        catch (Exception ex)
        {
            errors[index] = ex.GetType().Name;
        }
        finally
        {
            latencyTicks[index] = Stopwatch.GetTimestamp() - due;
        }
    }
}

/// <summary>What an open-loop run measured: per-request status and latency from its intended send time.</summary>
internal sealed record LoadResult(
    IReadOnlyList<PreparedRequest> Requests, long[] LatencyTicks, int[] Statuses, string?[] Errors, TimeSpan SendingTime, TimeSpan TotalTime, double OfferedRate,
    DateTime StartedAtUtc)
{
    /// <summary>When request <paramref name="index"/> was due to be sent (UTC).</summary>
    public DateTime IntendedAtUtc(int index) => StartedAtUtc + TimeSpan.FromSeconds(index / OfferedRate);

    public int Count => Requests.Count;

    public int Succeeded => Statuses.Count(s => s is >= 200 and < 300);

    public IEnumerable<string> AcceptedKeys => Requests.Where((_, i) => Statuses[i] is >= 200 and < 300).Select(r => r.Key);

    /// <summary>Answers completed per second, over the whole run including the drain of the last answers.</summary>
    public double Throughput => Succeeded / TotalTime.TotalSeconds;

    public double Percentile(double p)
    {
        var sorted = LatencyTicks.Order().ToArray();
        var rank = (int)Math.Ceiling(p / 100.0 * sorted.Length) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Length - 1)] * 1000.0 / Stopwatch.Frequency;
    }

    public string Outcomes() => string.Join(", ", Statuses.Select((s, i) => Errors[i] ?? s.ToString(System.Globalization.CultureInfo.InvariantCulture))
        .GroupBy(s => s).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key}: {g.Count():N0}"));

    public string Summary() =>
        $"{Count:N0} requests offered at {OfferedRate:N0}/s over {SendingTime.TotalSeconds:0.0} s; {Succeeded:N0} answered 2xx in {TotalTime.TotalSeconds:0.0} s " +
        $"= {Throughput:N0}/s; outcomes {Outcomes()}\n" +
        $"  latency from intended send time: p50 {Percentile(50):0.0} ms, p90 {Percentile(90):0.0} ms, p99 {Percentile(99):0.0} ms, " +
        $"p99.9 {Percentile(99.9):0.0} ms, max {Percentile(100):0.0} ms";
}
