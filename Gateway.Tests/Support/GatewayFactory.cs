using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Buddy.Tests.Support;

/// <summary>
/// The real gateway in memory (WebApplicationFactory) on a real test database, with a fake clock, in the Testing
/// environment with the <see cref="ServingBaseline"/>. Clients use https://localhost because the sign-in and
/// antiforgery cookies are Secure.
/// </summary>
public sealed class GatewayFactory : WebApplicationFactory<Program>
{
    private readonly TestDatabase _database;
    private readonly FakeTimeProvider _clock;
    private readonly bool _kestrel;
    private readonly string _environment;

    /// <param name="kestrel">
    /// Serve on Kestrel at 127.0.0.1 (for a real browser) rather than in memory. That runs in Development unless told
    /// otherwise: a real browser talks plain HTTP to 127.0.0.1, which outside Development the gateway sends to HTTPS
    /// (and Development is where the simulator, which a browser journey may open, runs).
    /// </param>
    /// <param name="environment">The host environment (Development without its demo seeding, when asked for).</param>
    public GatewayFactory(TestDatabase database, FakeTimeProvider clock, bool kestrel = false, string? environment = null)
    {
        _database = database;
        _clock = clock;
        _kestrel = kestrel;
        _environment = environment ?? (kestrel ? "Development" : "Testing");
        if (kestrel)
        {
            UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        }
    }

    public TestDatabase Database => _database;

    public FakeTimeProvider Clock => _clock;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(_environment);
        builder.UseSetting("Demo:SeedOnStart", "false");
        foreach (var (key, value) in ServingBaseline.For(_environment).Concat(_database.GatewaySettings()))
        {
            builder.UseSetting(key, value);
        }

        builder.UseSetting("Demo:SeedOnStart", "false");

        if (_kestrel)
        {
            // A real browser talks plain http to 127.0.0.1, so cookies cannot be Secure-only here.
            builder.UseSetting("Identity:SecureCookiesOnly", "false");
        }

        builder.ConfigureTestServices(services =>
        {
            ServingBaseline.UseStandInSender(services, _environment);
            services.AddSingleton<TimeProvider>(_clock);
        });
    }

    /// <summary>The Kestrel gateway's base address (http://127.0.0.1 on a free port).</summary>
    public Uri StartKestrel()
    {
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        return new Uri(addresses.Single());
    }

    /// <summary>A browser-like client: keeps cookies, does not follow redirects (tests assert them).</summary>
    public HttpClient CreateBrowser() =>
        CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false });
}
