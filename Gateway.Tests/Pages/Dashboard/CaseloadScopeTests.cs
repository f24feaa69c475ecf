using System.Net;
using Buddy.Gateway.Data;
using Buddy.Tests.Dashboard;
using Buddy.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Buddy.Tests.Pages.Dashboard;

/// <summary>
/// A therapist sees only their own caseload, a manager only their organisation: a guessed id outside either is
/// "not found" on every route (summary, CSV export, session cycle, acknowledging from the summary and from the alerts page).
/// </summary>
public sealed class CaseloadScopeTests
{
    [Theory, InlineData(DatabaseProvider.Sqlite), PostgresData]
    public async Task Therapist_GuessingAnotherTherapistsOrOrganisationsClient_GetsNotFoundEverywhere(DatabaseProvider provider)
    {
        await using var world = await DashboardWorld.CreateAsync(provider);
        var client = await world.SignedInAsync(world.TherapistA1);

        foreach (var other in new[] { world.Sam.Id, world.Bo.Id })
        {
            using var summary = await client.GetAsync($"/Dashboard/Summary/{other}");
            Assert.Equal(HttpStatusCode.NotFound, summary.StatusCode);
            using var csv = await client.GetAsync($"/Dashboard/Summary/{other}?handler=Csv");
            Assert.Equal(HttpStatusCode.NotFound, csv.StatusCode);
            using var cycle = await client.GetAsync($"/Dashboard/Cycle/{other}"); // every cycle handler: CyclePageTests
            Assert.Equal(HttpStatusCode.NotFound, cycle.StatusCode);
        }

        // Real forms, with their antiforgery tokens, pointed at other people's alerts.
        var joPage = await client.GetDocumentAsync($"/Dashboard/Summary/{world.Jo.Id}");
        var alertsPage = await client.GetDocumentAsync("/Dashboard/Alerts");
        foreach (var alert in new[] { world.SamAlert, world.BoAlert })
        {
            using var fromSummary = await client.SubmitAsync(joPage.FormWithButton("Acknowledge"), new Dictionary<string, string> { ["alertId"] = alert.Id.ToString() });
            Assert.Equal(HttpStatusCode.NotFound, fromSummary.StatusCode);
            using var fromAlerts = await client.SubmitAsync(alertsPage.FormWithButton("Acknowledge"), new Dictionary<string, string> { ["alertId"] = alert.Id.ToString() });
            Assert.Equal(HttpStatusCode.NotFound, fromAlerts.StatusCode);

            // The summary page's URL for the alert's own service user, with a real token: still not found.
            var form = joPage.FormWithButton("Acknowledge");
            form.SetAttribute("action", $"/Dashboard/Summary/{alert.ServiceUserId}?handler=Acknowledge");
            using var viaTheirUrl = await client.SubmitAsync(form, new Dictionary<string, string> { ["alertId"] = alert.Id.ToString() });
            Assert.Equal(HttpStatusCode.NotFound, viaTheirUrl.StatusCode);
        }

        await using var db = world.CreateContext();
        Assert.Equal(0, await db.Alerts.CountAsync(a => a.AcknowledgedAtUtc != null));
        Assert.Equal(0, await db.AuditEvents.CountAsync(a => a.ServiceUserId == world.Sam.Id || a.ServiceUserId == world.Bo.Id));
    }

    [Fact]
    public async Task Therapist_Caseload_ListsOnlyTheirOwnServiceUsers()
    {
        await using var world = await DashboardWorld.CreateAsync();
        var client = await world.SignedInAsync(world.TherapistA1);

        var page = await client.GetDocumentAsync("/Dashboard");

        var names = page.QuerySelectorAll("#caseload tbody tr td:first-child a").Select(a => a.TextContent.Trim()).ToList();
        Assert.Equal(["Jo Bloggs"], names);
        var alerts = await client.GetDocumentAsync("/Dashboard/Alerts");
        Assert.Single(alerts.QuerySelectorAll("#open-alerts > li"));
        Assert.Contains("Jo Bloggs", alerts.QuerySelector("#open-alerts")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Manager_SeesTheirWholeOrganisation_ButNeverAnother()
    {
        await using var world = await DashboardWorld.CreateAsync();
        var client = await world.SignedInAsync(world.ManagerA);

        var page = await client.GetDocumentAsync("/Dashboard");
        var names = page.QuerySelectorAll("#caseload tbody tr td:first-child a").Select(a => a.TextContent.Trim()).ToList();

        // Jo has a high-severity alert, Sam a low one: most serious first.
        Assert.Equal(["Jo Bloggs", "Sam Smith"], names);
        using var sam = await client.GetAsync($"/Dashboard/Summary/{world.Sam.Id}");
        Assert.Equal(HttpStatusCode.OK, sam.StatusCode);
        using var bo = await client.GetAsync($"/Dashboard/Summary/{world.Bo.Id}");
        Assert.Equal(HttpStatusCode.NotFound, bo.StatusCode);
        var alerts = await client.GetDocumentAsync("/Dashboard/Alerts");
        Assert.DoesNotContain("Bo Brown", alerts.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OtherOrganisationsTherapist_SeesNothingOfOrganisationA()
    {
        await using var world = await DashboardWorld.CreateAsync();
        var client = await world.SignedInAsync(world.TherapistB);

        var page = await client.GetDocumentAsync("/Dashboard");
        var alerts = await client.GetDocumentAsync("/Dashboard/Alerts");

        Assert.Equal(["Bo Brown"], page.QuerySelectorAll("#caseload tbody tr td:first-child a").Select(a => a.TextContent.Trim()));
        Assert.DoesNotContain("Jo Bloggs", alerts.Body!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Sam Smith", alerts.Body!.TextContent, StringComparison.Ordinal);
    }
}
