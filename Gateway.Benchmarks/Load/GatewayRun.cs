using Buddy.Gateway.Data;

namespace Buddy.Benchmarks.Load;

/// <summary>
/// Everything the two load commands share: where the real gateway's Release build is, the settings it runs with
/// (Production, no demo seed, Twilio pointed at the mock, the webhook rate limiter off so the gateway itself is
/// what is measured), and a fresh run folder for the database file and the servers' logs.
/// </summary>
internal static class GatewayRun
{
    public const string AuthToken = "load-test-auth-token-0123456789ab";
    public const string PublicBaseUrl = "https://buddy.example.org";
    public const string AccountSid = "AC00000000000000000000000000000000"; // not a real account

    /// <summary>The gateway built beside this tool (the project reference), so one build covers both.</summary>
    public static string GatewayDll => Path.Combine(AppContext.BaseDirectory, "Gateway.dll");

    public static string ToolDll => Path.Combine(AppContext.BaseDirectory, "Gateway.Benchmarks.dll");

    public static string NewRunFolder(string name)
    {
        var folder = Path.Combine(Path.GetTempPath(), "buddy-load", $"{DateTime.UtcNow:yyyyMMdd-HHmmss}-{name}");
        Directory.CreateDirectory(folder);
        return folder;
    }

    public static Dictionary<string, string> Environment(LoadDatabase database, Uri twilioBaseUrl, string runFolder, IReadOnlyDictionary<string, string>? extra = null)
    {
        var settings = new Dictionary<string, string>(database.GatewayEnvironment)
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Demo__SeedOnStart"] = "false",
            ["Logging__DisableFile"] = "true", // the console is still captured, into the run folder
            ["Logging__Folder"] = Path.Combine(runFolder, "logs"),
            ["Sms__Provider"] = "Twilio",
            ["Twilio__AccountSid"] = AccountSid,
            ["Twilio__AuthToken"] = AuthToken,
            ["Twilio__From"] = "+15005550006",
            ["Twilio__BaseUrl"] = twilioBaseUrl.AbsoluteUri,
            ["Twilio__PublicBaseUrl"] = PublicBaseUrl,
            ["RateLimiting__WebhookPermitsPerSecond"] = "0",

            // What Production needs before it serves: its host names, and TLS ended upstream (the load tools talk
            // plain HTTP to loopback, as nginx would; the webhooks they post are answered over HTTP either way).
            ["AllowedHosts"] = "127.0.0.1;localhost;buddy.example.org",
            ["ReverseProxy__TlsTerminatedUpstream"] = "true",
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string>())
        {
            settings[key] = value;
        }

        return settings;
    }

    public static async Task MigrateAsync(LoadDatabase database, string runFolder) =>
        await ServerProcess.RunToCompletionAsync(GatewayDll, ["migrate"], Environment(database, new Uri("http://127.0.0.1:9"), runFolder), runFolder);

    public static DatabaseProvider ParseProvider(string text) =>
        Enum.TryParse<DatabaseProvider>(text, ignoreCase: true, out var provider) && Enum.IsDefined(provider)
            ? provider
            : throw new ArgumentException($"--database is '{text}', but it must be Sqlite or Postgres.");
}
