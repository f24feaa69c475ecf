using System.Runtime.InteropServices;

namespace Buddy.Benchmarks.Load;

/// <summary>What a figure was measured on: printed with every run so a result is never quoted without its machine and load.</summary>
internal static class Machine
{
    public static string Describe()
    {
        var model = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
            : null;
        return $"{model ?? RuntimeInformation.ProcessArchitecture.ToString()}, {Environment.ProcessorCount} logical CPUs, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}, server GC {System.Runtime.GCSettings.IsServerGC}";
    }

    /// <summary>The 1, 5 and 15 minute load averages (runnable threads); above the CPU count means the run shared the cores.</summary>
    public static string Load() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    public static void PrintLoad(string when) =>
        Console.WriteLine($"  load average ({when}): {Load()}  [{Environment.ProcessorCount} CPUs; higher than that means other work shared the cores]");
}
