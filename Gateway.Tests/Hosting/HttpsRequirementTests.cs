using System.Net;
using System.Net.Http.Headers;
using Buddy.Domain.Organisations;
using Buddy.Gateway.Data;
using Buddy.Tests.Api;
using Buddy.Tests.Sms;
using Buddy.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace Buddy.Tests.Hosting;

/// <summary>
/// Production over plain HTTP (finding 6 of issue 13): nothing is quietly served in clear. Pages are redirected to
/// HTTPS (or refused when no HTTPS port is known), sign-in never answers 500, the API is refused without its key
/// being looked up, and a forged Host header is refused before it can reach a redirect.
/// </summary>
public sealed class HttpsRequirementTests
{
    private static readonly Uri s_http = new("http://buddy.example.org");

    [Fact]
    public async Task SignIn_OverPlainHttp_IsRedirectedToHttps_AndItsPostNeverAnswers500()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var gateway = new ConfiguredGateway(database, "Production");
        using var client = gateway.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = s_http, AllowAutoRedirect = false });

        using var page = await client.GetAsync("/Account/SignIn");
        using var post = await client.PostAsync("/Account/SignIn",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.Email"] = "a@example.nhs.uk", ["Input.Password"] = "Correct-Horse-42!" }));

        Assert.Equal(HttpStatusCode.PermanentRedirect, page.StatusCode);
        Assert.Equal("https://buddy.example.org/Account/SignIn", page.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.PermanentRedirect, post.StatusCode);
        Assert.Equal("https", post.Headers.Location!.Scheme);
    }

    [Fact]
    public async Task Page_OverPlainHttp_WhenNoHttpsPortCanBeFound_IsRefusedNotServed()
    {
        // A Kestrel HTTPS endpoint is configured, but this in-memory host never binds it, so no HTTPS port can be
        // found: the built-in redirection then does nothing, and the request must still not be served.
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var gateway = new ConfiguredGateway(database, "Production", new Dictionary<string, string?>
        {
            ["ReverseProxy:TlsTerminatedUpstream"] = "false",
            ["Kestrel:Endpoints:Secure:Url"] = "https://buddy.example.org:8443",
        });
        using var client = gateway.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = s_http, AllowAutoRedirect = false });

        using var response = await client.GetAsync("/Account/SignIn");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("https://", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Api_OverPlainHttp_IsRefusedAsProblemJson_WithoutTheKeyBeingChecked()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var (key, keyId) = await SeedKeyAsync(database);
        await using var gateway = new ConfiguredGateway(database, "Production");
        using var client = gateway.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = s_http, AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);

        using var response = await client.GetAsync("/api/v1/therapists");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("revoke it", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using var db = database.CreateContext();
        Assert.Null((await db.ApiKeys.SingleAsync(k => k.Id == keyId)).LastUsedAtUtc); // never looked up
    }

    [Fact]
    public async Task Api_OverHttpsFromTheProxy_IsServed()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var (key, _) = await SeedKeyAsync(database);
        await using var gateway = new ConfiguredGateway(database, "Production");
        using var client = gateway.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://buddy.example.org") });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);

        using var response = await client.GetAsync("/api/v1/therapists");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Health_OverPlainHttp_StillAnswers()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var gateway = new ConfiguredGateway(database, "Production");

        using var response = await gateway.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = s_http }).GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task TwilioWebhook_OverPlainHttp_IsStillTaken_SoAReplyIsNotLost()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var gateway = new SmsGateway(database, "Production");

        using var response = await gateway.PostSignedAsync("/sms/inbound", SmsGateway.InboundForm("+447700900123", "7 good day"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var db = database.CreateContext();
        Assert.True(await db.InboundMessages.AnyAsync(m => m.Body == "7 good day"));
    }

    [Theory]
    [InlineData("/Dashboard")]
    [InlineData("/Account/SignIn")]
    [InlineData("/api/v1/therapists")]
    public async Task Request_WithAHostNotInAllowedHosts_IsRefusedAndNeverRedirectsThere(string path)
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var gateway = new ConfiguredGateway(database, "Production", new Dictionary<string, string?> { ["AllowedHosts"] = "buddy.example.org" });
        using var client = gateway.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://evil.example"), AllowAutoRedirect = false });

        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
        Assert.DoesNotContain("evil.example", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static async Task<(string Key, Guid Id)> SeedKeyAsync(TestDatabase database)
    {
        var organisation = new Organisation { Name = "Northshire Talking Therapies", CreatedAtUtc = DateTime.UtcNow };
        var (key, row) = ApiWorld.NewKey(organisation.Id, "Records system", DateTime.UtcNow);
        await using var db = database.CreateContext();
        db.AddRange(organisation, row);
        await db.SaveChangesAsync();
        return (key, row.Id);
    }
}
