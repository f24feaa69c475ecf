using System.Text.RegularExpressions;
using Buddy.Domain.Sms;
using Buddy.Gateway.Conversations;
using Buddy.Gateway.Data;
using Buddy.Gateway.Demo;
using Buddy.Gateway.Identity;
using Buddy.Tests.Sms;
using Buddy.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Playwright;

namespace Buddy.Tests.Browser;

/// <summary>
/// The README's first stop, walked in Chromium as written: the gateway started as `dotnet run --project Gateway` starts
/// it (Development, SQLite, the SMS simulator, the demo seeded at start with a check-in armed for the next minute, the
/// scheduler running), someone arriving three minutes after that check-in was due, signing in as Helen, opening
/// /simulator, choosing Sam Taylor and replying "7 went swimming"; then Priya signs in and reads the reply in Sam's
/// diary. Time is a fake clock under the demo clock, moved on rather than waited for.
/// </summary>
public sealed partial class ReadmeDemoTests
{
    // Monday 23 November 2026, 18:00 in London: when someone runs the README's first command.
    private static readonly DateTimeOffset s_start = new(2026, 11, 23, 18, 0, 0, TimeSpan.Zero);

    [ChromiumFact]
    public async Task ReadmeDemo_ThreeMinutesLate_TheFirstCheckInReplyLandsInTheDiary()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var realTime = new FakeTimeProvider(s_start);
        await using var gateway = ReadmeGateway(database, realTime);
        var baseAddress = gateway.StartKestrel();
        await using var session = await BrowserSession.OpenAsync(baseAddress);

        // The scheduler's first pass times the armed check-in for 18:01; the person arrives three minutes after that.
        await SmsTestData.WaitUntilAsync(
            db => db.CheckInSchedules.Join(db.ServiceUsers.Where(s => s.PhoneE164 == DemoCycleSeeder.DemoPhone), c => c.ServiceUserId, s => s.Id, (c, _) => c)
                .AnyAsync(c => c.NextDueAtUtc == s_start.UtcDateTime.AddMinutes(1)),
            database, "the demo check-in armed for 18:01", seconds: 60);
        realTime.Advance(TimeSpan.FromMinutes(4));

        // "sign in as Helen, open `/simulator`, choose **Sam Taylor** (the demo client)".
        var phone = await session.NewPageAsync();
        await phone.GotoAsync("/");
        await Assertions.Expect(phone).ToHaveURLAsync(SignInUrl());
        await SignInAsync(phone, DemoSeeder.ManagerEmail);
        await phone.GotoAsync("/simulator");
        await phone.GetByRole(AriaRole.Link, new() { Name = "Sam Taylor", Exact = true }).ClickAsync();
        await Assertions.Expect(phone.GetByRole(AriaRole.Heading, new() { Name = "Sam Taylor" })).ToBeVisibleAsync();

        // The scheduler sends the late check-in on its next pass (a catch-up, not a skip); the page shows it by itself.
        var checkIn = phone.Locator("#conversation .sim-out").Filter(new() { HasText = "how was today?" }).Filter(new() { HasText = "Mon 23 Nov" });
        await Assertions.Expect(checkIn).ToHaveCountAsync(1, new() { Timeout = 60_000 });
        await session.CheckAsync(phone, "simulator with the demo check-in");

        // "reply as any demo service user (for example "7 went swimming")".
        await phone.GetByLabel("Reply as Sam Taylor").FillAsync("7 went swimming");
        await phone.GetByRole(AriaRole.Button, new() { Name = "Send reply" }).ClickAsync();
        var reply = phone.Locator("#conversation .sim-in").Filter(new() { HasText = "7 went swimming" });
        await Assertions.Expect(reply).ToContainTextAsync("read", new() { Timeout = 30_000 });

        // "then sign in as Priya and open Sam's summary" (`priya.shah@riverside.example`, password `Buddy-demo-2026!`).
        var therapist = await session.NewPageAsync();
        await SignInAsync(therapist, DemoSeeder.TherapistEmail);
        await therapist.Locator("#caseload").GetByRole(AriaRole.Link, new() { Name = "Sam Taylor", Exact = true }).ClickAsync();

        var today = therapist.Locator("#diary > li").Filter(new() { HasText = "Mon 23 Nov 2026" });
        await Assertions.Expect(today).ToContainTextAsync("went swimming");
        await Assertions.Expect(today).ToContainTextAsync("Mood 7");
        await using (var db = database.CreateContext())
        {
            var sam = await db.ServiceUsers.SingleAsync(s => s.PhoneE164 == DemoCycleSeeder.DemoPhone);
            var sent = await db.OutboundMessages.Where(m => m.ServiceUserId == sam.Id && m.Kind == OutboundKind.CheckIn && m.CreatedAtUtc >= s_start.UtcDateTime).ToListAsync();
            Assert.Equal(s_start.UtcDateTime.AddMinutes(4), Assert.Single(sent).CreatedAtUtc); // sent three minutes late, once
        }

        session.AssertNoProblems();
    }

    /// <summary>Helen has the simulator open; in another tab the same browser signs in as Priya; then Helen's tab posts.</summary>
    [ChromiumFact]
    public async Task Simulator_AfterSigningInAsSomeoneElseInAnotherTab_ItsNextPostIsKept_AndSentOnTheSecondPress()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var realTime = new FakeTimeProvider(s_start);
        await using var gateway = ReadmeGateway(database, realTime);
        var baseAddress = gateway.StartKestrel();
        await using var session = await BrowserSession.OpenAsync(baseAddress);
        var phone = await session.NewPageAsync();
        await SignInAsync(phone, DemoSeeder.ManagerEmail);
        await phone.GotoAsync("/simulator");
        await phone.GetByRole(AriaRole.Link, new() { Name = "Sam Taylor", Exact = true }).ClickAsync();
        await session.CheckAsync(phone, "simulator (Development, demo clock)");

        var tab = await phone.Context.NewPageAsync();
        await SignInAsync(tab, DemoSeeder.TherapistEmail);

        await phone.GetByLabel("Reply as Sam Taylor").FillAsync("6 went to college");
        await phone.GetByRole(AriaRole.Button, new() { Name = "Send reply" }).ClickAsync();

        await Assertions.Expect(phone.Locator("#sim-stale")).ToContainTextAsync("Nothing was sent");
        await Assertions.Expect(phone.GetByLabel("Reply as Sam Taylor")).ToHaveValueAsync("6 went to college");
        await Assertions.Expect(phone.Locator(".nhsuk-error-summary")).ToBeFocusedAsync();
        await session.CheckAsync(phone, "simulator after a sign-in in another tab");
        await phone.GetByRole(AriaRole.Button, new() { Name = "Send reply" }).ClickAsync();
        await Assertions.Expect(phone.Locator("#conversation .sim-in").Filter(new() { HasText = "6 went to college" })).ToHaveCountAsync(1, new() { Timeout = 15_000 });
        await Assertions.Expect(phone).ToHaveURLAsync(SimulatorUrl());

        session.AssertNoProblems();
    }

    private static Task SignInAsync(IPage page, string email) => BrowserSession.SignInAsync(page, email, DemoLogins.Password);

    /// <summary>The README's first command, in process: Development, the demo seeded at start, the scheduler on.</summary>
    private static SmsGateway ReadmeGateway(TestDatabase database, FakeTimeProvider realTime) =>
        new(database, "Development", new Dictionary<string, string?>
        {
            ["Demo:SeedOnStart"] = "true",
            ["Email:Smtp:PickupDirectory"] = Directory.CreateTempSubdirectory("buddy-readme-mail").FullName,
        }, services => services.AddKeyedSingleton<TimeProvider>(DemoClock.RealTimeKey, realTime));

    [GeneratedRegex("/simulator", RegexOptions.IgnoreCase)]
    private static partial Regex SimulatorUrl();

    [GeneratedRegex("/Account/SignIn")]
    private static partial Regex SignInUrl();
}
