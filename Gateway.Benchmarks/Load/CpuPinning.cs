using System.Diagnostics;
using System.Globalization;

namespace Buddy.Benchmarks.Load;

/// <summary>
/// <c>--pin</c>: the servers under test on CPU 0 and this tool (the load generator and the mock provider) on CPU 1,
/// so the gateway's figure is what one core does and the generator never competes with it for that core. The
/// database server is not pinned: it is shared with the rest of the machine, as the load average shows.
/// </summary>
internal static class CpuPinning
{
    public const int ServerCpu = 0;
    public const int GeneratorCpu = 1;

    /// <summary>The CPU for the servers when pinning, else null; refuses a machine with fewer than two CPUs.</summary>
    public static int? ServerCpuFor(LoadOptions options) =>
        !options.Pin ? null
            : Environment.ProcessorCount >= 2 ? ServerCpu
            : throw new ArgumentException($"--pin needs at least two CPUs (this machine has {Environment.ProcessorCount}).");

    /// <summary>Pins every thread of this process to the generator's CPU (taskset -a); threads started later inherit it.</summary>
    public static async Task PinThisProcessAsync()
    {
        var info = new ProcessStartInfo("taskset") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { "-a", "-p", "-c", GeneratorCpu.ToString(CultureInfo.InvariantCulture), Environment.ProcessId.ToString(CultureInfo.InvariantCulture) })
        {
            info.ArgumentList.Add(arg);
        }

        using var taskset = Process.Start(info) ?? throw new InvalidOperationException("Could not start taskset to pin the load generator.");
        var error = taskset.StandardError.ReadToEndAsync();
        await taskset.StandardOutput.ReadToEndAsync();
        await taskset.WaitForExitAsync();
        if (taskset.ExitCode != 0)
        {
            throw new InvalidOperationException($"taskset could not pin the load generator to CPU {GeneratorCpu}: {await error}");
        }
    }

    /// <summary>The line every run prints about where its processes ran.</summary>
    public static string Describe(LoadOptions options, int instances) => options.Pin
        ? $"pinned: {(instances == 1 ? "the server under test" : $"all {instances} gateway processes")} on CPU {ServerCpu} (taskset -c {ServerCpu}), " +
          $"this tool (load generator, mock provider) on CPU {GeneratorCpu} (taskset -a -p -c {GeneratorCpu}); the database server unpinned"
        : "not pinned: servers, load generator, mock provider and database share every CPU (--pin puts the servers on CPU 0 and the generator on CPU 1)";
}
