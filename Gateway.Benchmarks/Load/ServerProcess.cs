using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Buddy.Benchmarks.Load;

/// <summary>
/// A server under load in its own process (the real gateway, or the empty Kestrel baseline) on a loopback port,
/// configured by environment variables as operators do. Its console goes to a log file in the run folder so a
/// failed run can be read afterwards; the pipe is drained so logging never blocks the server.
/// </summary>
internal sealed class ServerProcess : IAsyncDisposable
{
    // Servers still running if the tool is stopped (Ctrl+C, SIGTERM, an exception): killed on the way out, never left behind.
    private static readonly ConcurrentDictionary<int, Process> s_running = new();

    private readonly Process _process;
    private readonly StreamWriter _log;
    private bool _closed;

    static ServerProcess()
    {
        Console.CancelKeyPress += (_, _) => KillAll();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => KillAll();
    }

    private ServerProcess(Process process, string name, Uri baseAddress, string logPath)
    {
        s_running[process.Id] = process;
        _process = process;
        Name = name;
        BaseAddress = baseAddress;
        LogPath = logPath;
        _log = new StreamWriter(logPath) { AutoFlush = false };
        process.OutputDataReceived += (_, e) => Write(e.Data);
        process.ErrorDataReceived += (_, e) => Write(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        Meter = new ProcessMeter(process.Id);
    }

    public string Name { get; }

    public Uri BaseAddress { get; }

    public string LogPath { get; }

    public ProcessMeter Meter { get; }

    public int Id => _process.Id;

    /// <summary>
    /// Starts <c>dotnet {dll} [args]</c> listening on a free 127.0.0.1 port; with <paramref name="cpu"/>, under
    /// <c>taskset -c</c> so every thread of it runs on that CPU alone (taskset execs dotnet: the process id is the server's).
    /// </summary>
    public static ServerProcess Start(string dll, IEnumerable<string> args, IReadOnlyDictionary<string, string> environment, string runFolder, string name, int? cpu = null)
    {
        var port = FreePort();
        var info = new ProcessStartInfo(cpu is null ? "dotnet" : "taskset")
        {
            WorkingDirectory = runFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (cpu is { } pinned)
        {
            info.ArgumentList.Add("-c");
            info.ArgumentList.Add(pinned.ToString(System.Globalization.CultureInfo.InvariantCulture));
            info.ArgumentList.Add("dotnet");
        }

        info.ArgumentList.Add(dll);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        info.Environment["DOTNET_gcServer"] = "0"; // the gateway's own default (workstation, concurrent); said explicitly so both servers match
        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {dll}.");
        return new ServerProcess(process, name, new Uri($"http://127.0.0.1:{port}"), Path.Combine(runFolder, name + ".log"));
    }

    /// <summary>Runs <c>dotnet {dll} [args]</c> to completion (a command verb such as migrate); throws with its output on failure.</summary>
    public static async Task RunToCompletionAsync(string dll, IEnumerable<string> args, IReadOnlyDictionary<string, string> environment, string runFolder)
    {
        var info = new ProcessStartInfo("dotnet") { WorkingDirectory = runFolder, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(dll);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {dll}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"'{string.Join(' ', info.ArgumentList)}' exited with {process.ExitCode}:\n{await output}\n{await error}");
        }
    }

    /// <summary>Waits until <paramref name="path"/> answers at all (any status); fails with the log if the process exits.</summary>
    public async Task WaitUntilListeningAsync(string path, TimeSpan timeout)
    {
        using var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (!ProcessMeter.Alive(_process))
            {
                throw new InvalidOperationException($"{Name} exited with {_process.ExitCode}; see {LogPath}:\n{Tail()}");
            }

            try
            {
                using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
                if (response.StatusCode is HttpStatusCode.OK or HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed)
                {
                    return;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                // not listening yet
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"Not listening within {timeout}; see {LogPath}:\n{Tail()}");
    }

    public string Tail()
    {
        lock (_log)
        {
            if (!_closed)
            {
                _log.Flush();
            }
        }

        return string.Join('\n', File.ReadLines(LogPath).TakeLast(30));
    }

    /// <summary>Asks the process to stop (SIGTERM, as systemd would) and waits; kills it after 30 s.</summary>
    public async ValueTask DisposeAsync()
    {
        await Meter.DisposeAsync();
        if (ProcessMeter.Alive(_process))
        {
            using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await kill.WaitForExitAsync();
            }

            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            try
            {
                await _process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }
        }

        _process.WaitForExit();
        s_running.TryRemove(_process.Id, out _);
        lock (_log)
        {
            _closed = true;
            _log.Dispose();
        }

        _process.Dispose();
    }

    private void Write(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_log)
        {
            if (!_closed)
            {
                _log.WriteLine(line);
            }
        }
    }

    private static void KillAll()
    {
        foreach (var process in s_running.Values)
        {
            try
            {
                process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // already gone
            }
        }
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
