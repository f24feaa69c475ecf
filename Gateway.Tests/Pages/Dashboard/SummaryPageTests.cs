using System.Net;
using AngleSharp.Dom;
using Buddy.Domain.CheckIns;
using Buddy.Domain.Diary;
using Buddy.Domain.Organisations;
using Buddy.Domain.Safeguarding;
using Buddy.Domain.Sms;
using Buddy.Tests.Dashboard;
using Buddy.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Buddy.Tests.Pages.Dashboard;

public sealed class SummaryPageTests
{
    /// <summary>A responsive table cell's value, without the heading it shows on a phone.</summary>
    private static string CellValue(AngleSharp.Dom.IElement cell) =>
        cell.TextContent.Replace(cell.QuerySelector(".nhsuk-table-responsive__heading")?.TextContent ?? "", "", StringComparison.Ordinal).Trim();

    private static string Value(AngleSharp.Html.Dom.IHtmlDocument page, string selector) =>
        ((AngleSharp.Html.Dom.IHtmlInputElement)page.QuerySelector(selector)!).Value;

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
    public async Task Get_WithAPeriodTypedInDayMonthYearBoxes_SummarisesThoseDays_AndItsLinksKeepIt()
    {
        await using var world = await DashboardWorld.CreateAsync();
        var client = await world.SignedInAsync(world.TherapistA1);
        var page = await client.GetDocumentAsync($"/Dashboard/Summary/{world.Jo.Id}");
        Assert.Equal(("5", "11", "2026"), (Value(page, "#FromDate"), Value(page, "#FromDate_Month"), Value(page, "#FromDate_Year"))); // the period shown
        Assert.Empty(page.QuerySelectorAll("input[type=date]"));

        var chosen = await client.GetDocumentAsync(
            $"/Dashboard/Summary/{world.Jo.Id}?FromDate.Day=1&FromDate.Month=11&FromDate.Year=2026&ToDate.Day=7&ToDate.Month=Nov&ToDate.Year=2026");

        Assert.Contains("Sun 1 Nov 2026 to Sat 7 Nov 2026", chosen.QuerySelector("#period")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("from=2026-11-01&to=2026-11-07", chosen.QuerySelectorAll("a").Single(a => a.TextContent.Contains("CSV", StringComparison.Ordinal)).GetAttribute("href"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_WithAnImpossibleDateInTheBoxes_SaysWhichAndShowsTheDefaultPeriod()
    {
        await using var world = await DashboardWorld.CreateAsync();
        var client = await world.SignedInAsync(world.TherapistA1);

        var page = await client.GetDocumentAsync(
            $"/Dashboard/Summary/{world.Jo.Id}?FromDate.Day=1&FromDate.Month=11&FromDate.Year=2026&ToDate.Day=31&ToDate.Month=11&ToDate.Year=2026");

        Assert.Equal("The end date must be a real date", page.QuerySelector(".nhsuk-error-summary a[href='#ToDate']")!.TextContent.Trim());
        Assert.Contains("since the last session", page.QuerySelector("#period")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_HasAPrintOnlyHeader_SayingConfidentialTheServiceAndWhenAndByWhomItWasPrinted()
    {
        await using var world = await DashboardWorld.CreateAsync();
        var client = await world.SignedInAsync(world.TherapistA1);

        var page = await client.GetDocumentAsync($"/Dashboard/Summary/{world.Jo.Id}");

        var header = page.QuerySelector("#print-header.buddy-print-only")!.TextContent;
        Assert.Contains("Confidential: personal health information.", header, StringComparison.Ordinal);
        Assert.Contains("Northshire Talking Therapies", header, StringComparison.Ordinal);
        Assert.Contains("Printed Thu 19 Nov 2026, 12:00 by Alex Therapist", header, StringComparison.Ordinal);
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
    public async Task Csv_ExportsTheEntriesOfThePeriod_WithLocalTimeAndZone_KindsInWords_AndFormulaTextDefused()
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
        Assert.Equal("date,kind,mood_score,mood_scale,mood_0_to_10,mood_note,what_happened,tags,risk_level,who_is_at_risk,recorded_at_local,time_zone,recorded_at_utc", lines[0]);
        Assert.StartsWith("2026-11-01,Reply to a check-in,7,0-10,7,", lines[1], StringComparison.Ordinal);
        Assert.EndsWith(",No risk found,,2026-11-01 19:30,Europe/London,2026-11-01T19:30:00Z", lines[1], StringComparison.Ordinal);
        Assert.Contains("\"'=HYPERLINK", lines[^1], StringComparison.Ordinal);
        await using var check = world.CreateContext();
        Assert.True(await check.AuditEvents.AnyAsync(a => a.Action == "entries.exported" && a.ServiceUserId == world.Jo.Id));
    }

    [Fact]
    public async Task Get_ShowsAgendaGoalProgressAndQuestionnaireScores_WithTrendAndRiskItem()
    {
        await using var world = await DashboardWorld.CreateAsync();
        var client = await world.SignedInAsync(world.TherapistA1);

        var page = await client.GetDocumentAsync($"/Dashboard/Summary/{world.Jo.Id}");

        Assert.Equal("Talk about college and sleep", page.QuerySelector("#agenda")!.TextContent.Trim());
        Assert.Null(page.QuerySelector("#appointment-changes"));
        Assert.Equal($"/Dashboard/Cycle/{world.Jo.Id}", page.QuerySelector("#cycle-link")!.GetAttribute("href"));
        Assert.Equal("Sessions, goals and questionnaires", page.QuerySelector("#cycle-link")!.TextContent);

        // Goals: only the active one (the archived one had no replies); replies inside 5-19 November, newest first.
        var goal = Assert.Single(page.QuerySelectorAll("#goals .buddy-goal"));
        Assert.Equal("walk to the shop twice this week", goal.QuerySelector("blockquote")!.TextContent);
        Assert.Equal("Done 2, part done 1, not done 1 (4 replies in this period).", Squash(goal.QuerySelector(".buddy-goal__counts")!.TextContent));
        Assert.Equal(
            ["16 Nov part done: sort of, got halfway", "14 Nov not done: not today", "12 Nov done: done", "10 Nov done: yes did it"],
            goal.QuerySelectorAll("details li").Select(li => Squash(li.TextContent).Replace("“", "").Replace("”", "")));

        // PHQ-9: three scores, oldest first, with their bands; down 7 is a reliable improvement; item 9 flagged on 17 Nov.
        var phq9 = page.QuerySelector("#scores-phq9")!;
        Assert.Equal(
            "Latest: 9 of 27, Mild (Tue 17 Nov 2026), below the clinical cut-off of 10. Reliably improved: down 7 since the first score.",
            Squash(phq9.QuerySelector(".buddy-scores__latest")!.TextContent));
        Assert.Equal(
            [["Thu 22 Oct 2026", "16", "Moderately severe", "0"], ["Fri 6 Nov 2026", "12", "Moderate", "0"], ["Tue 17 Nov 2026", "9", "Mild", "Above 0"]],
            phq9.QuerySelectorAll("tbody tr").Select(r => r.QuerySelectorAll("td").Select(CellValue).ToArray()));
        Assert.Contains("Item 9 (“Thoughts that you would be better off dead or of hurting yourself in some way”) was answered above 0 on 17 Nov.",
            Squash(phq9.QuerySelector(".buddy-risk-flag")!.TextContent), StringComparison.Ordinal);
        var chart = phq9.QuerySelector("svg")!;
        Assert.Equal("img", chart.GetAttribute("role"));
        Assert.Equal("PHQ-9 scores over time, 0 to 27", chart.QuerySelector("title")!.TextContent);
        Assert.Equal("3 PHQ-9 scores, from 16 (Moderately severe) on 22 Oct to 9 (Mild) on 17 Nov; the risk item was answered above 0 once.",
            chart.QuerySelector("desc")!.TextContent);
        Assert.Equal(3, chart.QuerySelectorAll("circle.buddy-chart__point").Length);
        Assert.Single(chart.QuerySelectorAll("circle.buddy-chart__risk"));
        Assert.Null(page.QuerySelector("#scores-gad7"));
        Assert.Equal("GAD-7 sent Wed 18 Nov 2026, 12:00: in progress, 3 of 7 answered.", Squash(page.QuerySelector("#unfinished")!.TextContent));
    }

    [Fact]
    public async Task Get_WithAnAppointmentChangeNotice_ShowsItAtTheTopInTheirWords_UntilAcknowledged()
    {
        await using var world = await DashboardWorld.CreateAsync();
        var notice = new Alert
        {
            OrganisationId = world.OrgA.Id, ServiceUserId = world.Jo.Id, Kind = AlertKind.AppointmentChange, Severity = RiskLevel.None,
            Summary = "Asked to cancel or rearrange the session tomorrow at 12:00", MatchedPhrases = "can't make it", CreatedAtUtc = DashboardWorld.Now.UtcDateTime.AddHours(-1),
        };
        await using (var db = world.CreateContext())
        {
            var text = new InboundMessage
            {
                ProviderMessageId = "SMchange", OrganisationId = world.OrgA.Id, ServiceUserId = world.Jo.Id, FromPhone = world.Jo.PhoneE164!, ToPhone = "+447700900999",
                Body = "sorry can't make it tomorrow, can we rearrange", ReceivedAtUtc = notice.CreatedAtUtc, State = InboundState.Processed,
            };
            notice.InboundMessageId = text.Id;
            db.AddRange(text, notice);
            await db.SaveChangesAsync();
        }

        var client = await world.SignedInAsync(world.TherapistA1);
        var page = await client.GetDocumentAsync($"/Dashboard/Summary/{world.Jo.Id}");

        var changes = page.QuerySelector("#appointment-changes")!;
        Assert.Contains("Asked to cancel or rearrange the session tomorrow at 12:00", changes.TextContent, StringComparison.Ordinal);
        Assert.Equal("sorry can't make it tomorrow, can we rearrange", changes.QuerySelector("q")!.TextContent);
        Assert.True(page.QuerySelector("#next-session")!.CompareDocumentPosition(page.QuerySelector("#mood-heading")!).HasFlag(AngleSharp.Dom.DocumentPositions.Following));
        Assert.Single(page.QuerySelectorAll(".buddy-alert")); // the safeguarding alert; the notice is not listed twice

        using var response = await client.SubmitAsync(changes.QuerySelector<AngleSharp.Html.Dom.IHtmlFormElement>("form")!);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var after = await client.GetDocumentAsync(response.Headers.Location!.ToString());
        Assert.Null(after.QuerySelector("#appointment-changes"));
        await using var check = world.CreateContext();
        Assert.Equal(world.TherapistA1.Id, (await check.Alerts.SingleAsync(a => a.Id == notice.Id)).AcknowledgedByStaffId);
    }

    [Fact]
    public async Task Get_ForALongPeriod_PagesTheDiaryInOrder_WithEveryEntryOnSomePage()
    {
        await using var world = await DashboardWorld.CreateAsync();
        await using (var db = world.CreateContext())
        {
            // 200 more days of entries before Jo's three weeks: 218 in all from 12 April (Today - 221).
            for (var day = 221; day >= 22; day--)
            {
                var date = DashboardWorld.Today.AddDays(-day);
                db.Add(new DiaryEntry
                {
                    OrganisationId = world.OrgA.Id, ServiceUserId = world.Jo.Id, LocalDate = date, MoodScore = 6, MoodScale = MoodScale.ZeroToTen,
                    EventText = $"day {day}", CreatedAtUtc = date.ToDateTime(new TimeOnly(19, 30), DateTimeKind.Utc), UpdatedAtUtc = date.ToDateTime(new TimeOnly(19, 30), DateTimeKind.Utc),
                });
            }

            await db.SaveChangesAsync();
        }

        var client = await world.SignedInAsync(world.TherapistA1);
        var url = $"/Dashboard/Summary/{world.Jo.Id}?from=2026-04-01&to=2026-11-19";

        var first = await client.GetDocumentAsync(url);
        Assert.Equal(100, first.QuerySelectorAll("#diary > li").Length);
        Assert.Contains("day 221", first.QuerySelectorAll("#diary > li")[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("218 entries, 100 to a page. Page 1 of 3: Sun 12 Apr 2026 to Mon 20 Jul 2026.", Squash(first.QuerySelector("#diary-page")!.TextContent), StringComparison.Ordinal);
        var links = first.QuerySelectorAll(".buddy-diary-pages a").Select(a => a.GetAttribute("href")!).ToList();
        Assert.Equal(2, links.Count);

        var lines = new List<string>();
        lines.AddRange(first.QuerySelectorAll("#diary > li blockquote").Select(b => b.TextContent));
        foreach (var link in links)
        {
            var next = await client.GetDocumentAsync(link);
            Assert.Contains("from=2026-04-01", link, StringComparison.Ordinal);
            lines.AddRange(next.QuerySelectorAll("#diary > li blockquote").Select(b => b.TextContent));
            if (link.Contains("diary=3", StringComparison.Ordinal))
            {
                Assert.Equal("201", next.QuerySelector("#diary")!.GetAttribute("start"));
                Assert.Equal(18, next.QuerySelectorAll("#diary > li").Length);
                Assert.Contains("2 argued with mum, felt awful", next.QuerySelectorAll("#diary > li")[^3].QuerySelector("details")!.TextContent, StringComparison.Ordinal);
            }
        }

        Assert.Equal(218, lines.Count);
        Assert.Equal(Enumerable.Range(22, 200).Reverse().Select(d => $"day {d}"), lines.Take(200));
        Assert.Equal(200 + 18, (await client.GetStringAsync($"/Dashboard/Summary/{world.Jo.Id}?handler=Csv&from=2026-04-01&to=2026-11-19")).TrimEnd().Split('\n').Length - 1);
    }

    private static string Squash(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
