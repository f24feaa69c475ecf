using System.Net;
using Buddy.Tests.Dashboard;
using Buddy.Tests.Support;

namespace Buddy.Tests.Pages.Account;

public sealed class SignInTests
{
    [Fact]
    public async Task Post_WhenPasswordIsRight_SignsInAndOpensTheCaseload()
    {
        await using var world = await DashboardWorld.CreateAsync();
        var client = world.CreateBrowser();

        using var response = await DashboardWorld.SignInAsync(client, world.TherapistA1.Email, DashboardWorld.Password);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("buddy.auth=", StringComparison.Ordinal));
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);

        var caseload = await client.GetDocumentAsync("/Dashboard");
        Assert.Contains(world.TherapistA1.DisplayName, caseload.QuerySelector("header")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_WhenPasswordIsWrong_ShowsAnErrorAndDoesNotSignIn()
    {
        await using var world = await DashboardWorld.CreateAsync();
        var client = world.CreateBrowser();

        using var response = await DashboardWorld.SignInAsync(client, world.TherapistA1.Email, "Wrong-password-1!");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await HtmlForms.ParseAsync(response);
        Assert.Contains("not right", page.QuerySelector(".nhsuk-error-summary")!.TextContent, StringComparison.Ordinal);
        using var dashboard = await client.GetAsync("/Dashboard");
        Assert.Equal(HttpStatusCode.Redirect, dashboard.StatusCode);
    }

    [Fact]
    public async Task Post_AfterFiveWrongPasswords_LocksTheAccountEvenForTheRightPassword()
    {
        await using var world = await DashboardWorld.CreateAsync();
        var client = world.CreateBrowser();
        for (var attempt = 0; attempt < 5; attempt++)
        {
            using var wrong = await DashboardWorld.SignInAsync(client, world.TherapistA1.Email, $"Wrong-password-{attempt}!");
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        }

        using var right = await DashboardWorld.SignInAsync(client, world.TherapistA1.Email, DashboardWorld.Password);

        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        var page = await HtmlForms.ParseAsync(right);
        Assert.Contains("locked", page.QuerySelector(".nhsuk-error-summary")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_WhenTheStaffMemberWasDeactivated_DoesNotSignIn()
    {
        await using var world = await DashboardWorld.CreateAsync();
        await using (var db = world.CreateContext())
        {
            (await db.StaffMembers.FindAsync(world.TherapistA1.Id))!.IsActive = false;
            await db.SaveChangesAsync();
        }

        using var response = await DashboardWorld.SignInAsync(world.CreateBrowser(), world.TherapistA1.Email, DashboardWorld.Password);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain(response.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : [], c => c.StartsWith("buddy.auth=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Post_WithoutTheAntiforgeryToken_IsRejected()
    {
        await using var world = await DashboardWorld.CreateAsync();
        var client = world.CreateBrowser();
        await client.GetDocumentAsync("/Account/SignIn");

        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = world.TherapistA1.Email,
            ["Input.Password"] = DashboardWorld.Password,
        });
        using var response = await client.PostAsync("/Account/SignIn", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/Dashboard")]
    [InlineData("/Dashboard/Alerts")]
    public async Task Get_WhenSignedOut_RedirectsToSignIn(string path)
    {
        await using var world = await DashboardWorld.CreateAsync();
        var client = world.CreateBrowser();

        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("https://localhost/Account/SignIn", response.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_Health_NeedsNoSignIn()
    {
        await using var world = await DashboardWorld.CreateAsync();
        using var response = await world.CreateBrowser().GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task SignOut_EndsTheSession()
    {
        await using var world = await DashboardWorld.CreateAsync();
        var client = await world.SignedInAsync(world.TherapistA1);
        var caseload = await client.GetDocumentAsync("/Dashboard");

        using var signOut = await client.SubmitAsync(caseload.FormWithButton("Sign out"));

        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        using var after = await client.GetAsync("/Dashboard");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
    }
}
