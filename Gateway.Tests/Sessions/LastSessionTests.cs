using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Buddy.Domain.Sessions;
using Buddy.Domain.Time;
using Buddy.Gateway.Dashboard;
using Buddy.Gateway.Data;
using Buddy.Gateway.Sessions;
using Buddy.Tests.Api;
using Buddy.Tests.Dashboard;
using Buddy.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Buddy.Tests.Sessions;

/// <summary>
/// "Last session" is one answer wherever it is read: the summary page, the JSON summary and <see cref="SessionQueries"/>.
/// Jo (see <see cref="DashboardWorld"/>) attended a session on 5 November; a later one on 12 November is first left
/// unmarked, then marked missed, then attended. "Now" is 19 November.
/// </summary>
public sealed class LastSessionTests
{
    [Theory, InlineData(DatabaseProvider.Sqlite), PostgresData]
    public async Task LastSession_UnmarkedMissedOrAttended_IsTheSameOnThePageInTheJsonSummaryAndInSessionQueries(DatabaseProvider provider)
    {
        await using var world = await DashboardWorld.CreateAsync(provider, sessionCycle: false);
        var now = DashboardWorld.Now.UtcDateTime;
        var (key, keyRow) = ApiWorld.NewKey(world.OrgA.Id, "Records system", now);
        var later = new TherapySession { OrganisationId = world.OrgA.Id, ServiceUserId = world.Jo.Id, StartsAtUtc = now.AddDays(-7), Location = "video", CreatedAtUtc = now.AddDays(-20) };
        TherapySession attended;
        await using (var db = world.CreateContext())
        {
            db.AddRange(keyRow, later);
            await db.SaveChangesAsync();
            attended = await db.TherapySessions.SingleAsync(s => s.ServiceUserId == world.Jo.Id && s.Status == SessionStatus.Attended);
        }

        var therapist = await world.SignedInAsync(world.TherapistA1);
        var api = ApiWorld.Client(world.Factory, key);

        // Never marked: as far as anyone knows it took place, so it bounds the period, and the page asks for it to be marked.
        await AssertLastSessionAsync(world, therapist, api, later, SessionStatus.Scheduled);

        // Missed: not a meeting, so the attended session before it is the last one.
        await MarkAsync(world, api, later, SessionStatus.Missed);
        await AssertLastSessionAsync(world, therapist, api, attended, SessionStatus.Attended);

        await MarkAsync(world, api, later, SessionStatus.Attended);
        await AssertLastSessionAsync(world, therapist, api, later, SessionStatus.Attended);

        // Cancelled (recorded as such after the fact): not a meeting either.
        await using (var db = world.CreateContext())
        {
            await db.TherapySessions.Where(s => s.Id == later.Id).ExecuteUpdateAsync(u => u.SetProperty(s => s.Status, SessionStatus.Cancelled));
        }

        await AssertLastSessionAsync(world, therapist, api, attended, SessionStatus.Attended);
    }

    [Fact]
    public async Task SummaryPage_WhenTheLastSessionIsUnmarked_LinksToWhereItCanBeMarked()
    {
        await using var world = await DashboardWorld.CreateAsync(sessionCycle: false);
        var now = DashboardWorld.Now.UtcDateTime;
        var unmarked = new TherapySession { OrganisationId = world.OrgA.Id, ServiceUserId = world.Jo.Id, StartsAtUtc = now.AddDays(-2), CreatedAtUtc = now.AddDays(-9) };
        await using (var db = world.CreateContext())
        {
            db.Add(unmarked);
            await db.SaveChangesAsync();
        }

        var therapist = await world.SignedInAsync(world.TherapistA1);
        var summary = await therapist.GetDocumentAsync($"/Dashboard/Summary/{world.Jo.Id}");
        var link = summary.QuerySelector("#last-session-unmarked a")!.GetAttribute("href")!;
        var cycle = await therapist.GetDocumentAsync(link);

        Assert.Equal($"/Dashboard/Cycle/{world.Jo.Id}#sessions", link);
        var row = cycle.QuerySelector($"#session-{unmarked.Id}")!;
        Assert.Contains("To mark", row.TextContent, StringComparison.Ordinal);
        Assert.Equal(["Attended", "Missed"], row.QuerySelectorAll("form[data-mark]").Select(f => f.GetAttribute("data-mark")));
    }

    private static async Task MarkAsync(DashboardWorld world, HttpClient api, TherapySession session, SessionStatus status)
    {
        using var response = await api.PutAsJsonAsync($"/api/v1/service-users/{world.Jo.Id}/sessions/{session.Id}/status", new { status = status.ToString() });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static async Task AssertLastSessionAsync(DashboardWorld world, HttpClient therapist, HttpClient api, TherapySession expected, SessionStatus status)
    {
        var zone = world.Jo.TimeZoneId;
        var from = LocalTimes.LocalDate(expected.StartsAtUtc, zone);

        await using (var scope = world.Factory.Services.CreateAsyncScope())
        {
            var overview = await scope.ServiceProvider.GetRequiredService<SessionQueries>()
                .GetOverviewAsync(world.OrgA.Id, world.Jo.Id, DashboardWorld.Now.UtcDateTime, default);
            Assert.Equal((expected.Id, status, status == SessionStatus.Scheduled), (overview.Last!.Id, overview.Last.Status, overview.LastIsUnmarked));
        }

        var json = await api.GetFromJsonAsync<JsonElement>($"/api/v1/service-users/{world.Jo.Id}/summary");
        Assert.Equal((expected.StartsAtUtc, status.ToString(), from.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)), (
            json.GetProperty("lastSessionAtUtc").GetDateTime().ToUniversalTime(), json.GetProperty("lastSessionStatus").GetString(), json.GetProperty("from").GetString()));

        var page = await therapist.GetDocumentAsync($"/Dashboard/Summary/{world.Jo.Id}");
        var period = page.QuerySelector("#period")!.TextContent;
        Assert.Contains($"{LocalDisplay.Date(from)} to {LocalDisplay.Date(DashboardWorld.Today)}", period, StringComparison.Ordinal);
        Assert.Contains("since the last session", period, StringComparison.Ordinal);
        Assert.Contains(LocalDisplay.DateTime(expected.StartsAtUtc, zone), page.QuerySelector("#last-session")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(status == SessionStatus.Scheduled, page.QuerySelector("#last-session-unmarked") is not null);
    }
}
