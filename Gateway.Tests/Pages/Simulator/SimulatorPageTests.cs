using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Buddy.Domain.Sms;
using Buddy.Domain.Staff;
using Buddy.Gateway.Data;
using Buddy.Tests.Sms;
using Buddy.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Buddy.Tests.Pages.Simulator;

/// <summary>
/// /simulator in the demo (Development) set-up: signed-in staff read the check-in and reply through the real
/// pipeline, and see only their own organisation's (or caseload's) service users.
/// </summary>
public sealed class SimulatorPageTests
{
    [Theory, InlineData(DatabaseProvider.Sqlite), PostgresData]
    public async Task Reply_ThroughTheForm_IsStoredAndProcessedByTheSamePipelineAsTwilio(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        // The real clock drives this host, so the organisation has no quiet hours: the check-in goes whenever the test runs.
        var (organisation, user) = await SmsTestData.AddPersonAsync(database, u => u.DisplayName = "Jordan Lee", SmsTestData.NoQuietHours);
        var checkIn = await SmsTestData.AddOutboundAsync(database, user, OutboundKind.CheckIn, DateTime.UtcNow.AddSeconds(-1),
            m => m.Body = "Hi Jordan, how was today? Reply with a mood 0-10 and what you did.");
        await using var gateway = new SmsGateway(database, environment: "Development");
        var browser = await SignedInManagerAsync(gateway, database, organisation.Id);

        // The dispatcher "delivers" the check-in into the simulator.
        await SmsTestData.WaitUntilAsync(db => db.OutboundMessages.AnyAsync(m => m.Id == checkIn.Id && m.Status == OutboundStatus.Delivered), database, "delivery");
        var list = await ParseAsync(await browser.GetAsync("/simulator"));
        var link = list.QuerySelectorAll("a").OfType<IHtmlAnchorElement>().Single(a => a.TextContent == "Jordan Lee");
        var page = await ParseAsync(await browser.GetAsync(link.GetAttribute("href")));
        Assert.Contains("how was today?", page.QuerySelector("#conversation")!.TextContent);

        var form = page.QuerySelector<IHtmlFormElement>("form.sim-reply")!;
        var token = form.QuerySelector<IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value;
        using var posted = await browser.PostAsync(form.GetAttribute("action"),
            new FormUrlEncodedContent([new("Reply", "7 went swimming"), new("__RequestVerificationToken", token)]));

        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        await SmsTestData.WaitUntilAsync(db => db.InboundMessages.AnyAsync(m => m.ServiceUserId == user.Id && m.State == InboundState.Processed), database, "processing");
        await using (var db = database.CreateContext())
        {
            var reply = await db.InboundMessages.SingleAsync();
            Assert.Equal("7 went swimming", reply.Body);
            Assert.Equal(user.PhoneE164, reply.FromPhone);
            Assert.StartsWith("SM", reply.ProviderMessageId);
        }

        var conversation = await browser.GetStringAsync($"/simulator?handler=Conversation&serviceUserId={user.Id}");
        Assert.True(conversation.IndexOf("7 went swimming", StringComparison.Ordinal) < conversation.IndexOf("how was today?", StringComparison.Ordinal),
            "The conversation shows newest first.");
    }

    [Fact]
    public async Task Get_WhenNotSignedIn_GoesToSignIn()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await SmsTestData.AddPersonAsync(database);
        await using var gateway = new SmsGateway(database, environment: "Development");

        using var response = await gateway.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }).GetAsync("/simulator");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/SignIn", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_ShowsOnlyTheSignedInManagersOrganisation()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var (ours, jordan) = await SmsTestData.AddPersonAsync(database, u => u.DisplayName = "Jordan Lee");
        var (_, bo) = await SmsTestData.AddPersonAsync(database, u => u.DisplayName = "Bo Brown");
        await using var gateway = new SmsGateway(database, environment: "Development");
        var manager = await SignedInManagerAsync(gateway, database, ours.Id);

        var page = (await ParseAsync(await manager.GetAsync("/simulator"))).Body!.TextContent;

        Assert.Contains("Jordan Lee", page, StringComparison.Ordinal);
        Assert.Contains(jordan.PhoneE164!, page, StringComparison.Ordinal);
        Assert.DoesNotContain("Bo Brown", page, StringComparison.Ordinal);
        Assert.DoesNotContain(bo.PhoneE164!, page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_ForATherapist_ShowsOnlyTheirCaseload()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var (organisation, _) = await SmsTestData.AddPersonAsync(database, u => u.DisplayName = "Not Theirs");
        await using var gateway = new SmsGateway(database, environment: "Development");
        var therapist = await StaffLogins.AddAsync(gateway, database, organisation.Id, StaffRole.Therapist);
        await using (var db = database.CreateContext())
        {
            var now = DateTime.UtcNow;
            db.ServiceUsers.Add(new Buddy.Domain.ServiceUsers.ServiceUser
            {
                OrganisationId = organisation.Id, TherapistId = therapist.Id, DisplayName = "Their Client", PhoneE164 = SmsTestData.NewPhone(), CreatedAtUtc = now, UpdatedAtUtc = now,
            });
            await db.SaveChangesAsync();
        }

        var page = (await ParseAsync(await (await StaffLogins.SignedInAsync(gateway, therapist)).GetAsync("/simulator"))).Body!.TextContent;

        Assert.Contains("Their Client", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Not Theirs", page, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/simulator?serviceUserId={0}")]
    [InlineData("/simulator?handler=Conversation&serviceUserId={0}")]
    public async Task Get_AnotherOrganisationsServiceUser_Returns404AndShowsNothingOfThem(string url)
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var (ours, _) = await SmsTestData.AddPersonAsync(database);
        var (_, bo) = await SmsTestData.AddPersonAsync(database, u => u.DisplayName = "Bo Brown");
        await SmsTestData.AddOutboundAsync(database, bo, OutboundKind.CheckIn, DateTime.UtcNow.AddDays(-1), m => m.Body = "Hi Bo, how was today?");
        await using var gateway = new SmsGateway(database, environment: "Development");
        var manager = await SignedInManagerAsync(gateway, database, ours.Id);

        using var response = await manager.GetAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, url, bo.Id));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("Hi Bo", body, StringComparison.Ordinal);
        Assert.DoesNotContain(bo.PhoneE164!, body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reply_AsAnotherOrganisationsServiceUser_Returns404AndStoresNothing()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var (ours, mine) = await SmsTestData.AddPersonAsync(database);
        var (_, bo) = await SmsTestData.AddPersonAsync(database);
        await using var gateway = new SmsGateway(database, environment: "Development");
        var manager = await SignedInManagerAsync(gateway, database, ours.Id);
        var page = await ParseAsync(await manager.GetAsync($"/simulator?serviceUserId={mine.Id}"));
        var token = page.QuerySelector<IHtmlInputElement>("form.sim-reply input[name=__RequestVerificationToken]")!.Value;

        using var response = await manager.PostAsync($"/simulator?handler=Reply&serviceUserId={bo.Id}",
            new FormUrlEncodedContent([new("Reply", "1 feeling awful"), new("__RequestVerificationToken", token)]));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        await using var db = database.CreateContext();
        Assert.False(await db.InboundMessages.AnyAsync());
    }

    [Fact]
    public async Task Reply_WithoutTheAntiforgeryToken_IsRefused()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var (organisation, user) = await SmsTestData.AddPersonAsync(database);
        await using var gateway = new SmsGateway(database, environment: "Development");
        var manager = await SignedInManagerAsync(gateway, database, organisation.Id);

        using var response = await manager.PostAsync($"/simulator?handler=Reply&serviceUserId={user.Id}",
            new FormUrlEncodedContent([new("Reply", "STOP")]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await using var db = database.CreateContext();
        Assert.Equal(0, await db.InboundMessages.CountAsync());
    }

    [Fact]
    public async Task Reply_WhenEmpty_ShowsAnErrorAndStoresNothing()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var (organisation, user) = await SmsTestData.AddPersonAsync(database);
        await using var gateway = new SmsGateway(database, environment: "Development");
        var browser = await SignedInManagerAsync(gateway, database, organisation.Id);
        var page = await ParseAsync(await browser.GetAsync($"/simulator?serviceUserId={user.Id}"));
        var token = page.QuerySelector<IHtmlInputElement>("form.sim-reply input[name=__RequestVerificationToken]")!.Value;

        var response = await browser.PostAsync($"/simulator?handler=Reply&serviceUserId={user.Id}",
            new FormUrlEncodedContent([new("Reply", ""), new("__RequestVerificationToken", token)]));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Type a reply to send.", await response.Content.ReadAsStringAsync());
        await using var db = database.CreateContext();
        Assert.Equal(0, await db.InboundMessages.CountAsync());
    }

    [Fact]
    public async Task Get_WhenTheProviderIsTwilio_IsNotThere()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var (organisation, _) = await SmsTestData.AddPersonAsync(database);
        await using var gateway = new SmsGateway(database, environment: "Development", settings: new Dictionary<string, string?>
        {
            ["Sms:Provider"] = "Twilio",
            ["Twilio:AccountSid"] = Buddy.Tests.Sms.Twilio.FakeTwilio.AccountSid,
            ["Twilio:From"] = "+15005550006",
            ["Twilio:BaseUrl"] = "http://127.0.0.1:9",
        });
        var manager = await SignedInManagerAsync(gateway, database, organisation.Id);

        using var response = await manager.GetAsync("/simulator");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    /// <summary>Signing in as someone else in another tab makes the open page's form token the first person's: nothing is sent, the page comes back ready.</summary>
    [Fact]
    public async Task Reply_AfterSigningInAsSomeoneElseInAnotherTab_IsNotSent_AndThePageComesBackWithTheReplyKeptAndAFreshForm()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var (organisation, user) = await SmsTestData.AddPersonAsync(database, u => u.DisplayName = "Jordan Lee");
        await using var gateway = new SmsGateway(database, environment: "Development");
        var morgan = await StaffLogins.AddAsync(gateway, database, organisation.Id, StaffRole.ServiceManager);
        var robin = await StaffLogins.AddAsync(gateway, database, organisation.Id, StaffRole.ServiceManager);
        var browser = await StaffLogins.SignedInAsync(gateway, morgan);
        var opened = await HtmlForms.ParseAsync(await browser.GetAsync($"/simulator?serviceUserId={user.Id}"));
        using (var otherTab = await Buddy.Tests.Dashboard.DashboardWorld.SignInAsync(browser, robin.Email, StaffLogins.Password))
        {
            Assert.Equal(HttpStatusCode.Redirect, otherTab.StatusCode);
        }

        using var stale = await browser.SubmitAsync(opened.FormWithButton("Send reply"), new Dictionary<string, string> { ["Reply"] = "5 ok thanks" });

        Assert.Equal(HttpStatusCode.BadRequest, stale.StatusCode);
        var page = await HtmlForms.ParseAsync(stale);
        Assert.Contains("Nothing was sent", page.QuerySelector("#sim-stale")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("5 ok thanks", page.QuerySelector<IHtmlTextAreaElement>("#Reply")!.Value);
        await using (var db = database.CreateContext())
        {
            Assert.Equal(0, await db.InboundMessages.CountAsync());
        }

        using var sent = await browser.SubmitAsync(page.FormWithButton("Send reply"));
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        await SmsTestData.WaitUntilAsync(db => db.InboundMessages.AnyAsync(m => m.Body == "5 ok thanks"), database, "the reply sent again");
    }

    [Fact]
    public async Task Conversation_ReadsNewestFirst_APageAtATime_WithTheReplyBoxAboveIt()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var (organisation, user) = await SmsTestData.AddPersonAsync(database, u => u.DisplayName = "Jordan Lee");
        var start = DateTime.UtcNow.AddDays(-30);
        for (var day = 0; day < 25; day++)
        {
            await SmsTestData.AddOutboundAsync(database, user, OutboundKind.CheckIn, start.AddDays(day), m =>
            {
                m.Body = $"Check-in number {day + 1:00}";
                m.Status = OutboundStatus.Delivered;
                m.SentAtUtc = start.AddDays(day);
            });
        }

        await using var gateway = new SmsGateway(database, environment: "Development");
        var browser = await SignedInManagerAsync(gateway, database, organisation.Id);

        var first = await ParseAsync(await browser.GetAsync($"/simulator?serviceUserId={user.Id}"));

        var bubbles = first.QuerySelectorAll("#conversation .sim-bubble .sim-body").Select(b => b.TextContent).ToList();
        Assert.Equal(Buddy.Gateway.Pages.Simulator.IndexModel.TextsPerPage, bubbles.Count);
        Assert.Equal(("Check-in number 25", "Check-in number 06"), (bubbles[0], bubbles[^1]));
        Assert.True(first.QuerySelector("form.sim-reply")!.CompareDocumentPosition(first.QuerySelector("#conversation")!).HasFlag(AngleSharp.Dom.DocumentPositions.Following),
            "The reply box comes before the texts.");
        Assert.Contains("delivered", first.QuerySelector("#conversation .sim-meta")!.TextContent, StringComparison.Ordinal);
        var older = first.QuerySelector("a.nhsuk-pagination__link--next")!.GetAttribute("href")!;
        var second = await ParseAsync(await browser.GetAsync(older));
        Assert.Equal(["Check-in number 05", "Check-in number 04", "Check-in number 03", "Check-in number 02", "Check-in number 01"],
            second.QuerySelectorAll("#conversation .sim-body").Select(b => b.TextContent));
        Assert.True(string.IsNullOrEmpty(second.QuerySelector("#conversation")!.GetAttribute("data-refresh"))); // only the newest texts refresh themselves
    }
    private static async Task<HttpClient> SignedInManagerAsync(SmsGateway gateway, TestDatabase database, Guid organisationId) =>
        await StaffLogins.SignedInAsync(gateway, await StaffLogins.AddAsync(gateway, database, organisationId, StaffRole.ServiceManager));

    private static async Task<IHtmlDocument> ParseAsync(HttpResponseMessage response)
    {
        response.EnsureSuccessStatusCode();
        return await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync());
    }
}
