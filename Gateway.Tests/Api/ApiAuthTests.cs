using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Buddy.Domain.Goals;
using Buddy.Domain.Questionnaires;
using Buddy.Domain.Sessions;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Buddy.Tests.Api;

/// <summary>
/// Every /api/v1 route, three ways round: no key (401), a revoked key (401), and a valid key from another
/// organisation (404, as if the record did not exist, and nothing changed). A last test proves this table lists
/// every API endpoint the gateway maps, so a new route cannot skip these checks.
/// </summary>
public sealed class ApiAuthTests(ApiAuthTests.WorldFixture fixture) : IClassFixture<ApiAuthTests.WorldFixture>
{
    public sealed class WorldFixture : IAsyncLifetime
    {
        public ApiWorld World { get; private set; } = null!;

        /// <summary>Jo's next session, goal and PHQ-9 in progress, for the session-cycle routes that name one.</summary>
        public TherapySession JoSession { get; private set; } = null!;

        public Goal JoGoal { get; private set; } = null!;

        public QuestionnaireRun JoRun { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            World = await ApiWorld.CreateAsync();
            var now = ApiWorld.Now.UtcDateTime;
            JoSession = new TherapySession { OrganisationId = World.OrgA.Id, ServiceUserId = World.Jo.Id, StartsAtUtc = now.AddDays(2), Location = "video", CreatedAtUtc = now };
            JoGoal = new Goal { OrganisationId = World.OrgA.Id, ServiceUserId = World.Jo.Id, Text = "walk to the shop", CreatedAtUtc = now, UpdatedAtUtc = now };
            JoRun = new QuestionnaireRun
            {
                OrganisationId = World.OrgA.Id, ServiceUserId = World.Jo.Id, Kind = QuestionnaireKind.Phq9, Source = QuestionnaireSource.OnDemand,
                StartedAtUtc = now.AddHours(-1), LastPromptAtUtc = now.AddHours(-1), ExpiresAtUtc = now.AddDays(2),
            };
            // A PHQ-9 every 4 weeks: another organisation's key must neither stop it nor change it.
            var schedule = new QuestionnaireSchedule
            {
                OrganisationId = World.OrgA.Id, ServiceUserId = World.Jo.Id, Kind = QuestionnaireKind.Phq9, EveryWeeks = 4, NextDueAtUtc = now.AddDays(7), UpdatedAtUtc = now,
            };
            await using var db = World.CreateContext();
            db.AddRange(JoSession, JoGoal, JoRun, schedule);
            await db.SaveChangesAsync();
        }

        public async Task DisposeAsync() => await World.DisposeAsync();
    }

    /// <summary>Method and route template as mapped. {id} is Jo's id (organisation A), Jo's alert under /alerts, key A under /api-keys.</summary>
    public static TheoryData<string, string> Routes => new()
    {
        { "GET", "/api/v1/service-users/" },
        { "POST", "/api/v1/service-users/" },
        { "GET", "/api/v1/service-users/{id:guid}" },
        { "PUT", "/api/v1/service-users/{id:guid}" },
        { "DELETE", "/api/v1/service-users/{id:guid}" },
        { "GET", "/api/v1/service-users/{id:guid}/schedule" },
        { "PUT", "/api/v1/service-users/{id:guid}/schedule" },
        { "GET", "/api/v1/service-users/{id:guid}/entries" },
        { "GET", "/api/v1/service-users/{id:guid}/summary" },
        { "GET", "/api/v1/alerts/" },
        { "POST", "/api/v1/alerts/{id:guid}/acknowledge" },
        { "GET", "/api/v1/therapists" },
        { "GET", "/api/v1/service-users/{id:guid}/sessions/" },
        { "POST", "/api/v1/service-users/{id:guid}/sessions/" },
        { "PUT", "/api/v1/service-users/{id:guid}/sessions/{sessionId:guid}" },
        { "PUT", "/api/v1/service-users/{id:guid}/sessions/{sessionId:guid}/status" },
        { "GET", "/api/v1/service-users/{id:guid}/goals/" },
        { "POST", "/api/v1/service-users/{id:guid}/goals/" },
        { "PUT", "/api/v1/service-users/{id:guid}/goals/{goalId:guid}" },
        { "PUT", "/api/v1/service-users/{id:guid}/goals/{goalId:guid}/status" },
        { "GET", "/api/v1/service-users/{id:guid}/questionnaires/" },
        { "POST", "/api/v1/service-users/{id:guid}/questionnaires/" },
        { "POST", "/api/v1/service-users/{id:guid}/questionnaires/{runId:guid}/withdraw" },
        { "GET", "/api/v1/service-users/{id:guid}/questionnaire-schedules/" },
        { "PUT", "/api/v1/service-users/{id:guid}/questionnaire-schedules/{kind}" },
        { "DELETE", "/api/v1/service-users/{id:guid}/questionnaire-schedules/{kind}" },
        { "GET", "/api/v1/api-keys/" },
        { "POST", "/api/v1/api-keys/{id:guid}/revoke" },
    };

    public static TheoryData<string, string> RoutesWithIds
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var row in Routes.Where(r => ((string)r[1]).Contains("{id", StringComparison.Ordinal)))
            {
                data.Add((string)row[0], (string)row[1]);
            }

            return data;
        }
    }

    private ApiWorld World => fixture.World;

    [Theory, MemberData(nameof(Routes))]
    public async Task Route_WhenNoKey_Returns401ProblemDetails(string method, string template)
    {
        using var response = await SendAsync(World.Client(null), method, template);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Bearer", response.Headers.WwwAuthenticate.ToString());
    }

    [Theory, MemberData(nameof(Routes))]
    public async Task Route_WhenKeyRevoked_Returns401(string method, string template)
    {
        using var response = await SendAsync(World.Client(World.RevokedKeyA), method, template);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory, MemberData(nameof(Routes))]
    public async Task Route_WhenKeyIsUnknownOrMalformed_Returns401(string method, string template)
    {
        using var unknown = await SendAsync(World.Client(Buddy.Gateway.ApiKeys.ApiKeySecret.Generate().Key), method, template);
        using var malformed = await SendAsync(World.Client(World.KeyA + "x"), method, template);

        Assert.Equal((HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized), (unknown.StatusCode, malformed.StatusCode));
    }

    [Theory, MemberData(nameof(RoutesWithIds))]
    public async Task Route_WhenKeyFromAnotherOrganisation_Returns404AndChangesNothing(string method, string template)
    {
        using var response = await SendAsync(World.Client(World.KeyB), method, template);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        await using var db = World.CreateContext();
        var jo = await db.ServiceUsers.AsNoTracking().SingleAsync(s => s.Id == World.Jo.Id);
        Assert.Equal((World.Jo.DisplayName, World.Jo.Status), (jo.DisplayName, jo.Status));
        Assert.Null((await db.Alerts.AsNoTracking().SingleAsync(a => a.Id == World.JoAlert.Id)).AcknowledgedAtUtc);
        Assert.Equal(new TimeOnly(19, 0), (await db.CheckInSchedules.AsNoTracking().SingleAsync(s => s.ServiceUserId == World.Jo.Id)).LocalTime);
        Assert.False(await db.AuditEvents.AnyAsync(e => e.ServiceUserId == World.Jo.Id && e.OrganisationId == World.OrgB.Id));
        var session = await db.TherapySessions.AsNoTracking().SingleAsync(s => s.ServiceUserId == World.Jo.Id);
        Assert.Equal((fixture.JoSession.StartsAtUtc, SessionStatus.Scheduled), (session.StartsAtUtc, session.Status));
        var goal = await db.Goals.AsNoTracking().SingleAsync(g => g.ServiceUserId == World.Jo.Id);
        Assert.Equal(("walk to the shop", GoalStatus.Active), (goal.Text, goal.Status));
        Assert.Equal(QuestionnaireStatus.InProgress, (await db.QuestionnaireRuns.AsNoTracking().SingleAsync(r => r.ServiceUserId == World.Jo.Id)).Status);
        var schedule = await db.QuestionnaireSchedules.AsNoTracking().SingleAsync(r => r.ServiceUserId == World.Jo.Id);
        Assert.Equal((QuestionnaireKind.Phq9, 4, true), (schedule.Kind, schedule.EveryWeeks, schedule.IsEnabled));
        Assert.Null((await db.ApiKeys.AsNoTracking().SingleAsync(k => k.Id == World.KeyARow.Id)).RevokedAtUtc);
    }

    [Theory]
    [InlineData("/api/v1/service-users/")]
    [InlineData("/api/v1/alerts/?status=all")]
    [InlineData("/api/v1/therapists")]
    public async Task List_WhenKeyFromAnotherOrganisation_ShowsOnlyItsOwnRecords(string url)
    {
        var body = await World.Client(World.KeyB).GetStringAsync(url);

        Assert.DoesNotContain(World.Jo.Id.ToString(), body);
        Assert.DoesNotContain(World.JoAlert.Id.ToString(), body);
        Assert.DoesNotContain(World.TherapistA.Id.ToString(), body);
        Assert.Contains(url.Contains("therapists", StringComparison.Ordinal) ? World.TherapistB.Id.ToString()
            : url.Contains("alerts", StringComparison.Ordinal) ? World.BoAlert.Id.ToString() : World.Bo.Id.ToString(), body);
    }

    [Fact]
    public void Routes_ListEveryMappedApiEndpoint()
    {
        var mapped = World.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? ["*"]).Select(m => $"{m} {e.RoutePattern.RawText}"))
            .Order()
            .ToList();

        Assert.Equal(Routes.Select(r => $"{r[0]} {r[1]}").Order(), mapped);
    }

    private Task<HttpResponseMessage> SendAsync(HttpClient client, string method, string template)
    {
        var id = template.Contains("/alerts/", StringComparison.Ordinal) ? World.JoAlert.Id
            : template.Contains("/api-keys/", StringComparison.Ordinal) ? World.KeyARow.Id
            : World.Jo.Id;
        var url = template.Replace("{id:guid}", id.ToString(), StringComparison.Ordinal)
            .Replace("{sessionId:guid}", fixture.JoSession.Id.ToString(), StringComparison.Ordinal)
            .Replace("{goalId:guid}", fixture.JoGoal.Id.ToString(), StringComparison.Ordinal)
            .Replace("{runId:guid}", fixture.JoRun.Id.ToString(), StringComparison.Ordinal)
            .Replace("{kind}", "Phq9", StringComparison.Ordinal);
        var request = new HttpRequestMessage(new HttpMethod(method), url) { Content = ValidBody(method, template) };
        return client.SendAsync(request);
    }

    /// <summary>A body the route would accept, so a refusal can only be about who is asking.</summary>
    private static JsonContent? ValidBody(string method, string template) => (method, template) switch
    {
        ("POST", "/api/v1/service-users/") => JsonContent.Create(new
        {
            serviceUser = new { displayName = "New Person", phone = "+447700900777" },
            schedule = new { localTime = "18:30" },
        }),
        ("PUT", "/api/v1/service-users/{id:guid}") => JsonContent.Create(new { displayName = "Renamed", phone = "+447700900001" }),
        ("PUT", "/api/v1/service-users/{id:guid}/schedule") => JsonContent.Create(new { localTime = "18:00" }),
        ("POST", "/api/v1/service-users/{id:guid}/sessions/") or ("PUT", "/api/v1/service-users/{id:guid}/sessions/{sessionId:guid}") =>
            JsonContent.Create(new { date = "2026-12-01", time = "10:00", location = "video" }),
        ("PUT", "/api/v1/service-users/{id:guid}/sessions/{sessionId:guid}/status") => JsonContent.Create(new { status = "Cancelled" }),
        ("POST", "/api/v1/service-users/{id:guid}/goals/") or ("PUT", "/api/v1/service-users/{id:guid}/goals/{goalId:guid}") =>
            JsonContent.Create(new { text = "walk to the park", reminderDays = new[] { "Monday" }, reminderTime = "18:00" }),
        ("PUT", "/api/v1/service-users/{id:guid}/goals/{goalId:guid}/status") => JsonContent.Create(new { status = "Paused" }),
        ("POST", "/api/v1/service-users/{id:guid}/questionnaires/") => JsonContent.Create(new { kind = "Phq9" }),
        ("PUT", "/api/v1/service-users/{id:guid}/questionnaire-schedules/{kind}") => JsonContent.Create(new { everyWeeks = 2, firstDate = "2026-12-01", localTime = "18:00" }),
        ("POST", _) => JsonContent.Create(new { note = "seen" }),
        _ => null,
    };

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
}
