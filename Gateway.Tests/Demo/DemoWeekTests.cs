using System.Net;
using AngleSharp.Html.Dom;
using Buddy.Domain.Goals;
using Buddy.Domain.Questionnaires;
using Buddy.Domain.Sms;
using Buddy.Gateway.Conversations;
using Buddy.Gateway.Data;
using Buddy.Gateway.Demo;
using Buddy.Gateway.Identity;
using Buddy.Tests.Dashboard;
using Buddy.Tests.Sms;
using Buddy.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Buddy.Tests.Demo;

/// <summary>
/// The README's first command (Development, the SMS simulator, demo data seeded at start) played for a week the way
/// a person plays it: only the simulator page's buttons and reply form move time and answer texts, then the demo
/// therapist reads the summary. Quartz is off so the page's demo clock is the only thing that makes texts due.
/// </summary>
public sealed class DemoWeekTests
{
    // Monday 23 November 2026, 12:00 in London: the moment someone runs the demo.
    private static readonly DateTimeOffset s_start = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    // A PHQ-9 answered item by item, digits and words: 2+1+2+1+0+1+0+1+1 = 9 (mild), item 9 above 0.
    private static readonly string[] s_phq9Answers = ["2", "1", "more than half the days", "1", "0", "several days", "not at all", "1", "several days"];

    [Fact]
    public async Task DemoClient_PlaysAWeekInTheSimulator_AndTheSummaryShowsIt()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var realTime = new FakeTimeProvider(s_start);
        var mail = Directory.CreateTempSubdirectory("buddy-demo-mail");
        await using var gateway = DemoGateway(database, realTime, mail.FullName);
        // The simulator is for signed-in staff: the person playing the phone signs in as the demo manager.
        var phone = gateway.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using (var signedIn = await DashboardWorld.SignInAsync(phone, DemoSeeder.ManagerEmail, DemoLogins.Password))
        {
            Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        }

        // The therapist signs in at the start of the week and keeps the tab open all week.
        var therapist = gateway.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false });
        using (var signedIn = await DashboardWorld.SignInAsync(therapist, "priya.shah@riverside.example", DemoLogins.Password))
        {
            Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        }

        Guid demoId;
        HashSet<Guid> seen;
        await using (var db = database.CreateContext())
        {
            demoId = await db.ServiceUsers.Where(s => s.PhoneE164 == DemoCycleSeeder.DemoPhone).Select(s => s.Id).SingleAsync();
            seen = [.. await db.OutboundMessages.Where(m => m.ServiceUserId == demoId).Select(m => m.Id).ToListAsync()];
        }

        var simulator = $"/simulator?serviceUserId={demoId}";
        var received = new List<OutboundMessage>();
        var phq9Item = 0;
        for (var jumps = 0; jumps < 40; jumps++)
        {
            var page = await phone.GetDocumentAsync(simulator);
            Assert.NotNull(page.QuerySelector("#sim-clock-now"));
            using var jumped = await phone.SubmitAsync(page.FormWithButton("Jump to the next scheduled text for Sam Taylor"));
            Assert.Equal(HttpStatusCode.Redirect, jumped.StatusCode);

            // Everything Buddy texts now, answered as a person would, until Buddy waits for the next scheduled time.
            while (await NewTextsAsync(database, demoId, seen) is { Count: > 0 } fresh)
            {
                seen.UnionWith(fresh.Select(t => t.Id));
                foreach (var text in fresh)
                {
                    received.Add(text);
                    var shown = await phone.GetDocumentAsync(simulator);
                    Assert.Contains(text.Body, shown.QuerySelector("#conversation")!.TextContent, StringComparison.Ordinal);
                    var answer = text.Kind switch
                    {
                        OutboundKind.CheckIn => "6 ok day, went to the library",
                        OutboundKind.AppointmentReminder => "I want to talk about sleep",
                        OutboundKind.GoalReminder => "done",
                        OutboundKind.Questionnaire when phq9Item < s_phq9Answers.Length && !text.Body.StartsWith("Thanks", StringComparison.Ordinal) => s_phq9Answers[phq9Item++],
                        _ => null,
                    };
                    if (answer is not null)
                    {
                        await ReplyAsync(phone, shown, database, demoId, answer);
                    }
                }
            }

            if (received.Any(t => t.Kind == OutboundKind.AppointmentReminder) && received.Count(t => t.Kind == OutboundKind.GoalReminder) == 7)
            {
                break; // the day before the session: the week is played
            }
        }

        // A week of texts: a check-in and a goal reminder every day, one PHQ-9, the appointment reminder on day 7.
        var played = string.Join("; ", received.Select(t => $"{t.CreatedAtUtc:ddd d HH:mm} {t.Kind}"));
        Assert.True(received.Count(t => t.Kind == OutboundKind.CheckIn) == 7, $"Texts received: {played}");
        Assert.Equal(7, received.Count(t => t.Kind == OutboundKind.GoalReminder));
        Assert.Equal(1, received.Count(t => t.Kind == OutboundKind.AppointmentReminder));
        Assert.Equal(9, phq9Item);
        Assert.All(received.Where(t => t.Kind == OutboundKind.CheckIn).Select((t, day) => (t, day)),
            x => Assert.Equal(s_start.UtcDateTime.Date.AddDays(x.day), x.t.CreatedAtUtc.Date));
        var reminder = received.Single(t => t.Kind == OutboundKind.AppointmentReminder);
        Assert.Equal(new DateTime(2026, 11, 29), reminder.CreatedAtUtc.Date);
        Assert.Contains("Anything you want to talk about?", reminder.Body, StringComparison.Ordinal);
        Assert.Contains(DemoCycleSeeder.DemoGoal, received.First(t => t.Kind == OutboundKind.GoalReminder).Body, StringComparison.Ordinal);

        // The therapist's summary, still signed in six demo days later, reflects the week.
        var summary = await therapist.GetDocumentAsync($"/Dashboard/Summary/{demoId}");
        Assert.Equal("I want to talk about sleep", summary.QuerySelector("#agenda")!.TextContent.Trim());
        Assert.Contains("Mon 30 Nov 2026, 10:00", summary.QuerySelector("#period")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(DemoCycleSeeder.DemoGoal, summary.QuerySelector("#goals")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Done 7, part done 0, not done 0 (7 replies in this period).", Squash(summary.QuerySelector("#goals .buddy-goal__counts")!.TextContent), StringComparison.Ordinal);
        Assert.Contains("Latest: 9 of 27, Mild", Squash(summary.QuerySelector("#scores-phq9")!.TextContent), StringComparison.Ordinal);
        Assert.NotNull(summary.QuerySelector("#scores-phq9 .buddy-risk-flag"));
        Assert.Equal(7, summary.QuerySelectorAll("#diary > li").Count(li => li.TextContent.Contains("ok day, went to the library", StringComparison.Ordinal)));

        await using var check = database.CreateContext();
        Assert.Equal(7, await check.GoalProgress.CountAsync(p => p.ServiceUserId == demoId && p.Outcome == GoalOutcome.Done));
        var run = await check.QuestionnaireRuns.SingleAsync(r => r.ServiceUserId == demoId);
        Assert.Equal((QuestionnaireStatus.Completed, 9, Severity.Mild, true), (run.Status, run.TotalScore, run.Severity, run.RiskFlagged));
    }

    [Fact]
    public async Task DemoClock_InTheDevelopmentSimulator_IsEveryonesClock_AndOnlyMovesForward()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var realTime = new FakeTimeProvider(s_start);
        await using var gateway = DemoGateway(database, realTime, Path.GetTempPath(), seed: false);

        var clock = Assert.IsType<DemoClock>(gateway.Services.GetRequiredService<TimeProvider>());
        clock.Advance(TimeSpan.FromDays(2));
        clock.AdvanceTo(s_start.UtcDateTime); // the past: ignored
        realTime.Advance(TimeSpan.FromMinutes(5));

        Assert.Equal(s_start.AddDays(2).AddMinutes(5), clock.GetUtcNow());
    }

    [Theory]
    [InlineData(true)] // someone replied in the simulator at the demo's time
    [InlineData(false)] // Buddy sent a text at the demo's time and nobody replied
    public async Task DemoClock_AfterARestart_CarriesOnAtTheDemosTime(bool replied)
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var realTime = new FakeTimeProvider(s_start);
        await using (var before = DemoGateway(database, realTime, Path.GetTempPath(), seed: false))
        {
            var clock = before.Services.GetRequiredService<DemoClock>();
            clock.Advance(TimeSpan.FromDays(2));
            if (replied)
            {
                using var stored = await before.PostSignedAsync("/sms/inbound", SmsGateway.InboundForm("+447700900999", "hello"));
                Assert.Equal(HttpStatusCode.OK, stored.StatusCode);
            }
            else
            {
                var (_, user) = await SmsTestData.AddPersonAsync(database);
                await SmsTestData.AddOutboundAsync(database, user, OutboundKind.CheckIn, clock.GetUtcNow().UtcDateTime);
            }
        }

        realTime.Advance(TimeSpan.FromMinutes(5));
        await using var after = DemoGateway(database, realTime, Path.GetTempPath(), seed: false);
        _ = after.Server;

        var resumed = after.Services.GetRequiredService<DemoClock>().GetUtcNow();
        Assert.InRange(resumed, s_start.AddDays(2), s_start.AddDays(2).AddMinutes(5));
    }

    [Theory]
    [InlineData("Testing")]
    [InlineData("Production")] // the simulator itself cannot run here: Hosting.StartupTests shows start-up refusing it
    public async Task DemoClock_OutsideDevelopment_IsNotThere(string environment)
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var gateway = new SmsGateway(database, environment);

        Assert.Null(gateway.Services.GetService<DemoClock>());
        Assert.IsNotType<DemoClock>(gateway.Services.GetRequiredService<TimeProvider>());
    }

    [Fact]
    public async Task DemoClock_WithTwilioInDevelopment_IsNotThere()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var gateway = new SmsGateway(database, "Development", new Dictionary<string, string?>
        {
            ["Sms:Provider"] = "Twilio",
            ["Twilio:AccountSid"] = Buddy.Tests.Sms.Twilio.FakeTwilio.AccountSid,
            ["Twilio:From"] = "+15005550006",
            ["Twilio:BaseUrl"] = "http://127.0.0.1:9",
        });

        Assert.Null(gateway.Services.GetService<DemoClock>());
        var (organisation, _) = await SmsTestData.AddPersonAsync(database);
        var manager = await StaffLogins.SignedInAsync(gateway, await StaffLogins.AddAsync(gateway, database, organisation.Id, Buddy.Domain.Staff.StaffRole.ServiceManager));
        using var response = await manager.PostAsync("/simulator?handler=Jump", new FormUrlEncodedContent([]));
        Assert.True(response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.BadRequest, $"Jump answered {(int)response.StatusCode}");
    }

    [Fact]
    public async Task Simulator_OutsideDevelopment_IsAccessDeniedEvenToAManager_AndTheClockDoesNotMove()
    {
        await using var world = await DashboardWorld.CreateAsync();
        var manager = await world.SignedInAsync(world.ManagerA);

        foreach (var (method, handler) in new[] { ("GET", ""), ("POST", "Jump"), ("POST", "Advance&by=day"), ("POST", "Reply") })
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), $"/simulator?handler={handler}&serviceUserId={world.Jo.Id}")
            {
                Content = method == "POST" ? new FormUrlEncodedContent([new("Reply", "7 good day")]) : null,
            };
            using var response = await manager.SendAsync(request);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/Account/AccessDenied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }

        Assert.Equal(DashboardWorld.Now, world.Factory.Services.GetRequiredService<TimeProvider>().GetUtcNow());
        await using var db = world.CreateContext();
        Assert.False(await db.InboundMessages.AnyAsync(m => m.Body == "7 good day"));
    }

    private static SmsGateway DemoGateway(TestDatabase database, FakeTimeProvider realTime, string mailFolder, bool seed = true) =>
        new(database, "Development", new Dictionary<string, string?>
        {
            ["Demo:SeedOnStart"] = seed ? "true" : "false",
            ["Scheduling:Enabled"] = "false",
            ["Email:Smtp:PickupDirectory"] = mailFolder,
        }, services => services.AddKeyedSingleton<TimeProvider>(DemoClock.RealTimeKey, realTime));

    /// <summary>
    /// Texts to the person not seen before, oldest first. The fake real time stands still, so texts sent by one jump
    /// share a time; the check-in is answered first, as its text came first.
    /// </summary>
    private static async Task<List<OutboundMessage>> NewTextsAsync(TestDatabase database, Guid serviceUserId, HashSet<Guid> seen)
    {
        await using var db = database.CreateContext();
        return (await db.OutboundMessages.AsNoTracking().Where(m => m.ServiceUserId == serviceUserId).ToListAsync())
            .Where(m => !seen.Contains(m.Id)).OrderBy(m => m.CreatedAtUtc).ThenBy(m => m.Kind != OutboundKind.CheckIn).ToList();
    }

    /// <summary>Types the reply in the simulator and waits until the pipeline has handled it.</summary>
    private static async Task ReplyAsync(HttpClient phone, IHtmlDocument page, TestDatabase database, Guid serviceUserId, string answer)
    {
        int before;
        await using (var db = database.CreateContext())
        {
            before = await db.InboundMessages.CountAsync(m => m.ServiceUserId == serviceUserId);
        }

        using var posted = await phone.SubmitAsync(page.FormWithButton("Send reply"), new Dictionary<string, string> { ["Reply"] = answer });
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        await SmsTestData.WaitUntilAsync(
            db => db.InboundMessages.Where(m => m.ServiceUserId == serviceUserId).CountAsync(m => m.State != InboundState.Received).ContinueWith(t => t.Result > before),
            database, $"the reply '{answer}'");
    }

    private static string Squash(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
