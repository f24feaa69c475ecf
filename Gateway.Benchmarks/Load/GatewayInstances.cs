namespace Buddy.Benchmarks.Load;

/// <summary>
/// The gateway processes of one run (<c>--instances N</c>, each on its own port, all on the same database and the
/// same mock provider), measured together: CPU is their sum, memory is reported per process (each gateway is
/// its own host and must stay under the limit on its own) and as the largest.
/// </summary>
internal sealed class GatewayInstances : IAsyncDisposable
{
    private GatewayInstances(List<ServerProcess> processes) => Processes = processes;

    public IReadOnlyList<ServerProcess> Processes { get; }

    public IReadOnlyList<Uri> Addresses => [.. Processes.Select(p => p.BaseAddress)];

    public double CpuSeconds => Processes.Sum(p => p.Meter.CpuSeconds);

    /// <summary>The highest peak (VmHWM) of any one gateway process.</summary>
    public long PeakKb => Processes.Max(p => p.Meter.PeakKb);

    /// <summary>Resident memory now, each process (for progress lines).</summary>
    public string Rss() => string.Join(" + ", Processes.Select(p => ProcessMeter.Mb(p.Meter.RssKb)));

    /// <summary>Each process's peak, e.g. "212 MB" or "212 MB, 198 MB".</summary>
    public string Peaks() => string.Join(", ", Processes.Select(p => ProcessMeter.Mb(p.Meter.PeakKb)));

    public string Ids() => string.Join(", ", Processes.Select(p => $"{p.Id} at {p.BaseAddress}"));

    /// <summary>Starts <paramref name="count"/> gateways (pinned to <paramref name="cpu"/> when given) and waits until each answers /health.</summary>
    public static async Task<GatewayInstances> StartAsync(int count, IReadOnlyDictionary<string, string> environment, string runFolder, int? cpu)
    {
        var processes = new List<ServerProcess>(count);
        var instances = new GatewayInstances(processes);
        try
        {
            for (var i = 1; i <= count; i++)
            {
                processes.Add(ServerProcess.Start(GatewayRun.GatewayDll, [], environment, runFolder, count == 1 ? "gateway" : $"gateway-{i}", cpu));
            }

            await Task.WhenAll(processes.Select(p => p.WaitUntilListeningAsync("/health", TimeSpan.FromSeconds(120))));
            return instances;
        }
        catch
        {
            await instances.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var process in Processes)
        {
            await process.DisposeAsync();
        }
    }
}
