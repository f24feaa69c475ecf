using Buddy.Gateway.Sms;

namespace Buddy.Gateway.Hosting;

/// <summary>
/// Settings that matter only when the gateway serves, checked before it touches the database. Command verbs skip
/// them, so <c>Gateway migrate</c> runs with the database settings alone. Outside Development the gateway needs a
/// real SMS provider (never a silent fall-back to the simulator), the host names it answers to, a way to serve
/// HTTPS, and no demo accounts. Each refusal is one sentence naming the setting, like every bad configuration.
/// </summary>
internal static class ServingRules
{
    public static void Check(WebApplication app)
    {
        if (app.Environment.IsDevelopment())
        {
            return;
        }

        var configuration = app.Configuration;
        var environment = app.Environment.EnvironmentName;
        RequireRealSmsProvider(app.Services.GetRequiredService<SmsSettings>(), configuration, environment);
        RequireNamedHosts(configuration, environment);
        RequireHttps(app.Services.GetRequiredService<HardeningSettings>(), configuration, environment);
        RefuseDemoSeed(configuration, environment);
    }

    private static void RequireRealSmsProvider(SmsSettings sms, IConfiguration configuration, string environment)
    {
        if (sms.Provider != SmsProvider.Simulator)
        {
            return;
        }

        throw new BadConfigurationException(string.IsNullOrWhiteSpace(configuration["Sms:Provider"])
            ? $"Sms:Provider is not set, and outside Development ({environment}) Buddy does not fall back to the simulator, which texts nobody: set Sms:Provider to Twilio."
            : $"Sms:Provider is Simulator, but the simulator texts nobody and runs only in Development, not {environment}: set Sms:Provider to Twilio.");
    }

    /// <summary>Host filtering (ASP.NET Core's AllowedHosts) refuses any other Host header with 400, so none reaches a redirect or a link.</summary>
    private static void RequireNamedHosts(IConfiguration configuration, string environment)
    {
        var text = configuration["AllowedHosts"];
        var hosts = (text ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (hosts.Length > 0 && !hosts.Contains("*"))
        {
            return;
        }

        throw new BadConfigurationException(
            $"AllowedHosts is {(hosts.Length == 0 ? "not set" : $"'{text}'")}, but outside Development ({environment}) it must name the host names Buddy answers to " +
            "(e.g. buddy.example.nhs.uk; several separated by ';'), so a forged Host header cannot reach a redirect.");
    }

    private static void RequireHttps(HardeningSettings settings, IConfiguration configuration, string environment)
    {
        if (settings.TlsTerminatedUpstream || ServesHttps(configuration))
        {
            return;
        }

        throw new BadConfigurationException(
            $"Outside Development ({environment}) Buddy answers only over HTTPS, but no https:// address is configured (urls, https_ports or Kestrel:Endpoints) " +
            "and ReverseProxy:TlsTerminatedUpstream is not true: give Kestrel an HTTPS address with a certificate, or behind a TLS-terminating proxy set " +
            "ReverseProxy:TlsTerminatedUpstream=true and list the proxy in ReverseProxy:KnownProxies.");
    }

    /// <summary>The addresses Kestrel is told to listen on (ASPNETCORE_URLS, --urls, ASPNETCORE_HTTPS_PORTS, Kestrel:Endpoints) include HTTPS.</summary>
    internal static bool ServesHttps(IConfiguration configuration) =>
        (configuration["urls"] ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Any(url => url.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        || !string.IsNullOrWhiteSpace(configuration["https_ports"])
        || configuration.GetSection("Kestrel:Endpoints").GetChildren()
            .Any(endpoint => endpoint["Url"]?.Trim().StartsWith("https://", StringComparison.OrdinalIgnoreCase) == true);

    private static void RefuseDemoSeed(IConfiguration configuration, string environment)
    {
        if (configuration.GetValue("Demo:SeedOnStart", false))
        {
            throw new BadConfigurationException(
                $"Demo:SeedOnStart is true, but the demo creates sign-in accounts with a public password, so it runs only in Development, not {environment}.");
        }
    }
}
