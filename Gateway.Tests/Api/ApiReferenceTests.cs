using System.Net;
using System.Text.RegularExpressions;
using Buddy.Tests.Dashboard;
using Buddy.Tests.Support;

namespace Buddy.Tests.Api;

/// <summary>The Scalar reference for /api/v1: Development only, signed-in staff only, its own policy, nothing from elsewhere.</summary>
public sealed partial class ApiReferenceTests
{
    [Fact]
    public async Task Reference_InDevelopmentForATherapist_ServesThePageUnderItsOwnNoncePolicy()
    {
        await using var world = await DashboardWorld.CreateAsync(environment: "Development");
        var client = await world.SignedInAsync(world.TherapistA1);

        using var response = await client.GetAsync("/api-reference/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        var policy = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        var nonce = Assert.Single(ScriptNonces().Matches(html).Select(m => m.Groups["nonce"].Value).Distinct());
        Assert.Contains($"script-src 'self' 'nonce-{nonce}';", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", policy, StringComparison.Ordinal);
        Assert.Contains("connect-src 'self';", policy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
        Assert.Contains("\"url\":\"openapi/v1.json\"", html, StringComparison.Ordinal);
        Assert.DoesNotMatch(OtherOrigin(), html);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());

        // A second request gets a fresh nonce: a nonce is only worth anything if it cannot be guessed.
        var again = await client.GetStringAsync("/api-reference/");
        Assert.DoesNotContain(nonce, again, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reference_WhenNotSignedIn_SendsToSignIn()
    {
        await using var world = await DashboardWorld.CreateAsync(environment: "Development");

        using var response = await world.CreateBrowser().GetAsync("/api-reference/");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Account/SignIn", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reference_OutsideDevelopment_DoesNotExist()
    {
        await using var world = await DashboardWorld.CreateAsync();
        var client = await world.SignedInAsync(world.ManagerA);

        using var response = await client.GetAsync("/api-reference/");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task OtherPages_InDevelopment_KeepTheStrictPolicy()
    {
        await using var world = await DashboardWorld.CreateAsync(environment: "Development");
        var client = await world.SignedInAsync(world.TherapistA1);

        using var response = await client.GetAsync("/Dashboard");

        Assert.Equal(Buddy.Gateway.Hosting.SecurityHeadersMiddleware.ContentSecurityPolicy, string.Join(";", response.Headers.GetValues("Content-Security-Policy")));
    }

    [GeneratedRegex("<script[^>]*nonce=\"(?<nonce>[^\"]+)\"")]
    private static partial Regex ScriptNonces();

    [GeneratedRegex(@"(src|href)=""https?://|@import|fonts\.|proxy\.scalar|cdn\.jsdelivr", RegexOptions.IgnoreCase)]
    private static partial Regex OtherOrigin();
}
