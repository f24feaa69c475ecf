using Buddy.Domain.Sms;
using Buddy.Gateway.Sms.Simulator;
using Buddy.Tests.Sms.Twilio;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Buddy.Tests.Support;

/// <summary>
/// What a gateway outside Development needs before it serves (the gateway's ServingRules): a real SMS provider,
/// named host names, and HTTPS, here ended upstream as behind the production proxy. Test gateways put these
/// first and their own settings after, so a test can still override any of them. In memory, the simulator's
/// sender stands in behind the Twilio settings: nothing is sent anywhere, and every text is "delivered" at once.
/// </summary>
public static class ServingBaseline
{
    public static IReadOnlyList<KeyValuePair<string, string?>> Settings { get; } =
    [
        new("AllowedHosts", "localhost;127.0.0.1;buddy.example.org"),
        new("ReverseProxy:TlsTerminatedUpstream", "true"),
        new("Sms:Provider", "Twilio"),
        new("Twilio:AccountSid", FakeTwilio.AccountSid),
        new("Twilio:AuthToken", "serving-baseline-auth-token"),
        new("Twilio:From", SimulatorSmsSender.Number),

        // Nothing listens here: in memory the stand-in sender answers; a child process is given a FakeTwilio when it sends.
        new("Twilio:BaseUrl", "http://127.0.0.1:9"),
    ];

    /// <summary>The baseline for an environment: nothing in Development, where the simulator and plain HTTP are allowed.</summary>
    public static IEnumerable<KeyValuePair<string, string?>> For(string environment) =>
        environment == "Development" ? [] : Settings;

    /// <summary>Outside Development, the simulator's sender in place of Twilio's (in-memory gateways only).</summary>
    public static void UseStandInSender(IServiceCollection services, string environment)
    {
        if (environment != "Development")
        {
            services.RemoveAll<ISmsSender>();
            services.AddSingleton<ISmsSender, SimulatorSmsSender>();
        }
    }
}
