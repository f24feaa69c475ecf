using System.Net;
using Buddy.Gateway.Identity;
using Buddy.Tests.Dashboard;
using Buddy.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Buddy.Tests.Pages.Account;

/// <summary>
/// Ending a session ends every copy of its cookie (finding 5 of issue 13): signing out and deactivation rotate the
/// security stamp, and a cookie is checked against it every few seconds, so a copy taken before (a shared computer,
/// a stolen cookie) is refused once the check interval has passed on the gateway's clock.
/// </summary>
public sealed class SessionEndTests
{
    [Fact]
    public async Task CopiedCookie_AfterSignOut_IsRefusedWithinSeconds()
    {
        await using var world = await DashboardWorld.CreateAsync();
        var (browser, copy) = await SignInAndCopyCookieAsync(world);

        var signOut = await browser.GetDocumentAsync("/Account/SignOut");
        using (var signedOut = await browser.SubmitAsync(signOut.FormWithButton("Sign out")))
        {
            Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        }

        world.Factory.Clock.Advance(IdentitySetup.SecurityStampCheckInterval + TimeSpan.FromSeconds(1));
        await AssertSentToSignInAsync(copy);
        Assert.InRange(IdentitySetup.SecurityStampCheckInterval, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task CopiedCookie_AfterDeactivation_IsRefusedWithinSeconds()
    {
        await using var world = await DashboardWorld.CreateAsync();
        var (_, copy) = await SignInAndCopyCookieAsync(world);
        var manager = await world.SignedInAsync(world.ManagerA);
        var confirm = await manager.GetDocumentAsync($"/Manage/Staff/Deactivate/{world.TherapistA1.Id}");
        using (var deactivated = await manager.SubmitAsync(confirm.FormWithButton("Deactivate account")))
        {
            Assert.Equal(HttpStatusCode.Redirect, deactivated.StatusCode);
        }

        world.Factory.Clock.Advance(IdentitySetup.SecurityStampCheckInterval + TimeSpan.FromSeconds(1));
        await AssertSentToSignInAsync(copy);
    }

    [Fact]
    public async Task Cookie_WhileTheSessionLasts_KeepsWorkingPastTheCheck()
    {
        await using var world = await DashboardWorld.CreateAsync();
        var (_, copy) = await SignInAndCopyCookieAsync(world);

        world.Factory.Clock.Advance(IdentitySetup.SecurityStampCheckInterval + TimeSpan.FromSeconds(1));

        using var response = await copy.GetAsync("/Dashboard");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>A browser signed in as therapist A1, and a second client that sends only a copy of its sign-in cookie.</summary>
    private static async Task<(HttpClient Browser, HttpClient Copy)> SignInAndCopyCookieAsync(DashboardWorld world)
    {
        var browser = world.CreateBrowser();
        string cookie;
        using (var signedIn = await DashboardWorld.SignInAsync(browser, world.TherapistA1.Email, DashboardWorld.Password))
        {
            cookie = signedIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("buddy.auth=", StringComparison.Ordinal)).Split(';')[0];
        }

        var copy = world.Factory.CreateClient(new WebApplicationFactoryClientOptions
        {
            BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false, HandleCookies = false,
        });
        copy.DefaultRequestHeaders.Add("Cookie", cookie);
        using var before = await copy.GetAsync("/Dashboard");
        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        return (browser, copy);
    }

    private static async Task AssertSentToSignInAsync(HttpClient copy)
    {
        using var response = await copy.GetAsync("/Dashboard");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/SignIn", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }
}
