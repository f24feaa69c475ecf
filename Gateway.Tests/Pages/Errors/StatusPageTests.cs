using System.Net;
using Buddy.Tests.Dashboard;
using Buddy.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Buddy.Tests.Pages.Errors;

/// <summary>Buddy's own pages for "not found" and a refused form: NHS.UK styled, saying what happened, with a way back.</summary>
public sealed class StatusPageTests
{
    [Theory]
    [InlineData("/Dashboard/Nowhere")]
    [InlineData("/Dashboard/Summary/{unknown}")]
    [InlineData("/Dashboard/Summary/{bo}")]
    [InlineData("/Dashboard/Cycle/{bo}")]
    [InlineData("/Manage/ServiceUsers/Edit/{bo}")]
    [InlineData("/Manage/Staff/Edit/{billie}")]
    [InlineData("/simulator/nowhere")]
    public async Task UnknownPageOrAnotherOrganisationsRecord_AnswersTheSameNotFoundPage_WithAWayBack(string template)
    {
        await using var world = await DashboardWorld.CreateAsync();
        var client = await world.SignedInAsync(world.ManagerA);
        var url = template.Replace("{unknown}", Guid.NewGuid().ToString(), StringComparison.Ordinal)
            .Replace("{bo}", world.Bo.Id.ToString(), StringComparison.Ordinal)
            .Replace("{billie}", world.TherapistB.Id.ToString(), StringComparison.Ordinal);

        using var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var page = await HtmlForms.ParseAsync(response);
        Assert.Equal("Page not found", page.QuerySelector("main h1")!.TextContent.Trim());
        Assert.NotNull(page.QuerySelector("header.nhsuk-header"));
        Assert.Equal("/Dashboard", page.QuerySelector("#back-to-caseload")!.GetAttribute("href"));
        Assert.DoesNotContain(world.Bo.DisplayName, page.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownPage_WhenSignedOut_AsksThemToSignIn_ThenAnswersNotFound()
    {
        await using var world = await DashboardWorld.CreateAsync();
        var browser = world.CreateBrowser();

        using var response = await browser.GetAsync("/no/such/page");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode); // which addresses exist is not said to strangers
        Assert.StartsWith("/Account/SignIn", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        using var signedIn = await DashboardWorld.SignInAsync(browser, world.TherapistA1.Email, DashboardWorld.Password);
        using var after = await browser.GetAsync("/no/such/page");
        Assert.Equal(HttpStatusCode.NotFound, after.StatusCode);
        Assert.Equal("/Dashboard", (await HtmlForms.ParseAsync(after)).QuerySelector("#back-to-caseload")!.GetAttribute("href"));
    }

    /// <summary>Signing in as someone else in another tab makes an open form's token someone else's.</summary>
    [Fact]
    public async Task Form_WhenItsTokenBelongsToAnotherSignIn_AnswersBadRequest_SayingNothingWasSaved_WithAWayBackToThePage()
    {
        await using var world = await DashboardWorld.CreateAsync(sessionCycle: false);
        var client = await world.SignedInAsync(world.TherapistA1);
        var cycle = await client.GetDocumentAsync($"/Dashboard/Cycle/{world.Jo.Id}");
        using (var other = await DashboardWorld.SignInAsync(client, world.ManagerA.Email, DashboardWorld.Password))
        {
            Assert.Equal(HttpStatusCode.Redirect, other.StatusCode);
        }

        using var response = await client.SubmitAsync(cycle.FormWithButton("Add goal"), new Dictionary<string, string> { ["Goal.Text"] = "walk the dog" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await HtmlForms.ParseAsync(response);
        Assert.Equal("This form could not be sent", page.QuerySelector("main h1")!.TextContent.Trim());
        Assert.Contains("Nothing was saved", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Equal($"/Dashboard/Cycle/{world.Jo.Id}", page.QuerySelector("#back-to-page")!.GetAttribute("href"));
        await using var db = world.CreateContext();
        Assert.False(await db.Goals.AnyAsync(g => g.Text == "walk the dog"));
    }

    [Theory]
    [InlineData("/api/v1/nowhere")]
    [InlineData("/sms/nowhere")]
    public async Task MachineAddresses_KeepTheirOwnAnswers_NotAPage(string url)
    {
        await using var world = await DashboardWorld.CreateAsync();

        using var response = await world.CreateBrowser().GetAsync(url);

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEqual("text/html", response.Content.Headers.ContentType?.MediaType);
    }
}
