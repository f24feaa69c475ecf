using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Buddy.Tests.Support;

/// <summary>
/// The real gateway executable in a child process, for what only a process shows: exit codes, start-up errors,
/// two instances racing, a kill mid-work. Configured through environment variables, as operators do.
/// </summary>
public sealed class GatewayProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _stdout = new();
    private readonly StringBuilder _stderr = new();
    private readonly string _workFolder;

    private GatewayProcess(Process process, string workFolder, Uri baseAddress)
    {
        _process = process;
        _workFolder = workFolder;
        BaseAddress = baseAddress;
        process.OutputDataReceived += (_, e) => { lock (_stdout) { _stdout.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (_stderr) { _stderr.AppendLine(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public Uri BaseAddress { get; }

    public string StandardOutput { get { lock (_stdout) { return _stdout.ToString(); } } }

    public string StandardError { get { lock (_stderr) { return _stderr.ToString(); } } }

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    /// <summary>
    /// Starts <c>Gateway [args]</c> in Production on a free loopback port, plain HTTP as behind a TLS-terminating
    /// proxy, with the <see cref="ServingBaseline"/> and then the given settings (keys use ':' as in appsettings;
    /// a null value removes a baseline setting).
    /// </summary>
    public static GatewayProcess Start(IEnumerable<KeyValuePair<string, string?>> settings, params string[] args) =>
        Start(settings, FreePort(), args);

    /// <summary>The same on a given loopback port (a restart that Twilio's callbacks must still find).</summary>
    public static GatewayProcess Start(IEnumerable<KeyValuePair<string, string?>> settings, int port, params string[] args)
    {
        var workFolder = Path.Combine(Path.GetTempPath(), "buddy-gateway-runs", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(workFolder);
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Gateway.dll"));
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        info.Environment["Logging__Folder"] = Path.Combine(workFolder, "logs");
        foreach (var (key, value) in ServingBaseline.Settings.Concat(settings))
        {
            var name = key.Replace(":", "__", StringComparison.Ordinal);
            if (value is null)
            {
                info.Environment.Remove(name);
            }
            else
            {
                info.Environment[name] = value;
            }
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start the gateway.");
        return new GatewayProcess(process, workFolder, new Uri($"http://127.0.0.1:{port}"));
    }

    /// <summary>Runs a command verb to completion and returns its exit code.</summary>
    public static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(
        IEnumerable<KeyValuePair<string, string?>> settings, string? standardInput, params string[] args)
    {
        await using var run = Start(settings, args);
        if (standardInput is not null)
        {
            await run._process.StandardInput.WriteAsync(standardInput);
        }

        run._process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        await run._process.WaitForExitAsync(timeout.Token);
        run._process.WaitForExit(); // flushes the asynchronous output readers
        return (run.ExitCode, run.StandardOutput, run.StandardError);
    }

    /// <summary>Waits until /health answers 200; fails with the process output if it exits or times out.</summary>
    public async Task WaitUntilHealthyAsync(TimeSpan timeout)
    {
        using var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"Gateway exited with {_process.ExitCode}.\n{StandardOutput}\n{StandardError}");
            }

            try
            {
                if ((await client.GetAsync(new Uri("/health", UriKind.Relative))).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            catch (TaskCanceledException)
            {
                // slow first request
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"Gateway was not healthy within {timeout}.\n{StandardOutput}\n{StandardError}");
    }

    /// <summary>Kills the process at once, as a crash or `kill -9` would.</summary>
    public void Kill() => _process.Kill(entireProcessTree: true);

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        try
        {
            Directory.Delete(_workFolder, recursive: true);
        }
        catch (IOException)
        {
            // logs still held open; the temp folder is cleaned by the OS
        }
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
