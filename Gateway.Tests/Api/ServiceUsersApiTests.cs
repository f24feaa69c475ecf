using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Buddy.Domain.Audit;
using Buddy.Domain.Goals;
using Buddy.Domain.Questionnaires;
using Buddy.Domain.Safeguarding;
using Buddy.Domain.Schedules;
using Buddy.Domain.ServiceUsers;
using Buddy.Domain.Sessions;
using Buddy.Gateway.Data;
using Buddy.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Buddy.Tests.Api;

public class ServiceUsersApiTests
{
    [Theory, InlineData(DatabaseProvider.Sqlite), PostgresData]
    public async Task Post_WhenValidWithSchedule_Creates201AndAuditsAsTheKey(DatabaseProvider provider)
    {
        await using var world = await ApiWorld.CreateAsync(provider);

        using var response = await world.Client(world.KeyA).PostAsJsonAsync("/api/v1/service-users", new
        {
            serviceUser = new { displayName = "Casey New", firstName = "Casey", phone = "+44 7700 900555", therapistId = world.TherapistA.Id },
            schedule = new { localTime = "18:30", days = new[] { "Monday", "wednesday" }, reminderAfterMinutes = 60 },
        });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var id = body.GetProperty("id").GetGuid();
        Assert.Equal($"/api/v1/service-users/{id}", response.Headers.Location?.OriginalString);
        Assert.Equal("+447700900555", body.GetProperty("phone").GetString());
        Assert.Equal("OptedIn", body.GetProperty("consent").GetString());

        await using var db = world.CreateContext();
        var person = await db.ServiceUsers.SingleAsync(s => s.Id == id);
        Assert.Equal((world.OrgA.Id, "Europe/London", ServiceUserStatus.Active), (person.OrganisationId, person.TimeZoneId, person.Status));
        var schedule = await db.CheckInSchedules.SingleAsync(s => s.ServiceUserId == id);
        // The due time is the scheduler's to set (its own tests cover it); the running host may already have set it.
        Assert.Equal((new TimeOnly(18, 30), CheckInDays.Monday | CheckInDays.Wednesday, (int?)60),
            (schedule.LocalTime, schedule.Days, schedule.ReminderAfterMinutes));
        var audits = await db.AuditEvents.Where(e => e.ServiceUserId == id).OrderBy(e => e.Id).ToListAsync();
        Assert.Equal(["service-user.created", "schedule.created"], audits.Select(a => a.Action));
        Assert.All(audits, a => Assert.Equal((AuditActorType.ApiKey, world.KeyARow.Id, world.OrgA.Id), (a.ActorType, a.ActorId!.Value, a.OrganisationId!.Value)));
    }

    [Fact]
    public async Task Post_WhenFieldsInvalid_Returns400WithEachFieldNamed()
    {
        await using var world = await ApiWorld.CreateAsync();

        using var response = await world.Client(world.KeyA).PostAsJsonAsync("/api/v1/service-users", new
        {
            serviceUser = new { displayName = "", phone = "020 7946 0555", timeZoneId = "Mars/Olympus", therapistId = world.TherapistB.Id },
            schedule = new { localTime = "23:00" },
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal(
            ["schedule.localTime", "serviceUser.displayName", "serviceUser.phone", "serviceUser.therapistId", "serviceUser.timeZoneId"],
            errors.EnumerateObject().Select(p => p.Name).Order());
        await using var db = world.CreateContext();
        Assert.Equal(2, await db.ServiceUsers.CountAsync());
    }

    [Fact]
    public async Task Post_WhenScheduleTimeUnreadable_Returns400NamingIt()
    {
        await using var world = await ApiWorld.CreateAsync();

        using var response = await world.Client(world.KeyA).PostAsJsonAsync("/api/v1/service-users", new
        {
            serviceUser = new { displayName = "Casey", phone = "+447700900555" },
            schedule = new { localTime = "7", days = new[] { "Funday" } }, // a bare hour: morning or evening is not guessed
        });

        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal(["schedule.days", "schedule.localTime"], errors.EnumerateObject().Select(p => p.Name).Order());
    }

    [Theory]
    [InlineData("POST")]
    [InlineData("PUT")]
    public async Task Save_WhenPhoneIsAnotherOrganisationsServiceUsers_Returns409SayingOnlyThatBuddyCannotUseIt(string method)
    {
        await using var world = await ApiWorld.CreateAsync();
        var person = new { displayName = "Copy", phone = world.Bo.PhoneE164 };

        using var response = method == "POST"
            ? await world.Client(world.KeyA).PostAsJsonAsync("/api/v1/service-users", new { serviceUser = person })
            : await world.Client(world.KeyA).PutAsJsonAsync($"/api/v1/service-users/{world.Jo.Id}", person);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Phone number cannot be used", problem.GetProperty("title").GetString());
        Assert.Equal(Buddy.Gateway.ServiceUsers.ServiceUserCommands.UnavailableMessage + ".", problem.GetProperty("detail").GetString());
        var text = problem.ToString();
        Assert.DoesNotContain("service user", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("already", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("organisation", text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Post_WhenPhoneIsAnotherServiceUserOfTheSameOrganisation_SaysSoPlainly()
    {
        await using var world = await ApiWorld.CreateAsync();

        using var response = await world.Client(world.KeyA).PostAsJsonAsync("/api/v1/service-users", new
        {
            serviceUser = new { displayName = "Copy", phone = world.Jo.PhoneE164 },
        });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("Another service user in your organisation already has this mobile number",
            (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_WhenOwnServiceUser_ReturnsItAndAuditsTheView()
    {
        await using var world = await ApiWorld.CreateAsync();

        var body = await world.Client(world.KeyA).GetFromJsonAsync<JsonElement>($"/api/v1/service-users/{world.Jo.Id}");

        Assert.Equal("Jo Bloggs", body.GetProperty("displayName").GetString());
        await using var db = world.CreateContext();
        var audit = await db.AuditEvents.SingleAsync(e => e.ServiceUserId == world.Jo.Id);
        Assert.Equal(("service-user.viewed", AuditActorType.ApiKey), (audit.Action, audit.ActorType));
        Assert.Equal(ApiWorld.Now.UtcDateTime, (await db.ApiKeys.SingleAsync(k => k.Id == world.KeyARow.Id)).LastUsedAtUtc);
    }

    [Fact]
    public async Task Get_WhenKeySentAsXApiKeyHeader_IsAccepted()
    {
        await using var world = await ApiWorld.CreateAsync();
        using var client = world.Client(null);
        client.DefaultRequestHeaders.Add("X-Api-Key", world.KeyA);

        using var response = await client.GetAsync($"/api/v1/service-users/{world.Jo.Id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Put_WhenPausedUntilADate_SavesClearsNextDueAndAuditsFieldNamesOnly()
    {
        await using var world = await ApiWorld.CreateAsync();

        using var response = await world.Client(world.KeyA).PutAsJsonAsync($"/api/v1/service-users/{world.Jo.Id}", new
        {
            displayName = "Jo Bloggs", phone = "+447700900001", therapistId = world.TherapistA.Id, status = "Paused", pausedUntil = "2026-12-01",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var db = world.CreateContext();
        var jo = await db.ServiceUsers.SingleAsync(s => s.Id == world.Jo.Id);
        Assert.Equal((ServiceUserStatus.Paused, (DateOnly?)new DateOnly(2026, 12, 1)), (jo.Status, jo.PausedUntil));
        var audit = await db.AuditEvents.SingleAsync(e => e.ServiceUserId == world.Jo.Id);
        Assert.Equal(("service-user.paused", "changed status, restart date"), (audit.Action, audit.Detail));
    }

    [Fact]
    public async Task Put_WhenPausedWithoutADate_PausesUntilSetActive_AndTheScheduleAnswersAtOnce()
    {
        await using var world = await ApiWorld.CreateAsync();
        var client = world.Client(world.KeyA);
        object Jo(string status) => new { displayName = "Jo Bloggs", phone = "+447700900001", therapistId = world.TherapistA.Id, status };

        using var paused = await client.PutAsJsonAsync($"/api/v1/service-users/{world.Jo.Id}", Jo("Paused"));

        Assert.Equal(HttpStatusCode.OK, paused.StatusCode);
        var body = await paused.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("Paused", JsonValueKind.Null), (body.GetProperty("status").GetString(), body.GetProperty("pausedUntil").ValueKind));
        var schedule = await client.GetFromJsonAsync<JsonElement>($"/api/v1/service-users/{world.Jo.Id}/schedule");
        Assert.Equal(JsonValueKind.Null, schedule.GetProperty("nextDueAtUtc").ValueKind); // paused: nothing is due, and it says so now

        using var resumed = await client.PutAsJsonAsync($"/api/v1/service-users/{world.Jo.Id}", Jo("Active"));
        Assert.Equal(HttpStatusCode.OK, resumed.StatusCode);
        schedule = await client.GetFromJsonAsync<JsonElement>($"/api/v1/service-users/{world.Jo.Id}/schedule");
        Assert.Equal(JsonValueKind.String, schedule.GetProperty("nextDueAtUtc").ValueKind);
        await using var db = world.CreateContext();
        Assert.Equal(["service-user.paused", "service-user.resumed"],
            await db.AuditEvents.Where(e => e.ServiceUserId == world.Jo.Id && e.Action.StartsWith("service-user.")).OrderBy(e => e.OccurredAtUtc).ThenBy(e => e.Id).Select(e => e.Action).ToListAsync());
    }

    [Fact]
    public async Task Put_WhenConsentSent_IgnoresIt()
    {
        await using var world = await ApiWorld.CreateAsync();

        using var response = await world.Client(world.KeyA).PutAsJsonAsync($"/api/v1/service-users/{world.Jo.Id}", new
        {
            displayName = "Jo Bloggs", phone = "+447700900001", therapistId = world.TherapistA.Id, consent = "OptedOut",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var db = world.CreateContext();
        Assert.Equal(ConsentState.OptedIn, (await db.ServiceUsers.SingleAsync(s => s.Id == world.Jo.Id)).Consent);
    }

    [Fact]
    public async Task Delete_WhenOwnServiceUser_DischargesAndKeepsTheRecord()
    {
        await using var world = await ApiWorld.CreateAsync();

        using var response = await world.Client(world.KeyA).DeleteAsync($"/api/v1/service-users/{world.Jo.Id}");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        await using var db = world.CreateContext();
        var jo = await db.ServiceUsers.SingleAsync(s => s.Id == world.Jo.Id);
        Assert.Equal((ServiceUserStatus.Discharged, (DateTime?)ApiWorld.Now.UtcDateTime), (jo.Status, jo.DischargedAtUtc));
        Assert.Equal(40, await db.DiaryEntries.CountAsync(e => e.ServiceUserId == world.Jo.Id));
    }

    [Fact]
    public async Task PutSchedule_WhenInsideQuietHoursOverride_Returns400()
    {
        await using var world = await ApiWorld.CreateAsync();

        using var response = await world.Client(world.KeyA).PutAsJsonAsync($"/api/v1/service-users/{world.Jo.Id}/schedule", new
        {
            localTime = "20:00", quietHoursStart = "19:30", quietHoursEnd = "07:00",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("localTime", out _));
    }

    [Fact]
    public async Task PutSchedule_WhenValid_ReplacesTheRule_AndAnswersTheRealNextCheckInAtOnce()
    {
        await using var world = await ApiWorld.CreateAsync();
        await using (var setup = world.CreateContext())
        {
            await setup.CheckInSchedules.Where(s => s.ServiceUserId == world.Jo.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.NextDueAtUtc, ApiWorld.Now.UtcDateTime.AddHours(7)));
        }

        var body = await (await world.Client(world.KeyA).PutAsJsonAsync($"/api/v1/service-users/{world.Jo.Id}/schedule", new
        {
            localTime = "17:45", days = new[] { "Saturday", "Sunday" }, twoStep = true,
        })).Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal("17:45", body.GetProperty("localTime").GetString());
        Assert.Equal(["Saturday", "Sunday"], body.GetProperty("days").EnumerateArray().Select(d => d.GetString()));

        // Not null until the dispatcher's next pass: the next Saturday (Wednesday 25 November now), 17:45 in London.
        Assert.Equal(new DateTime(2026, 11, 28, 17, 45, 0, DateTimeKind.Utc), body.GetProperty("nextDueAtUtc").GetDateTime().ToUniversalTime());
        await using var db = world.CreateContext();
        var schedule = await db.CheckInSchedules.SingleAsync(s => s.ServiceUserId == world.Jo.Id);
        Assert.Equal((CheckInDays.Saturday | CheckInDays.Sunday, true), (schedule.Days, schedule.TwoStep));
    }

    [Fact]
    public async Task Entries_WhenDateRangeGiven_ReturnsOnlyThatRangeInOrder()
    {
        await using var world = await ApiWorld.CreateAsync();

        var body = await world.Client(world.KeyA).GetFromJsonAsync<JsonElement>(
            $"/api/v1/service-users/{world.Jo.Id}/entries?from=2026-11-01&to=2026-11-05");

        Assert.Equal(["2026-11-01", "2026-11-02", "2026-11-03", "2026-11-04", "2026-11-05"],
            body.EnumerateArray().Select(e => e.GetProperty("localDate").GetString()));
        await using var db = world.CreateContext();
        Assert.Equal("2026-11-01 to 2026-11-05", (await db.AuditEvents.SingleAsync(e => e.Action == "entries.viewed")).Detail);
    }

    [Fact]
    public async Task Entries_WhenRangeBackwards_Returns400()
    {
        await using var world = await ApiWorld.CreateAsync();

        using var response = await world.Client(world.KeyA).GetAsync($"/api/v1/service-users/{world.Jo.Id}/entries?from=2026-11-05&to=2026-11-01");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Acknowledge_WhenOpenAlert_RecordsWhenAndWhichKey()
    {
        await using var world = await ApiWorld.CreateAsync();

        var body = await (await world.Client(world.KeyA).PostAsJsonAsync($"/api/v1/alerts/{world.JoAlert.Id}/acknowledge", new { note = "Called Jo" }))
            .Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal("Called Jo", body.GetProperty("acknowledgementNote").GetString());
        var open = await world.Client(world.KeyA).GetFromJsonAsync<JsonElement>("/api/v1/alerts");
        Assert.Equal(0, open.GetProperty("total").GetInt32());
        await using var db = world.CreateContext();
        var alert = await db.Alerts.SingleAsync(a => a.Id == world.JoAlert.Id);
        Assert.Equal(ApiWorld.Now.UtcDateTime, alert.AcknowledgedAtUtc);
        var audit = await db.AuditEvents.SingleAsync(e => e.Action == "alert.acknowledged");
        Assert.Equal((AuditActorType.ApiKey, (Guid?)world.KeyARow.Id), (audit.ActorType, audit.ActorId));
    }

    [Fact]
    public async Task Summary_WhenRangeGiven_ReturnsFiguresAndDiaryWithoutRawTexts()
    {
        await using var world = await ApiWorld.CreateAsync();

        using var response = await world.Client(world.KeyA).GetAsync($"/api/v1/service-users/{world.Jo.Id}/summary?from=2026-11-01&to=2026-11-10");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("2026-11-01", "2026-11-10"), (body.GetProperty("from").GetString(), body.GetProperty("to").GetString()));
        Assert.Equal(10, body.GetProperty("diary").GetArrayLength());
        Assert.Equal(10, body.GetProperty("mood").GetArrayLength());
        Assert.Equal(1, body.GetProperty("openAlerts").GetArrayLength());
        Assert.DoesNotContain(world.Jo.PhoneE164!, await response.Content.ReadAsStringAsync());
        await using var db = world.CreateContext();
        Assert.Equal("2026-11-01 to 2026-11-10", (await db.AuditEvents.SingleAsync(e => e.Action == "summary.viewed")).Detail);
    }

    [Fact]
    public async Task Summary_CarriesAgendaNotesChangeNoticesGoalProgressAndQuestionnaireScores()
    {
        await using var world = await ApiWorld.CreateAsync();
        var now = ApiWorld.Now.UtcDateTime;
        var goal = new Goal { OrganisationId = world.OrgA.Id, ServiceUserId = world.Jo.Id, Text = "call a friend", CreatedAtUtc = now.AddDays(-20), UpdatedAtUtc = now.AddDays(-20) };
        var change = new Alert
        {
            OrganisationId = world.OrgA.Id, ServiceUserId = world.Jo.Id, Kind = AlertKind.AppointmentChange, Severity = RiskLevel.None,
            Summary = "Asked to cancel or rearrange the session on Friday", CreatedAtUtc = now.AddHours(-1),
        };
        await using (var db = world.CreateContext())
        {
            db.AddRange(goal, change);
            db.Add(new GoalProgress { OrganisationId = world.OrgA.Id, ServiceUserId = world.Jo.Id, GoalId = goal.Id, LocalDate = new DateOnly(2026, 11, 20), Outcome = GoalOutcome.Done, ReplyText = "done", RecordedAtUtc = now.AddDays(-5) });
            db.Add(new TherapySession { OrganisationId = world.OrgA.Id, ServiceUserId = world.Jo.Id, StartsAtUtc = now.AddDays(2), AgendaNotes = "my sleep", CreatedAtUtc = now });
            db.Add(new QuestionnaireRun
            {
                OrganisationId = world.OrgA.Id, ServiceUserId = world.Jo.Id, Kind = QuestionnaireKind.Gad7, Status = QuestionnaireStatus.Completed,
                StartedAtUtc = now.AddDays(-3), LastPromptAtUtc = now.AddDays(-3), ExpiresAtUtc = now.AddDays(-1), CompletedAtUtc = now.AddDays(-3), TotalScore = 11, Severity = Severity.Moderate,
            });
            await db.SaveChangesAsync();
        }

        using var response = await world.Client(world.KeyA).GetAsync($"/api/v1/service-users/{world.Jo.Id}/summary?from=2026-11-15&to=2026-11-25");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("my sleep", body.GetProperty("agendaNotes").GetString());
        var notice = Assert.Single(body.GetProperty("appointmentChanges").EnumerateArray());
        Assert.Equal(change.Id, notice.GetProperty("alertId").GetGuid());
        Assert.Equal(2, body.GetProperty("openAlerts").GetArrayLength()); // the safeguarding alert and the notice
        var goalJson = Assert.Single(body.GetProperty("goals").EnumerateArray());
        Assert.Equal(("call a friend", 1, 0, 0), (goalJson.GetProperty("text").GetString(), goalJson.GetProperty("done").GetInt32(), goalJson.GetProperty("partial").GetInt32(), goalJson.GetProperty("notDone").GetInt32()));
        var gad7 = Assert.Single(body.GetProperty("questionnaires").GetProperty("trends").EnumerateArray());
        Assert.Equal("Gad7", gad7.GetProperty("kind").GetString());
        var point = Assert.Single(gad7.GetProperty("points").EnumerateArray());
        Assert.Equal((11, "Moderate", false), (point.GetProperty("total").GetInt32(), point.GetProperty("severity").GetString(), point.GetProperty("riskFlagged").GetBoolean()));
    }

    [Fact]
    public async Task OpenApi_WhenRequestedWithoutKey_DescribesEveryRouteAndTheKeySchemes()
    {
        await using var world = await ApiWorld.CreateAsync();

        using var response = await world.Client(null).GetAsync("/openapi/v1.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await response.Content.ReadFromJsonAsync<JsonElement>();
        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/v1/service-users/{id}/schedule", paths);
        Assert.Contains("/api/v1/alerts/{id}/acknowledge", paths);
        Assert.All(paths, p => Assert.StartsWith("/api/v1/", p));
        var schemes = document.GetProperty("components").GetProperty("securitySchemes");
        Assert.Equal("X-Api-Key", schemes.GetProperty("apiKeyHeader").GetProperty("name").GetString());
        Assert.Equal("bearer", schemes.GetProperty("bearer").GetProperty("scheme").GetString());
    }
}
