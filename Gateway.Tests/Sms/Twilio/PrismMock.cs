using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Buddy.Tests.Support;

namespace Buddy.Tests.Sms.Twilio;

/// <summary>
/// Prism (npm @stoplight/prism-cli 5.14.2, installed by <c>npm ci --prefix tools</c>) serving a mock of Twilio's
/// API from Twilio's official OpenAPI description, with <c>--errors</c> so a request the description does not
/// allow is answered with an error instead of a made-up success. One instance serves every contract test.
/// </summary>
public sealed class PrismMock : IAsyncLifetime
{
    private Process? _process;

    public static string Executable => Path.Combine(SharedFiles.RepositoryRoot, "tools", "node_modules", ".bin", "prism");

    public static string Spec => SharedFiles.Path("twilio", "twilio_api_v2010.json");

    /// <summary>Why the contract tests cannot run here, or null when they can (or, in CI, must).</summary>
    public static string? SkipReason
    {
        get
        {
            if (Environment.GetEnvironmentVariable("BUDDY_REQUIRE_ALL") == "1")
            {
                return null;
            }

            if (!File.Exists(Executable))
            {
                return $"Prism is not installed ({Executable} is missing): run `npm ci --prefix tools` to run the Twilio contract tests.";
            }

            return File.Exists(Spec) ? null : $"Twilio's OpenAPI description is missing ({Spec}): shared/ must sit beside the repository.";
        }
    }

    public Uri BaseUrl { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (SkipReason is not null)
        {
            return;
        }

        var port = FreePort();
        var start = new ProcessStartInfo(Executable, ["mock", "-h", "127.0.0.1", "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--errors", Spec])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        _process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {Executable}.");
        var output = new System.Text.StringBuilder();
        var listening = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _process.OutputDataReceived += (_, e) =>
        {
            lock (output)
            {
                output.AppendLine(e.Data);
            }

            if (e.Data?.Contains("Prism is listening", StringComparison.Ordinal) == true)
            {
                listening.TrySetResult();
            }
        };
        _process.ErrorDataReceived += (_, e) =>
        {
            lock (output)
            {
                output.AppendLine(e.Data);
            }
        };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        var ready = await Task.WhenAny(listening.Task, _process.WaitForExitAsync(), Task.Delay(TimeSpan.FromSeconds(120)));
        if (ready != listening.Task)
        {
            throw new InvalidOperationException($"Prism did not start listening within 120 s. Output:\n{output}");
        }

        BaseUrl = new Uri($"http://127.0.0.1:{port}");
    }

    public Task DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
        }

        _process?.Dispose();
        return Task.CompletedTask;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>A fact that needs Prism: skipped with a printed reason when absent, failed instead when BUDDY_REQUIRE_ALL=1.</summary>
public sealed class PrismFactAttribute : FactAttribute
{
    public PrismFactAttribute() => Skip = PrismMock.SkipReason;
}
