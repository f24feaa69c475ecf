using Buddy.Domain.Audit;
using Buddy.Tests.Dashboard;
using Buddy.Tests.Support;

namespace Buddy.Tests.Pages.Manage;

public sealed class AuditPageTests
{
    [Fact]
    public async Task AuditLog_IsPaged_AndSaysActionsInWords()
    {
        await using var world = await DashboardWorld.CreateAsync();
        await using (var db = world.CreateContext())
        {
            for (var i = 0; i < 120; i++)
            {
                db.AuditEvents.Add(new AuditEvent
                {
                    OrganisationId = world.OrgA.Id, ActorType = AuditActorType.Staff, ActorId = world.TherapistA1.Id, Action = "summary.viewed",
                    ServiceUserId = world.Jo.Id, OccurredAtUtc = DashboardWorld.Now.UtcDateTime.AddMinutes(-i), Detail = $"view {i:000}",
                });
            }

            await db.SaveChangesAsync();
        }

        var client = await world.SignedInAsync(world.ManagerA);
        var first = await client.GetDocumentAsync("/Manage/Audit");
        Assert.Contains("page 1 of 3", first.QuerySelector("#audit-count")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(50, first.QuerySelectorAll("#audit tbody tr").Length);
        Assert.Contains("view 000", first.QuerySelector("#audit tbody tr")!.TextContent, StringComparison.Ordinal);

        var second = await client.GetDocumentAsync(first.QuerySelector("a.nhsuk-pagination__link--next")!.GetAttribute("href")!);
        Assert.Contains("page 2 of 3", second.QuerySelector("#audit-count")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("view 050", second.QuerySelector("#audit tbody tr")!.TextContent, StringComparison.Ordinal);
        var last = await client.GetDocumentAsync(second.QuerySelector("a.nhsuk-pagination__link--next")!.GetAttribute("href")!);
        await using (var db = world.CreateContext())
        {
            Assert.Equal(db.AuditEvents.Count(e => e.OrganisationId == world.OrgA.Id) - 100, last.QuerySelectorAll("#audit tbody tr").Length);
        }


        Assert.Contains("Summary viewed", first.QuerySelector("#audit")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("summary.viewed", first.QuerySelector("#audit")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(first.QuerySelectorAll("#Action option"), o => o.TextContent == "Summary viewed" && o.GetAttribute("value") == "summary.viewed");
    }

    [Fact]
    public async Task AuditLog_FilteredByDayMonthYear_KeepsTheFilterOnEveryPage()
    {
        await using var world = await DashboardWorld.CreateAsync();
        var client = await world.SignedInAsync(world.ManagerA);

        var page = await client.GetDocumentAsync("/Manage/Audit?From.Day=19&From.Month=11&From.Year=2026&To.Day=31&To.Month=2&To.Year=2027");

        Assert.Equal("The end date must be a real date", page.QuerySelector(".nhsuk-error-summary a[href='#To']")!.TextContent.Trim());
        Assert.Null(page.QuerySelector("#audit"));
    }
}
