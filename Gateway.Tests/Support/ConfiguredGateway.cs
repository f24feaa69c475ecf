using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;

namespace Buddy.Tests.Support;

/// <summary>
/// The real gateway (Program) in memory, on a test database, in a chosen environment, with extra settings;
/// no log files written. Outside Development it starts from the <see cref="ServingBaseline"/>.
/// </summary>
public sealed class ConfiguredGateway(TestDatabase database, string environment, IReadOnlyDictionary<string, string?>? settings = null)
    : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(environment);
        builder.UseSetting("Logging:DisableFile", "true");
        foreach (var (key, value) in ServingBaseline.For(environment).Concat(database.GatewaySettings()).Concat(settings ?? new Dictionary<string, string?>()))
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services => ServingBaseline.UseStandInSender(services, environment));
    }
}
