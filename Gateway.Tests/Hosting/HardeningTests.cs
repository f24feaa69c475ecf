using System.Net;
using Buddy.Domain.Sms;
using Buddy.Gateway.ApiKeys;
using Buddy.Gateway.Data;
using Buddy.Gateway.Hosting;
using Buddy.Tests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Buddy.Tests.Hosting;

/// <summary>The web hardening on the real gateway over real HTTP (WebApplicationFactory).</summary>
public sealed class HardeningTests
{
    private static readonly Uri s_https = new("https://buddy.example.org");

    [Theory]
    [InlineData("/health")]
    [InlineData("/no-such-page")]
    public async Task Get_AnyResponse_CarriesTheSecurityHeaders(string path)
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var gateway = new ConfiguredGateway(database, "Production");
        using var client = gateway.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = s_https });

        using var response = await client.GetAsync(path);

        var csp = Header(response, "Content-Security-Policy");
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("no-referrer", Header(response, "Referrer-Policy"));
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
        Assert.Equal("same-origin", Header(response, "Cross-Origin-Opener-Policy"));
        Assert.Contains("camera=()", Header(response, "Permissions-Policy"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_Endpoint_IsNeverCached()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var gateway = new ConfiguredGateway(database, "Production");
        using var client = gateway.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = s_https });

        using var response = await client.GetAsync("/health");

        Assert.True(response.Headers.CacheControl?.NoStore, "an endpoint's answer must be marked no-store");
    }

    [Theory]
    [InlineData("Production", true)]
    [InlineData("Staging", true)]
    [InlineData("Development", false)]
    public async Task Get_OverHttps_SendsHstsOnlyOutsideDevelopment(string environment, bool expected)
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var gateway = new ConfiguredGateway(database, environment, new Dictionary<string, string?> { ["Demo:SeedOnStart"] = "false" });
        using var client = gateway.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = s_https });

        using var response = await client.GetAsync("/health");

        Assert.Equal(expected, response.Headers.Contains("Strict-Transport-Security"));
        if (expected)
        {
            Assert.Contains("max-age=31536000", Header(response, "Strict-Transport-Security"), StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("10.0.0.5", true)]   // a configured proxy: its X-Forwarded-Proto is believed
    [InlineData("10.0.0.9", false)]  // anyone else: ignored, the request stays plain HTTP
    public async Task Request_ForwardedProto_IsBelievedOnlyFromAKnownProxy(string remoteIp, bool treatedAsHttps)
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var gateway = new ConfiguredGateway(database, "Production", new Dictionary<string, string?> { ["ReverseProxy:KnownProxies"] = "10.0.0.5, 10.0.0.6" });

        // HSTS is only ever sent over HTTPS, so its presence shows which scheme the gateway saw.
        var response = await SendFromAsync(gateway, remoteIp, "http", HttpMethods.Get, "/health", request =>
        {
            request.Headers["X-Forwarded-Proto"] = "https";
            request.Headers["X-Forwarded-For"] = "203.0.113.7";
        });

        Assert.Equal(treatedAsHttps, response.Headers.ContainsKey("Strict-Transport-Security"));
    }

    [Theory]
    [InlineData("/sms/inbound")]
    [InlineData("/api/v1/service-users")]
    public async Task Post_BodyOverTheLimit_Returns413AndStoresNothing(string path)
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var gateway = new ConfiguredGateway(database, "Production", new Dictionary<string, string?> { ["Limits:MaxRequestBodyBytes"] = "16384" });
        using var client = gateway.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = s_https });
        using var body = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["MessageSid"] = "SMoversized", ["From"] = "+447700900111", ["To"] = "+447700900001", ["Body"] = new string('x', 20_000),
        });

        using var response = await client.PostAsync(path, body);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        await using var db = database.CreateContext();
        Assert.False(await db.InboundMessages.AnyAsync());
    }

    [Fact]
    public async Task Post_BodyUnderTheLimit_IsNotRefusedForSize()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var gateway = new ConfiguredGateway(database, "Production", new Dictionary<string, string?> { ["Limits:MaxRequestBodyBytes"] = "16384" });
        using var client = gateway.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = s_https });
        using var body = new FormUrlEncodedContent(new Dictionary<string, string> { ["Body"] = new string('x', 10_000) });

        using var response = await client.PostAsync("/sms/inbound", body);

        Assert.NotEqual(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode); // unsigned: the webhook's own check answers
    }

    [Fact]
    public async Task Webhooks_WhenOneClientExhaustsTheLimiter_Get429WithRetryAfter_WhileAnotherClientDoesNot()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var gateway = new ConfiguredGateway(database, "Production", new Dictionary<string, string?> { ["RateLimiting:WebhookPermitsPerSecond"] = "1" });

        // One permit a second, a bucket of two and a queue of one: of 20 at once, at most 3 get through.
        var burst = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => PostStatusAsync(gateway, "198.51.100.1")));
        var refused = burst.Where(r => r.StatusCode == StatusCodes.Status429TooManyRequests).ToList();
        Assert.InRange(refused.Count, 17, 20);
        Assert.All(refused, r => Assert.True(int.Parse(r.Headers.RetryAfter.ToString(), System.Globalization.CultureInfo.InvariantCulture) >= 1));

        var other = await PostStatusAsync(gateway, "198.51.100.2");
        Assert.NotEqual(StatusCodes.Status429TooManyRequests, other.StatusCode);
    }

    [Fact]
    public async Task SignIn_WhenPostsExceedTheLimit_Returns429_ButTheFormStillLoads()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var gateway = new ConfiguredGateway(database, "Production", new Dictionary<string, string?> { ["RateLimiting:SignInAttemptsPerMinute"] = "2" });
        using var client = gateway.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = s_https, AllowAutoRedirect = false });

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.Email"] = "a@example.nhs.uk", ["Input.Password"] = "wrong" });
            using var response = await client.PostAsync("/Account/SignIn", form);
            statuses.Add(response.StatusCode);
            if (i == 2)
            {
                Assert.Equal("60", response.Headers.RetryAfter?.Delta?.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, statuses.Take(2));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[2]);
        using var page = await client.GetAsync("/Account/SignIn");
        Assert.NotEqual(HttpStatusCode.TooManyRequests, page.StatusCode);
    }

    [Fact]
    public async Task Api_ARealKeyHasItsOwnBucket_WhileMadeUpAndMalformedKeysShareTheirAddresss()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var (key, other) = await SeedKeysAsync(database);
        await using var gateway = new ConfiguredGateway(database, "Production", new Dictionary<string, string?> { ["RateLimiting:ApiRequestsPerMinute"] = "3" });

        // A real key's first request on an instance counts against its address; after that the key has its own bucket.
        Assert.Equal(StatusCodes.Status200OK, await GetAsync(gateway, "198.51.100.7", key));

        // Every made-up key is new, but they all share the address's bucket: two more and it is empty.
        Assert.Equal(StatusCodes.Status401Unauthorized, await GetAsync(gateway, "198.51.100.7", ApiKeySecret.Generate().Key));
        Assert.Equal(StatusCodes.Status401Unauthorized, await GetAsync(gateway, "198.51.100.7", ApiKeySecret.Generate().Key));
        for (var i = 0; i < 20; i++)
        {
            Assert.Equal(StatusCodes.Status429TooManyRequests, await GetAsync(gateway, "198.51.100.7", ApiKeySecret.Generate().Key));
        }

        Assert.Equal(StatusCodes.Status429TooManyRequests, await GetAsync(gateway, "198.51.100.7", "not-a-key"));
        Assert.Equal(StatusCodes.Status429TooManyRequests, await GetAsync(gateway, "198.51.100.7", null));

        // The real key is not starved by them, and another address is unaffected.
        Assert.Equal(StatusCodes.Status200OK, await GetAsync(gateway, "198.51.100.7", key));
        Assert.Equal(StatusCodes.Status200OK, await GetAsync(gateway, "198.51.100.8", other));
    }

    [Fact]
    public async Task Api_EachRealKeyIsLimitedOnItsOwn()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var (key, other) = await SeedKeysAsync(database);
        await using var gateway = new ConfiguredGateway(database, "Production", new Dictionary<string, string?> { ["RateLimiting:ApiRequestsPerMinute"] = "2" });

        // First requests from two addresses make both keys known; then each has two requests a minute of its own.
        Assert.Equal(StatusCodes.Status200OK, await GetAsync(gateway, "198.51.100.1", key));
        Assert.Equal(StatusCodes.Status200OK, await GetAsync(gateway, "198.51.100.2", other));
        Assert.Equal(StatusCodes.Status200OK, await GetAsync(gateway, "198.51.100.3", key));
        Assert.Equal(StatusCodes.Status200OK, await GetAsync(gateway, "198.51.100.3", key));
        Assert.Equal(StatusCodes.Status429TooManyRequests, await GetAsync(gateway, "198.51.100.3", key));
        Assert.Equal(StatusCodes.Status200OK, await GetAsync(gateway, "198.51.100.3", other));
    }

    private static async Task<(string Key, string Other)> SeedKeysAsync(TestDatabase database)
    {
        var organisation = new Buddy.Domain.Organisations.Organisation { Name = "Rate limited", CreatedAtUtc = DateTime.UtcNow };
        var (key, row) = Buddy.Tests.Api.ApiWorld.NewKey(organisation.Id, "Records system", DateTime.UtcNow);
        var (other, otherRow) = Buddy.Tests.Api.ApiWorld.NewKey(organisation.Id, "Reporting", DateTime.UtcNow);
        await using var db = database.CreateContext();
        db.AddRange(organisation, row, otherRow);
        await db.SaveChangesAsync();
        return (key, other);
    }

    private static async Task<int> GetAsync(ConfiguredGateway gateway, string clientIp, string? key)
    {
        var response = await SendFromAsync(gateway, clientIp, "https", HttpMethods.Get, "/api/v1/therapists", request =>
        {
            if (key is not null)
            {
                request.Headers.Authorization = "Bearer " + key;
            }
        });
        return response.StatusCode;
    }

    [Fact]
    public async Task ShutdownTimeout_ComesFromConfiguration()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var gateway = new ConfiguredGateway(database, "Production", new Dictionary<string, string?> { ["Hosting:ShutdownTimeoutSeconds"] = "45" });

        Assert.Equal(TimeSpan.FromSeconds(45), gateway.Services.GetRequiredService<IOptions<HostOptions>>().Value.ShutdownTimeout);
    }

    private static Task<HttpResponse> PostStatusAsync(ConfiguredGateway gateway, string clientIp) =>
        SendFromAsync(gateway, clientIp, "https", HttpMethods.Post, "/sms/status", request =>
        {
            request.ContentType = "application/x-www-form-urlencoded";
            request.Body = new MemoryStream("MessageSid=SM1&MessageStatus=delivered"u8.ToArray());
        });

    /// <summary>A request as the server sees it arrive from <paramref name="remoteIp"/>, which HttpClient cannot set.</summary>
    private static async Task<HttpResponse> SendFromAsync(ConfiguredGateway gateway, string remoteIp, string scheme, string method, string path, Action<HttpRequest> configure)
    {
        var context = await gateway.Server.SendAsync(http =>
        {
            http.Request.Method = method;
            http.Request.Scheme = scheme;
            http.Request.Host = new HostString("buddy.example.org");
            http.Request.Path = path;
            http.Connection.RemoteIpAddress = IPAddress.Parse(remoteIp);
            configure(http.Request);
        });
        return context.Response;
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(", ", values)
            : throw new Xunit.Sdk.XunitException($"{name} is missing");
}
