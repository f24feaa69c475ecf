using System.Net;
using Buddy.Tests.Dashboard;
using Buddy.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Buddy.Tests.Pages.Dashboard;

public sealed class SummaryPageTests
{
    [Fact]
    public async Task Get_ForOwnClient_ShowsChartStatsDiaryAndDeterioration_AndAuditsTheView()
    {
        await using var world = await DashboardWorld.CreateAsync();
        var client = await world.SignedInAsync(world.TherapistA1);

        var page = await client.GetDocumentAsync($"/Dashboard/Summary/{world.Jo.Id}");

        // Since the last session, 14 days ago: 5-18 November.
        Assert.Contains("Thu 5 Nov 2026 to Thu 19 Nov 2026", page.QuerySelector("#period")!.TextContent, StringComparison.Ordinal);
        var svg = page.QuerySelector("svg.buddy-chart")!;
        Assert.Equal("img", svg.GetAttribute("role"));
        Assert.Contains("Mood was scored on", page.QuerySelector("svg desc")!.TextContent, StringComparison.Ordinal);

        // 9, 10 and 14 November and today have no score: the line breaks there (three runs), and no point sits at zero.
        Assert.Equal(3, svg.QuerySelectorAll("path.buddy-chart__line").Length);
        Assert.Equal(11, svg.QuerySelectorAll("circle.buddy-chart__point").Length);
        Assert.Equal(15, page.QuerySelectorAll("#mood-table tbody tr").Length);
        Assert.Equal(4, page.QuerySelectorAll("#mood-table tbody tr").Count(r => r.TextContent.Contains("No score", StringComparison.Ordinal)));

        Assert.Contains("79%", page.QuerySelector("#stats")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("#deterioration"));
        Assert.Contains("argued with mum", page.QuerySelector("#notable")!.TextContent, StringComparison.Ordinal);
        var diary = page.QuerySelectorAll("#diary > li");
        Assert.Equal(11, diary.Length);
        Assert.Contains("2 argued with mum, felt awful", diary[^3].QuerySelector("details")!.TextContent, StringComparison.Ordinal);
        Assert.Single(page.QuerySelectorAll(".buddy-alert"));

        await using var db = world.CreateContext();
        var audit = await db.AuditEvents.SingleAsync(a => a.Action == "summary.viewed");
        Assert.Equal(world.TherapistA1.Id, audit.ActorId);
        Assert.Equal(world.Jo.Id, audit.ServiceUserId);
        Assert.Equal(DashboardWorld.Now.UtcDateTime, audit.OccurredAtUtc);
    }

    [Fact]
    public async Task Get_WithAChosenRange_SummarisesThoseDays()
    {
        await using var world = await DashboardWorld.CreateAsync();
        var client = await world.SignedInAsync(world.TherapistA1);
        var page = await client.GetDocumentAsync($"/Dashboard/Summary/{world.Jo.Id}");

        using var response = await client.GetAsync($"/Dashboard/Summary/{world.Jo.Id}?from=2026-11-01&to=2026-11-07");
        var chosen = await HtmlForms.ParseAsync(response);

        Assert.NotNull(page);
        Assert.Contains("Sun 1 Nov 2026 to Sat 7 Nov 2026", chosen.QuerySelector("#period")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(7, chosen.QuerySelectorAll("#mood-table tbody tr").Length);
    }

    [Fact]
    public async Task Get_WithBackwardsRange_ExplainsTheProblemAndShowsTheDefaultPeriod()
    {
        await using var world = await DashboardWorld.CreateAsync();
        var client = await world.SignedInAsync(world.TherapistA1);

        var page = await client.GetDocumentAsync($"/Dashboard/Summary/{world.Jo.Id}?from=2026-11-10&to=2026-11-01");

        Assert.Contains("start date must be on or before", page.QuerySelector(".nhsuk-error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("since the last session", page.QuerySelector("#period")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Acknowledge_RecordsWhoAndWhen_OnTheAlertAndInTheAuditTrail()
    {
        await using var world = await DashboardWorld.CreateAsync();
        var client = await world.SignedInAsync(world.TherapistA1);
        var page = await client.GetDocumentAsync($"/Dashboard/Summary/{world.Jo.Id}");

        using var response = await client.SubmitAsync(page.FormWithButton("Acknowledge"), new Dictionary<string, string> { ["note"] = "Called Jo, safe" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var db = world.CreateContext();
        var alert = await db.Alerts.SingleAsync(a => a.Id == world.JoAlert.Id);
        Assert.Equal(world.TherapistA1.Id, alert.AcknowledgedByStaffId);
        Assert.Equal(DashboardWorld.Now.UtcDateTime, alert.AcknowledgedAtUtc);
        Assert.Equal("Called Jo, safe", alert.AcknowledgementNote);
        var audit = await db.AuditEvents.SingleAsync(a => a.Action == "alert.acknowledged");
        Assert.Equal(world.TherapistA1.Id, audit.ActorId);
        Assert.Equal(world.JoAlert.Id.ToString(), audit.EntityId);

        var after = await client.GetDocumentAsync(response.Headers.Location!.ToString());
        Assert.Contains("Alert acknowledged", after.QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);
        Assert.Empty(after.QuerySelectorAll(".buddy-alert"));
    }

    [Fact]
    public async Task Csv_ExportsTheEntriesOfThePeriod_WithFormulaTextDefused()
    {
        await using var world = await DashboardWorld.CreateAsync();
        await using (var db = world.CreateContext())
        {
            var entry = await db.DiaryEntries.SingleAsync(e => e.ServiceUserId == world.Jo.Id && e.LocalDate == DashboardWorld.Today.AddDays(-1));
            entry.EventText = "=HYPERLINK(\"http://evil\")";
            await db.SaveChangesAsync();
        }

        var client = await world.SignedInAsync(world.TherapistA1);

        using var response = await client.GetAsync($"/Dashboard/Summary/{world.Jo.Id}?handler=Csv&from=2026-11-01&to=2026-11-18");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).TrimEnd().Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        Assert.StartsWith("date,kind,mood_score", lines[0], StringComparison.Ordinal);
        Assert.Equal(18 - 3 + 1, lines.Count); // 1-18 November less the 3 unanswered days, plus the header
        Assert.StartsWith("2026-11-01,CheckInReply,7,0-10,7,", lines[1], StringComparison.Ordinal);
        Assert.Contains("\"'=HYPERLINK", lines[^1], StringComparison.Ordinal);
        await using var check = world.CreateContext();
        Assert.True(await check.AuditEvents.AnyAsync(a => a.Action == "entries.exported" && a.ServiceUserId == world.Jo.Id));
    }
}
