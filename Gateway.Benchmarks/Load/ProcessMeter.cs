using System.Diagnostics;
using System.Globalization;

namespace Buddy.Benchmarks.Load;

/// <summary>
/// Samples a process's resident memory (/proc/PID/status VmRSS, every 200 ms) and reads its peak (VmHWM) and CPU
/// time (/proc/PID/stat), so a run reports what the process really used, not what the runtime says it asked for.
/// </summary>
internal sealed class ProcessMeter : IAsyncDisposable
{
    private readonly int _pid;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _sampling;
    private long _maxRssKb;
    private long _lastHwmKb;

    public ProcessMeter(int pid)
    {
        _pid = pid;
        _sampling = Task.Run(SampleAsync);
    }

    public long RssKb => Read("VmRSS");

    /// <summary>The kernel's own high-water mark of resident memory since the process started.</summary>
    public long PeakKb => Math.Max(Math.Max(Read("VmHWM"), _lastHwmKb), Interlocked.Read(ref _maxRssKb));

    /// <summary>User plus system CPU seconds the process has used so far.</summary>
    public double CpuSeconds
    {
        get
        {
            try
            {
                var stat = File.ReadAllText($"/proc/{_pid}/stat");
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
                return ticks / 100.0; // USER_HZ is 100 on Linux
            }
            catch (IOException)
            {
                return 0;
            }
        }
    }

    public static string Mb(long kb) => $"{kb / 1024.0:0} MB";

    private long Read(string field)
    {
        try
        {
            var line = File.ReadLines($"/proc/{_pid}/status").FirstOrDefault(l => l.StartsWith(field + ":", StringComparison.Ordinal));
            return line is null ? 0 : long.Parse(line.Split(':', 2)[1].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return 0;
        }
    }

    private async Task SampleAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var rss = Read("VmRSS");
            if (rss > Interlocked.Read(ref _maxRssKb))
            {
                Interlocked.Exchange(ref _maxRssKb, rss);
            }

            var hwm = Read("VmHWM");
            if (hwm > 0)
            {
                _lastHwmKb = hwm;
            }

            await Task.Delay(200).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _sampling;
        _stop.Dispose();
    }

    public static bool Alive(Process process)
    {
        try
        {
            return !process.HasExited;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }
}
