using System.Net;

namespace Buddy.Gateway.Hosting;

/// <summary>
/// The web-hardening settings (<c>RateLimiting</c>, <c>Limits</c>, <c>ReverseProxy</c>, <c>Hosting</c>), read and
/// checked once at start-up. A bad value stops start-up with one sentence naming the setting.
/// <see cref="TlsTerminatedUpstream"/> says a proxy in front ends TLS, so plain HTTP arriving from it (with
/// X-Forwarded-Proto) is how HTTPS reaches the gateway; see <see cref="HttpsRequirement"/>.
/// </summary>
public sealed record HardeningSettings(
    int WebhookPermitsPerSecond,
    int SignInAttemptsPerMinute,
    int ApiRequestsPerMinute,
    long MaxRequestBodyBytes,
    IReadOnlyList<IPAddress> KnownProxies,
    IReadOnlyList<System.Net.IPNetwork> KnownNetworks,
    int ForwardLimit,
    TimeSpan ShutdownTimeout,
    bool TlsTerminatedUpstream)
{
    /// <summary>The four sections bound and checked (<see cref="Settings"/>); a bad value stops start-up naming it.</summary>
    public static HardeningSettings Read(IConfiguration configuration) => Settings.Read<Text, HardeningSettings>(configuration, "", Checked);

    private static HardeningSettings Checked(Text text) => new(
        // Above what the gateway can store (about 1,500 webhooks/s on 2 cores, BENCHMARKS.md), so it never refuses
        // a burst the gateway could have stored: Twilio delivers a whole installation's replies from a few addresses.
        // It stops floods, not Twilio; a text it does refuse is recovered from Twilio's log (Sms:Inbound:Recovery).
        ConfigurationValues.WholeNumber(text.RateLimiting.WebhookPermitsPerSecond, "RateLimiting:WebhookPermitsPerSecond", 2000, 0, 1_000_000),
        ConfigurationValues.WholeNumber(text.RateLimiting.SignInAttemptsPerMinute, "RateLimiting:SignInAttemptsPerMinute", 10, 0, 10_000),
        ConfigurationValues.WholeNumber(text.RateLimiting.ApiRequestsPerMinute, "RateLimiting:ApiRequestsPerMinute", 600, 0, 1_000_000),
        ConfigurationValues.WholeNumber(text.Limits.MaxRequestBodyBytes, "Limits:MaxRequestBodyBytes", 64 * 1024, 1024, 100 * 1024 * 1024),
        ConfigurationValues.Entries(text.ReverseProxy.KnownProxies, "ReverseProxy:KnownProxies", "an IP address such as 10.0.0.5", (string entry, out IPAddress ip) => IPAddress.TryParse(entry, out ip!)),
        ConfigurationValues.Entries(text.ReverseProxy.KnownNetworks, "ReverseProxy:KnownNetworks", "a CIDR range such as 10.0.0.0/24", (string entry, out System.Net.IPNetwork network) => System.Net.IPNetwork.TryParse(entry, out network)),
        ConfigurationValues.WholeNumber(text.ReverseProxy.ForwardLimit, "ReverseProxy:ForwardLimit", 1, 1, 10),
        TimeSpan.FromSeconds(ConfigurationValues.WholeNumber(text.Hosting.ShutdownTimeoutSeconds, "Hosting:ShutdownTimeoutSeconds", 30, 1, 3600)),
        ConfigurationValues.TrueOrFalse(text.ReverseProxy.TlsTerminatedUpstream, "ReverseProxy:TlsTerminatedUpstream", false));

    /// <summary>The sections as typed: text, so a bad value is quoted back in the sentence naming it.</summary>
    private sealed class Text
    {
        public RateLimitingText RateLimiting { get; set; } = new();

        public LimitsText Limits { get; set; } = new();

        public ReverseProxyText ReverseProxy { get; set; } = new();

        public HostingText Hosting { get; set; } = new();
    }

    private sealed class RateLimitingText
    {
        public string? WebhookPermitsPerSecond { get; set; }

        public string? SignInAttemptsPerMinute { get; set; }

        public string? ApiRequestsPerMinute { get; set; }
    }

    private sealed class LimitsText
    {
        public string? MaxRequestBodyBytes { get; set; }
    }

    private sealed class ReverseProxyText
    {
        public IConfigurationSection? KnownProxies { get; set; }

        public IConfigurationSection? KnownNetworks { get; set; }

        public string? ForwardLimit { get; set; }

        public string? TlsTerminatedUpstream { get; set; }
    }

    private sealed class HostingText
    {
        public string? ShutdownTimeoutSeconds { get; set; }
    }
}
