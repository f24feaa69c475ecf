using System.Globalization;
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
    public static HardeningSettings From(IConfiguration configuration) => new(
        // Above what the gateway can store (about 1,500 webhooks/s on 2 cores, BENCHMARKS.md), so it never refuses
        // a burst the gateway could have stored: Twilio delivers a whole installation's replies from a few addresses.
        // It stops floods, not Twilio; a text it does refuse is recovered from Twilio's log (Sms:Inbound:Recovery).
        Whole(configuration, "RateLimiting:WebhookPermitsPerSecond", 2000, 0, 1_000_000),
        Whole(configuration, "RateLimiting:SignInAttemptsPerMinute", 10, 0, 10_000),
        Whole(configuration, "RateLimiting:ApiRequestsPerMinute", 600, 0, 1_000_000),
        Whole(configuration, "Limits:MaxRequestBodyBytes", 64 * 1024, 1024, 100 * 1024 * 1024),
        List(configuration, "ReverseProxy:KnownProxies", "an IP address such as 10.0.0.5", (string text, out IPAddress ip) => IPAddress.TryParse(text, out ip!)),
        List(configuration, "ReverseProxy:KnownNetworks", "a CIDR range such as 10.0.0.0/24", (string text, out System.Net.IPNetwork network) => System.Net.IPNetwork.TryParse(text, out network)),
        Whole(configuration, "ReverseProxy:ForwardLimit", 1, 1, 10),
        TimeSpan.FromSeconds(Whole(configuration, "Hosting:ShutdownTimeoutSeconds", 30, 1, 3600)),
        YesOrNo(configuration, "ReverseProxy:TlsTerminatedUpstream"));

    private static bool YesOrNo(IConfiguration configuration, string key)
    {
        var text = configuration[key];
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        return bool.TryParse(text, out var value)
            ? value
            : throw new BadConfigurationException($"{key} is '{text}', but it must be true or false.");
    }

    private static int Whole(IConfiguration configuration, string key, int fallback, int minimum, int maximum)
    {
        var text = configuration[key];
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= minimum && value <= maximum
            ? value
            : throw new BadConfigurationException($"{key} is '{text}', but it must be a whole number from {minimum} to {maximum}.");
    }

    /// <summary>Accepts a JSON array (or Section__Key__0 variables) or one comma-separated string.</summary>
    private delegate bool TryParse<T>(string text, out T value);

    private static List<T> List<T>(IConfiguration configuration, string key, string shape, TryParse<T> parse)
    {
        var section = configuration.GetSection(key);
        var texts = section.GetChildren().Select(c => c.Value).Append(section.Value)
            .Where(v => !string.IsNullOrWhiteSpace(v))
            .SelectMany(v => v!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        var values = new List<T>();
        foreach (var text in texts)
        {
            values.Add(parse(text, out var value) ? value : throw new BadConfigurationException($"{key} holds '{text}', but each entry must be {shape}."));
        }

        return values;
    }
}
