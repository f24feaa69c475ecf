using System.Text;
using System.Text.RegularExpressions;
using Buddy.Tests.Dashboard;
using Buddy.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Buddy.Tests.Browser;

/// <summary>
/// A therapist's visit, in a real browser against the gateway on Kestrel: sign in, caseload, summary (chart, agenda,
/// goals, questionnaire scores and diary), acknowledge an alert, print. Also proves the NHS.UK assets are served locally under the content
/// security policy, with no script errors and nothing fetched from another origin.
/// </summary>
public sealed partial class TherapistJourneyTests(ITestOutputHelper output)
{
    [ChromiumFact]
    public async Task Therapist_SignsIn_ReadsTheSummary_AcknowledgesTheAlert_AndPrintsIt()
    {
        await using var world = await DashboardWorld.CreateAsync(kestrel: true);
        var baseAddress = world.Factory.StartKestrel();
        await using var session = await BrowserSession.OpenAsync(baseAddress);
        var page = await session.NewPageAsync();

        // Sign in.
        await page.GotoAsync("/");
        await Assertions.Expect(page).ToHaveURLAsync(SignInUrl());
        await page.GetByLabel("Email address").FillAsync(world.TherapistA1.Email);
        await page.GetByLabel("Password").FillAsync(DashboardWorld.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        // The caseload, with the NHS.UK frontend initialised from local files.
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Caseload" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("body")).ToHaveClassAsync(SupportedBody());
        await Assertions.Expect(page.Locator("header.nhsuk-header")).ToHaveAttributeAsync("data-nhsuk-header-init", "");
        var row = page.Locator("#caseload tbody tr").Filter(new() { HasText = "Jo Bloggs" });
        await Assertions.Expect(row).ToContainTextAsync("1 open");
        await Assertions.Expect(page.Locator("#caseload tbody tr")).ToHaveCountAsync(1);
        await ScreenshotAsync(page, "caseload");
        await session.CheckAsync(page, "caseload");

        // The summary: chart, stats and the diary with the raw texts a click away.
        await row.GetByRole(AriaRole.Link, new() { Name = "Jo Bloggs" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Jo Bloggs", Level = 1 })).ToBeVisibleAsync();
        var chart = page.GetByRole(AriaRole.Img, new() { Name = "Daily mood, 0 to 10" });
        await Assertions.Expect(chart).ToBeVisibleAsync();
        Assert.True((await chart.BoundingBoxAsync())!.Height > 100);
        await Assertions.Expect(page.Locator("#deterioration")).ToContainTextAsync("Mood has dropped");
        await Assertions.Expect(page.Locator("#diary > li")).ToHaveCountAsync(11);
        var bad = page.Locator("#diary > li").Filter(new() { HasText = "argued with mum" });
        await Assertions.Expect(bad.GetByText("2 argued with mum, felt awful")).ToBeHiddenAsync();
        await bad.GetByText("Texts as received").ClickAsync();
        await Assertions.Expect(bad.GetByText("2 argued with mum, felt awful")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#mood-table")).ToBeHiddenAsync();
        await page.GetByText("Show the mood scores as a table").ClickAsync();
        await Assertions.Expect(page.Locator("#mood-table tbody tr")).ToHaveCountAsync(15);

        // The session cycle: agenda notes at the top, goal progress, PHQ-9 scores with band, chart and risk item.
        await Assertions.Expect(page.Locator("#agenda")).ToHaveTextAsync("Talk about college and sleep");
        await Assertions.Expect(page.Locator("#goals")).ToContainTextAsync("walk to the shop twice this week");
        var scores = page.GetByRole(AriaRole.Region, new() { Name = "Questionnaire scores" });
        await Assertions.Expect(scores).ToContainTextAsync("Latest: 9 of 27, Mild");
        await Assertions.Expect(scores.Locator(".buddy-risk-flag")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Img, new() { Name = "PHQ-9 scores over time, 0 to 27" })).ToBeVisibleAsync();
        await Assertions.Expect(scores.Locator("#scores-phq9 tbody tr")).ToHaveCountAsync(3);

        await ScreenshotAsync(page, "summary");
        await session.CheckAsync(page, "summary");

        // Acknowledge the alert.
        var alert = page.Locator(".buddy-alert").Filter(new() { HasText = "Reply mentions feeling awful" });
        await alert.GetByLabel("Note (optional)").FillAsync("Rang Jo; safe, seeing GP");
        await alert.GetByRole(AriaRole.Button, new() { Name = "Acknowledge" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Alert acknowledged");
        await Assertions.Expect(page.Locator(".buddy-alert")).ToHaveCountAsync(0);
        await session.CheckAsync(page, "summary after acknowledging");
        await using (var db = world.CreateContext())
        {
            var stored = await db.Alerts.SingleAsync(a => a.Id == world.JoAlert.Id);
            Assert.Equal(world.TherapistA1.Id, stored.AcknowledgedByStaffId);
            Assert.Equal("Rang Jo; safe, seeing GP", stored.AcknowledgementNote);
        }

        // Print: navigation and forms go, the chart and diary stay, on one or two A4 pages.
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await Assertions.Expect(page.Locator("header.nhsuk-header")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("form.buddy-period")).ToBeHiddenAsync();
        await Assertions.Expect(chart).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#diary")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#scores-phq9 tbody tr")).ToHaveCountAsync(3);
        await ScreenshotAsync(page, "print");
        var pdf = await page.PdfAsync(new() { Format = "A4", PrintBackground = true });
        var pages = PdfPage().Count(Encoding.Latin1.GetString(pdf));
        output.WriteLine($"Printed summary: {pages} A4 page(s), {pdf.Length} bytes");
        Assert.InRange(pages, 1, 2);

        session.AssertNoProblems();
    }

    [ChromiumFact]
    public async Task Therapist_RecordsTheNextSession_AndSendsAPhq9_WhichReachesTheSimulator()
    {
        await using var world = await DashboardWorld.CreateAsync(kestrel: true); // Development, where the simulator runs
        var baseAddress = world.Factory.StartKestrel();
        await using var session = await BrowserSession.OpenAsync(baseAddress);
        var page = await session.NewPageAsync();

        await SignInAsync(page, world.TherapistA1.Email);
        var row = page.Locator("#caseload tbody tr").Filter(new() { HasText = "Jo Bloggs" });
        await row.GetByRole(AriaRole.Link, new() { Name = "Sessions and goals for Jo", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Jo Bloggs", Level = 1 })).ToBeVisibleAsync();

        // Record the session after next: a date and local time, in person at a place.
        await page.Locator("#Session_Date").FillAsync("26");
        await page.Locator("#Session_Date_Month").FillAsync("11");
        await page.Locator("#Session_Date_Year").FillAsync("2026");
        await page.Locator("#Session_Time").FillAsync("14:30");
        await page.GetByLabel("In person").CheckAsync();
        await page.Locator("#Session_Place").FillAsync("Riverside Centre, room 2");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record session" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Session recorded for Thu 26 Nov 2026, 14:30, at Riverside Centre, room 2.");
        await Assertions.Expect(page.Locator("#session-list tbody tr")).ToHaveCountAsync(3);

        // A manager has the simulator open on Jo's phone before anything is sent.
        var simulator = await session.NewPageAsync();
        await SignInAsync(simulator, world.ManagerA.Email);
        await simulator.GotoAsync($"/simulator?serviceUserId={world.Jo.Id}");
        await Assertions.Expect(simulator.Locator("#conversation")).Not.ToContainTextAsync("PHQ-9");
        var simulatorUrl = simulator.Url;

        // Send a PHQ-9 now: it shows as in progress, and item 1 is in the outbox.
        await page.GetByRole(AriaRole.Button, new() { Name = "Send PHQ-9 now" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("PHQ-9 sent to Jo");
        await Assertions.Expect(page.Locator("#run-list tbody tr").First).ToContainTextAsync("0 of 9 answered");
        await ScreenshotAsync(page, "cycle");
        await session.CheckAsync(page, "cycle with a PHQ-9 in progress");
        await using (var db = world.CreateContext())
        {
            var text = await db.OutboundMessages.SingleAsync(m => m.ServiceUserId == world.Jo.Id && m.Kind == Buddy.Domain.Sms.OutboundKind.Questionnaire);
            Assert.Contains("PHQ-9 question 1 of 9", text.Body, StringComparison.Ordinal);
            Assert.Equal(new DateTime(2026, 11, 26, 14, 30, 0, DateTimeKind.Utc), (await db.TherapySessions.SingleAsync(s => s.Location == "Riverside Centre, room 2")).StartsAtUtc);
        }

        // The manager's open simulator shows the text on Jo's phone without a reload.
        await Assertions.Expect(simulator.Locator("#conversation")).ToContainTextAsync("PHQ-9 question 1 of 9", new() { Timeout = 15_000 });
        Assert.Equal(simulatorUrl, simulator.Url);
        await session.CheckAsync(simulator, "simulator with a new text");

        session.AssertNoProblems();
    }

    private static Task SignInAsync(IPage page, string email) => BrowserSession.SignInAsync(page, email, DashboardWorld.Password);

    [ChromiumFact]
    public async Task Keyboard_SkipLinkMovesFocusToTheMainContent()
    {
        await using var world = await DashboardWorld.CreateAsync(kestrel: true);
        var baseAddress = world.Factory.StartKestrel();
        await using var session = await BrowserSession.OpenAsync(baseAddress);
        var page = await session.NewPageAsync();

        await page.GotoAsync("/Account/SignIn");
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Skip to main content" })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page.Locator("#maincontent")).ToBeFocusedAsync();
    }

    /// <summary>Full-page screenshots into $BUDDY_SCREENSHOTS, when set, for looking at the pages by eye.</summary>
    private static async Task ScreenshotAsync(IPage page, string name)
    {
        if (Environment.GetEnvironmentVariable("BUDDY_SCREENSHOTS") is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
            await page.ScreenshotAsync(new() { Path = Path.Combine(folder, $"{name}.png"), FullPage = true });
        }
    }

    [GeneratedRegex("/Account/SignIn")]
    private static partial Regex SignInUrl();

    [GeneratedRegex("nhsuk-frontend-supported")]
    private static partial Regex SupportedBody();

    [GeneratedRegex(@"/Type\s*/Page[^s]")]
    private static partial Regex PdfPage();
}
