using AngleSharp.Dom;
using Buddy.Domain.Safeguarding;
using Buddy.Domain.ServiceUsers;
using Buddy.Gateway.Data;
using Buddy.Tests.Dashboard;
using Buddy.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Buddy.Tests.Pages.Dashboard;

/// <summary>
/// How a safeguarding alert reads on every screen: the contact caution first, then the tier and who is at risk, then
/// every reply that joined it; urgent alerts first (the newest first) on the caseload and the alerts page; first on the
/// summary; a count of open urgent alerts in the header of every staff page, in the caller's scope.
/// </summary>
public sealed class SafeguardingAlertPagesTests
{
    private static readonly DateTime s_now = DashboardWorld.Now.UtcDateTime;

    [Theory, InlineData(DatabaseProvider.Sqlite), PostgresData]
    public async Task AlertsPage_ShowsTheCautionFirst_ThenTheTierAndWhoIsAtRisk_AndEveryReplyThatJoined(DatabaseProvider provider)
    {
        await using var world = await DashboardWorld.CreateAsync(provider);
        await world.JoinRepliesToJosAlertAsync();
        var client = await world.SignedInAsync(world.TherapistA1);

        var page = await client.GetDocumentAsync("/Dashboard/Alerts");

        var alert = page.QuerySelector($"#alert-{world.JoAlert.Id}")!;
        var first = alert.Children[0];
        Assert.Equal("buddy-caution", first.ClassName);
        Assert.Equal("Contact caution: Someone else may read their phone. Read this before you call or text them.", Text(first));
        Assert.Equal("Urgent", Text(alert.QuerySelector(".buddy-alert__tier")!));
        Assert.Equal("Safeguarding: Risk from someone else; risk to themselves", Text(alert.QuerySelector(".buddy-alert__subject")!));
        var replies = alert.QuerySelectorAll(".buddy-alert__replies > li");
        Assert.Equal(3, replies.Length);
        Assert.Contains("Urgent, risk from someone else: reply mentions control", Text(replies[1]), StringComparison.Ordinal);
        Assert.Contains("contact caution: someone else may read their phone", Text(replies[1]), StringComparison.Ordinal);
        Assert.Contains("Review, risk to themselves", Text(replies[2]), StringComparison.Ordinal);
        Assert.Contains("latest reply Thu 19 Nov 2026, 11:00 (3 replies)", Text(alert), StringComparison.Ordinal);
    }

    [Theory, InlineData(DatabaseProvider.Sqlite), PostgresData]
    public async Task Caseload_ANewUrgentAlertSortsAboveOlderAlerts_AndItsRowShowsTheCautionFirst(DatabaseProvider provider)
    {
        await using var world = await DashboardWorld.CreateAsync(provider);
        await world.JoinRepliesToJosAlertAsync();

        // Kit's urgent alert came an hour ago, after Jo's latest reply; Lee has more alerts, but only Review ones.
        await AddPersonWithAlertsAsync(world, "Kit Newman", (RiskLevel.High, s_now.AddMinutes(-30)));
        await AddPersonWithAlertsAsync(world, "Lee Olds", (RiskLevel.Review, s_now.AddDays(-1)), (RiskLevel.Review, s_now.AddMinutes(-5)), (RiskLevel.Review, s_now.AddMinutes(-1)));
        var client = await world.SignedInAsync(world.TherapistA1);

        var page = await client.GetDocumentAsync("/Dashboard");

        var rows = page.QuerySelectorAll("#caseload tbody tr").ToList();
        Assert.Equal(["Kit Newman", "Jo Bloggs", "Lee Olds"], rows.Select(r => Text(r.QuerySelector("td a")!)));
        var joAlerts = rows[1].Children[1];
        Assert.Equal("buddy-caution", joAlerts.Children.First(c => c.LocalName != "span" || c.ClassName != "nhsuk-table-responsive__heading").ClassName);
        Assert.Contains("Urgent: 1 open", Text(joAlerts), StringComparison.Ordinal);
        Assert.Contains("Risk from someone else", Text(joAlerts), StringComparison.Ordinal);
        Assert.DoesNotContain("Contact caution", Text(rows[0]), StringComparison.Ordinal);

        // The alerts page agrees: urgent first, the newest first.
        var alerts = await client.GetDocumentAsync("/Dashboard/Alerts");
        var order = alerts.QuerySelectorAll("#open-alerts > li a").Select(Text).ToList();
        Assert.Equal(["Kit Newman", "Jo Bloggs", "Lee Olds", "Lee Olds", "Lee Olds"], order);
    }

    [Theory, InlineData(DatabaseProvider.Sqlite), PostgresData]
    public async Task Summary_TheSafeguardingAlertComesFirst_BeforeThePeriodTheAgendaAndMoodHasDropped(DatabaseProvider provider)
    {
        await using var world = await DashboardWorld.CreateAsync(provider);
        await world.JoinRepliesToJosAlertAsync();
        var client = await world.SignedInAsync(world.TherapistA1);

        var page = await client.GetDocumentAsync($"/Dashboard/Summary/{world.Jo.Id}");

        var main = page.QuerySelector("main")!;
        var safeguarding = main.QuerySelector("#safeguarding")!;
        Assert.Equal("h1", safeguarding.PreviousElementSibling!.LocalName);
        foreach (var later in new[] { "#period", "#next-session", "form.buddy-period", "#deterioration", "#other-alerts" })
        {
            var element = main.QuerySelector(later)!;
            Assert.True(safeguarding.CompareDocumentPosition(element).HasFlag(DocumentPositions.Following), $"{later} should come after the safeguarding alert");
        }

        var alert = safeguarding.QuerySelector($"#alert-{world.JoAlert.Id}")!;
        Assert.Equal("buddy-caution", alert.Children[0].ClassName);
        Assert.Equal("Urgent", Text(alert.QuerySelector(".buddy-alert__tier")!));
        Assert.NotNull(alert.QuerySelector("form.buddy-acknowledge"));
        Assert.Equal("None besides the safeguarding alert at the top of this page.", Text(main.QuerySelector("#other-alerts p")!));
    }

    [Fact]
    public async Task Summary_ADiaryEntryShowsItsTierAndWhoIsAtRisk_InTheDiaryAndTheCsv()
    {
        await using var world = await DashboardWorld.CreateAsync();
        await using (var db = world.CreateContext())
        {
            await db.DiaryEntries.Where(e => e.ServiceUserId == world.Jo.Id && e.RiskLevel == RiskLevel.High)
                .ExecuteUpdateAsync(u => u.SetProperty(e => e.RiskSubjects, [RiskSubject.Sender, RiskSubject.SenderFromOthers]));
        }

        var client = await world.SignedInAsync(world.TherapistA1);

        var page = await client.GetDocumentAsync($"/Dashboard/Summary/{world.Jo.Id}");
        var risky = page.QuerySelectorAll("#diary > li").Single(li => li.TextContent.Contains("argued with mum", StringComparison.Ordinal));
        Assert.Equal("Urgent: Risk to themselves; risk from someone else", Text(risky.QuerySelector(".buddy-diary__risk")!));
        Assert.Contains("Urgent risk (risk to themselves; risk from someone else) in reply: argued with mum", Text(page.QuerySelector("#notable")!), StringComparison.Ordinal);

        var csv = await client.GetStringAsync($"/Dashboard/Summary/{world.Jo.Id}?handler=Csv");
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains("risk_level,who_is_at_risk", lines[0], StringComparison.Ordinal);
        Assert.Contains(lines, l => l.Contains("argued with mum", StringComparison.Ordinal) && l.Contains("Urgent,Risk to themselves; risk from someone else", StringComparison.Ordinal));
    }

    [Theory, InlineData(DatabaseProvider.Sqlite), PostgresData]
    public async Task Header_OnEveryStaffPage_CountsOpenUrgentAlertsInTheCallersScope(DatabaseProvider provider)
    {
        await using var world = await DashboardWorld.CreateAsync(provider);
        await AddPersonWithAlertsAsync(world, "Kit Newman", (RiskLevel.High, s_now.AddMinutes(-30)), (RiskLevel.Review, s_now.AddMinutes(-20)));

        var therapist = await world.SignedInAsync(world.TherapistA1);
        foreach (var url in new[] { "/Dashboard", "/Dashboard/Alerts", $"/Dashboard/Summary/{world.Jo.Id}", $"/Dashboard/Cycle/{world.Jo.Id}" })
        {
            var page = await therapist.GetDocumentAsync(url);
            var indicator = page.QuerySelector("header #urgent-alerts a")!;
            Assert.Equal("2 urgent alerts open: read them on the alerts page", Text(indicator));
            Assert.Equal("/Dashboard/Alerts", indicator.GetAttribute("href"));
        }

        // Robin's caseload has only Sam's Review alert; the manager sees the organisation (Jo's and Kit's); organisation B is never counted.
        var robin = await (await world.SignedInAsync(world.TherapistA2)).GetDocumentAsync("/Dashboard");
        Assert.Null(robin.QuerySelector("#urgent-alerts"));
        var manager = await (await world.SignedInAsync(world.ManagerA)).GetDocumentAsync("/Manage");
        Assert.Equal("2 urgent alerts open: read them on the alerts page", Text(manager.QuerySelector("header #urgent-alerts a")!));

        // Acknowledged alerts are not counted.
        await using (var db = world.CreateContext())
        {
            await db.Alerts.Where(a => a.ServiceUserId == world.Jo.Id).ExecuteUpdateAsync(u => u.SetProperty(a => a.AcknowledgedAtUtc, s_now));
        }

        var after = await therapist.GetDocumentAsync("/Dashboard");
        Assert.Equal("1 urgent alert open: read them on the alerts page", Text(after.QuerySelector("header #urgent-alerts a")!));
    }

    private static async Task AddPersonWithAlertsAsync(DashboardWorld world, string name, params (RiskLevel Level, DateTime At)[] alerts)
    {
        await using var db = world.CreateContext();
        var person = new ServiceUser
        {
            OrganisationId = world.OrgA.Id, TherapistId = world.TherapistA1.Id, DisplayName = name, PhoneE164 = $"+4477009{Random.Shared.Next(10000, 99999)}",
            CreatedAtUtc = s_now.AddDays(-30), UpdatedAtUtc = s_now.AddDays(-30),
        };
        db.ServiceUsers.Add(person);
        foreach (var (level, at) in alerts)
        {
            db.Alerts.Add(new Alert
            {
                OrganisationId = world.OrgA.Id, ServiceUserId = person.Id, Kind = AlertKind.Safeguarding, Severity = level, Subjects = [RiskSubject.Sender],
                Summary = $"{(level == RiskLevel.High ? "Urgent" : "Review")}: reply mentions something", CreatedAtUtc = at,
            });
        }

        await db.SaveChangesAsync();
    }

    private static string Text(IElement element) => string.Join(' ', element.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
