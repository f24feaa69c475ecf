using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Buddy.Domain.Audit;
using Buddy.Domain.Goals;
using Buddy.Domain.Questionnaires;
using Buddy.Domain.ServiceUsers;
using Buddy.Domain.Sessions;
using Buddy.Domain.Sms;
using Buddy.Gateway.Data;
using Buddy.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Buddy.Tests.Api;

/// <summary>
/// /api/v1 session-cycle routes with organisation A's key: sessions, goals and questionnaires round trips, their
/// validation, audit as the key, and 404 for a session or goal that belongs to someone else. "Now" is Wednesday
/// 25 November 2026, 12:00 UTC; Jo is in Europe/London (UTC in November). Auth denials are in <see cref="ApiAuthTests"/>.
/// </summary>
public sealed class SessionCycleApiTests
{
    [Theory, InlineData(DatabaseProvider.Sqlite), PostgresData]
    public async Task Sessions_RecordListMoveAndMark_AsTheKey(DatabaseProvider provider)
    {
        await using var world = await ApiWorld.CreateAsync(provider);
        await SetZoneAsync(world, "America/New_York");
        var client = world.Client(world.KeyA);
        var sessions = $"/api/v1/service-users/{world.Jo.Id}/sessions";

        using var created = await client.PostAsJsonAsync(sessions, new { date = "2026-11-27", time = "09:30", location = "Riverside Centre" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var session = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = session.GetProperty("id").GetGuid();
        Assert.Equal($"{sessions}/{id}", created.Headers.Location!.OriginalString);
        Assert.Equal(("2026-11-27T14:30:00Z", "2026-11-27", "09:30", "America/New_York", "Scheduled"), (
            session.GetProperty("startsAtUtc").GetDateTime().ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture),
            session.GetProperty("localDate").GetString(), session.GetProperty("localTime").GetString(),
            session.GetProperty("timeZoneId").GetString(), session.GetProperty("status").GetString()));

        using var moved = await client.PutAsJsonAsync($"{sessions}/{id}", new { date = "2026-11-28", time = "11:00", location = "phone" });
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        Assert.Equal("phone", (await moved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("location").GetString());

        using var tooEarly = await client.PutAsJsonAsync($"{sessions}/{id}/status", new { status = "Attended" });
        Assert.Equal(HttpStatusCode.BadRequest, tooEarly.StatusCode);
        Assert.Equal("A session cannot be marked attended or missed before it starts.", (await tooEarly.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());

        using var cancelled = await client.PutAsJsonAsync($"{sessions}/{id}/status", new { status = "Cancelled" });
        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);

        var list = await client.GetFromJsonAsync<JsonElement>(sessions);
        var only = Assert.Single(list.EnumerateArray());
        Assert.Equal(("Cancelled", "2026-11-28", "11:00"), (only.GetProperty("status").GetString(), only.GetProperty("localDate").GetString(), only.GetProperty("localTime").GetString()));

        await using var db = world.CreateContext();
        var audits = await db.AuditEvents.Where(e => e.ServiceUserId == world.Jo.Id).OrderBy(e => e.Id).ToListAsync();
        Assert.Equal(["session.recorded", "session.rescheduled", "session.cancelled", "sessions.viewed"], audits.Select(a => a.Action));
        Assert.All(audits, a => Assert.Equal((AuditActorType.ApiKey, (Guid?)world.KeyARow.Id), (a.ActorType, a.ActorId)));
        Assert.Equal(world.TherapistA.Id, (await db.TherapySessions.SingleAsync(s => s.Id == id)).TherapistId);
    }

    [Fact]
    public async Task Sessions_WhenInvalidOrInThePast_Return400()
    {
        await using var world = await ApiWorld.CreateAsync();
        var client = world.Client(world.KeyA);
        var sessions = $"/api/v1/service-users/{world.Jo.Id}/sessions";

        using var invalid = await client.PostAsJsonAsync(sessions, new { date = "tomorrow", time = "", location = "" });
        using var past = await client.PostAsJsonAsync(sessions, new { date = "2026-11-24", time = "10:00", location = "video" });
        using var badStatus = await client.PutAsJsonAsync($"{sessions}/{Guid.NewGuid()}/status", new { status = "Attended" });

        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var errors = (await invalid.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal(["date", "location", "time"], errors.EnumerateObject().Select(e => e.Name).Order());
        Assert.Equal("Enter the session date as a real date, for example 2026-12-03", errors.GetProperty("date")[0].GetString());
        Assert.Equal(HttpStatusCode.BadRequest, past.StatusCode);
        Assert.Equal("The session must be in the future.", (await past.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.NotFound, badStatus.StatusCode);
        await using var db = world.CreateContext();
        Assert.False(await db.TherapySessions.AnyAsync());
    }

    [Theory, InlineData(DatabaseProvider.Sqlite), PostgresData]
    public async Task Goals_CreateUpdatePauseAndList_WithRecentReplies(DatabaseProvider provider)
    {
        await using var world = await ApiWorld.CreateAsync(provider);
        var client = world.Client(world.KeyA);
        var goals = $"/api/v1/service-users/{world.Jo.Id}/goals";

        using var created = await client.PostAsJsonAsync(goals, new { text = "walk to the shop twice this week", reminderDays = new[] { "wednesday", "Saturday" }, reminderTime = "18:00" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var goal = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = goal.GetProperty("id").GetGuid();
        Assert.Equal(["Wednesday", "Saturday"], goal.GetProperty("reminderDays").EnumerateArray().Select(d => d.GetString()));
        Assert.Equal(new DateTime(2026, 11, 25, 18, 0, 0, DateTimeKind.Utc), goal.GetProperty("nextReminderAtUtc").GetDateTime().ToUniversalTime());

        using var updated = await client.PutAsJsonAsync($"{goals}/{id}", new { text = "walk to the shop every day", reminderDays = Enum.GetNames<DayOfWeek>(), reminderTime = "08:15" });
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        using var paused = await client.PutAsJsonAsync($"{goals}/{id}/status", new { status = "Paused" });
        var pausedBody = await paused.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("Paused", JsonValueKind.Null), (pausedBody.GetProperty("status").GetString(), pausedBody.GetProperty("nextReminderAtUtc").ValueKind));

        await using (var db = world.CreateContext())
        {
            db.GoalProgress.Add(new GoalProgress
            {
                OrganisationId = world.OrgA.Id, ServiceUserId = world.Jo.Id, GoalId = id, LocalDate = new DateOnly(2026, 11, 24), Outcome = GoalOutcome.Partial,
                ReplyText = "half", RecordedAtUtc = ApiWorld.Now.UtcDateTime.AddHours(-20),
            });
            await db.SaveChangesAsync();
        }

        var list = await client.GetFromJsonAsync<JsonElement>(goals);
        var listed = Assert.Single(list.EnumerateArray());
        Assert.Equal(("walk to the shop every day", "08:15", "Paused"), (listed.GetProperty("text").GetString(), listed.GetProperty("reminderTime").GetString(), listed.GetProperty("status").GetString()));
        var reply = Assert.Single(listed.GetProperty("recentProgress").EnumerateArray());
        Assert.Equal(("Partial", "half"), (reply.GetProperty("outcome").GetString(), reply.GetProperty("reply").GetString()));

        await using var check = world.CreateContext();
        Assert.Equal(["goal.created", "goal.updated", "goal.paused", "goals.viewed"],
            await check.AuditEvents.Where(e => e.ServiceUserId == world.Jo.Id).OrderBy(e => e.Id).Select(e => e.Action).ToListAsync());
    }

    [Fact]
    public async Task Goals_WhenInvalid_Return400WithEachFieldNamed()
    {
        await using var world = await ApiWorld.CreateAsync();

        using var response = await world.Client(world.KeyA).PostAsJsonAsync($"/api/v1/service-users/{world.Jo.Id}/goals", new { text = " ", reminderDays = new[] { "Funday" }, reminderTime = "6" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal(["reminderDays", "reminderTime", "text"], errors.EnumerateObject().Select(e => e.Name).Order());
        Assert.Equal("'Funday' is not a day of the week", errors.GetProperty("reminderDays")[0].GetString());
    }

    [Theory, InlineData(DatabaseProvider.Sqlite), PostgresData]
    public async Task Questionnaires_SendNowScheduleStopAndListRunsWithScores(DatabaseProvider provider)
    {
        await using var world = await ApiWorld.CreateAsync(provider);
        var client = world.Client(world.KeyA);
        var basePath = $"/api/v1/service-users/{world.Jo.Id}";
        await using (var db = world.CreateContext())
        {
            db.QuestionnaireRuns.Add(new QuestionnaireRun
            {
                OrganisationId = world.OrgA.Id, ServiceUserId = world.Jo.Id, Kind = QuestionnaireKind.Gad7, Status = QuestionnaireStatus.Completed, Source = QuestionnaireSource.Scheduled,
                StartedAtUtc = ApiWorld.Now.UtcDateTime.AddDays(-14), LastPromptAtUtc = ApiWorld.Now.UtcDateTime.AddDays(-14), ExpiresAtUtc = ApiWorld.Now.UtcDateTime.AddDays(-12),
                CompletedAtUtc = ApiWorld.Now.UtcDateTime.AddDays(-14).AddHours(1), TotalScore = 15, Severity = Severity.Severe, CurrentItem = 7,
            });
            await db.SaveChangesAsync();
        }

        using var sent = await client.PostAsJsonAsync($"{basePath}/questionnaires", new { kind = "PHQ-9" });
        Assert.Equal(HttpStatusCode.Created, sent.StatusCode);
        var run = await sent.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("Phq9", "InProgress", 0, 9), (run.GetProperty("kind").GetString(), run.GetProperty("status").GetString(), run.GetProperty("answered").GetInt32(), run.GetProperty("itemCount").GetInt32()));
        using var again = await client.PostAsJsonAsync($"{basePath}/questionnaires", new { kind = "phq9" });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        using var unknownKind = await client.PostAsJsonAsync($"{basePath}/questionnaires", new { kind = "BDI" });
        Assert.Equal(HttpStatusCode.BadRequest, unknownKind.StatusCode);

        using var scheduled = await client.PutAsJsonAsync($"{basePath}/questionnaire-schedules/gad7", new { everyWeeks = 4, firstDate = "2026-11-30", localTime = "18:30" });
        Assert.Equal(HttpStatusCode.OK, scheduled.StatusCode);
        Assert.Equal(new DateTime(2026, 11, 30, 18, 30, 0, DateTimeKind.Utc), (await scheduled.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("nextDueAtUtc").GetDateTime().ToUniversalTime());
        using var badSchedule = await client.PutAsJsonAsync($"{basePath}/questionnaire-schedules/gad7", new { everyWeeks = 0, firstDate = "2026-11-30", localTime = "18:30" });
        Assert.Equal(HttpStatusCode.BadRequest, badSchedule.StatusCode);
        using var noSuchKind = await client.PutAsJsonAsync($"{basePath}/questionnaire-schedules/bdi", new { everyWeeks = 4, firstDate = "2026-11-30", localTime = "18:30" });
        Assert.Equal(HttpStatusCode.NotFound, noSuchKind.StatusCode);

        var schedules = await client.GetFromJsonAsync<JsonElement>($"{basePath}/questionnaire-schedules");
        Assert.Equal(("Gad7", 4, true), (schedules[0].GetProperty("kind").GetString(), schedules[0].GetProperty("everyWeeks").GetInt32(), schedules[0].GetProperty("isEnabled").GetBoolean()));
        using var stopped = await client.DeleteAsync($"{basePath}/questionnaire-schedules/Gad7");
        Assert.Equal(HttpStatusCode.NoContent, stopped.StatusCode);
        using var stopMissing = await client.DeleteAsync($"{basePath}/questionnaire-schedules/Phq9");
        Assert.Equal(HttpStatusCode.NotFound, stopMissing.StatusCode);

        var runs = (await client.GetFromJsonAsync<JsonElement>($"{basePath}/questionnaires")).EnumerateArray().ToList();
        Assert.Equal(["Phq9", "Gad7"], runs.Select(r => r.GetProperty("kind").GetString()));
        Assert.Equal((15, 21, "Severe", "Severe"), (runs[1].GetProperty("totalScore").GetInt32(), runs[1].GetProperty("maxScore").GetInt32(),
            runs[1].GetProperty("severity").GetString(), runs[1].GetProperty("severityLabel").GetString()));

        await using var check = world.CreateContext();
        Assert.Contains("PHQ-9 question 1 of 9", (await check.OutboundMessages.SingleAsync(m => m.ServiceUserId == world.Jo.Id && m.Kind == OutboundKind.Questionnaire)).Body, StringComparison.Ordinal);
        Assert.False((await check.QuestionnaireSchedules.SingleAsync()).IsEnabled);
        Assert.Equal(AuditActorType.ApiKey, (await check.AuditEvents.SingleAsync(e => e.Action == "questionnaire.sent")).ActorType);
    }

    [Theory, InlineData(DatabaseProvider.Sqlite), PostgresData]
    public async Task Questionnaires_Withdraw_StopsItsWaitingTexts_AndRefusesOneNotInProgress(DatabaseProvider provider)
    {
        await using var world = await ApiWorld.CreateAsync(provider);
        var client = world.Client(world.KeyA);
        var questionnaires = $"/api/v1/service-users/{world.Jo.Id}/questionnaires";
        var now = ApiWorld.Now.UtcDateTime;
        var completed = Run(world, QuestionnaireStatus.Completed, now.AddDays(-14), now.AddDays(-12));
        var expired = Run(world, QuestionnaireStatus.InProgress, now.AddDays(-3), now.AddDays(-1));
        expired.Kind = QuestionnaireKind.Gad7; // left in progress past its expiry: the sweep has not closed it yet
        await using (var db = world.CreateContext())
        {
            db.AddRange(completed, expired);

            // Jo's quiet hours hold the PHQ-9's opening text back until 14:00, so it is still waiting when withdrawn.
            await db.CheckInSchedules.Where(s => s.ServiceUserId == world.Jo.Id)
                .ExecuteUpdateAsync(u => u.SetProperty(s => s.QuietHoursStart, new TimeOnly(11, 0)).SetProperty(s => s.QuietHoursEnd, new TimeOnly(14, 0)));
            await db.SaveChangesAsync();
        }

        using var sent = await client.PostAsJsonAsync(questionnaires, new { kind = "Phq9" });
        var id = (await sent.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        // Jo's name is corrected meanwhile: the waiting text is still found (by its key, not its words).
        await using (var db = world.CreateContext())
        {
            await db.ServiceUsers.Where(s => s.Id == world.Jo.Id).ExecuteUpdateAsync(u => u.SetProperty(s => s.DisplayName, "Joanne Bloggs").SetProperty(s => s.FirstName, "Joanne"));
        }

        using var withdrawn = await client.PostAsync($"{questionnaires}/{id}/withdraw", null);
        using var again = await client.PostAsync($"{questionnaires}/{id}/withdraw", null);
        using var finished = await client.PostAsync($"{questionnaires}/{completed.Id}/withdraw", null);
        using var late = await client.PostAsync($"{questionnaires}/{expired.Id}/withdraw", null);
        using var unknown = await client.PostAsync($"{questionnaires}/{Guid.NewGuid()}/withdraw", null);

        Assert.Equal(HttpStatusCode.OK, withdrawn.StatusCode);
        var body = await withdrawn.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((id, "Cancelled", 0), (body.GetProperty("id").GetGuid(), body.GetProperty("status").GetString(), body.GetProperty("answered").GetInt32()));
        Assert.Equal(
            [(HttpStatusCode.Conflict, "That questionnaire was already stopped (withdrawn through the API)."),
             (HttpStatusCode.Conflict, "That questionnaire is already completed: a completed questionnaire cannot be withdrawn."),
             (HttpStatusCode.Conflict, "That questionnaire has already expired.")],
            await Task.WhenAll(new[] { again, finished, late }.Select(async r => (r.StatusCode, (await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString()))));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);

        await using var check = world.CreateContext();
        var run = await check.QuestionnaireRuns.SingleAsync(r => r.Id == id);
        Assert.Equal((QuestionnaireStatus.Cancelled, (DateTime?)now, "withdrawn through the API"), (run.Status, run.ClosedAtUtc, run.CloseReason));
        var opening = await check.OutboundMessages.SingleAsync(m => m.ServiceUserId == world.Jo.Id && m.Kind == OutboundKind.Questionnaire);
        Assert.Equal((OutboundStatus.Cancelled, "withdrawn", new DateTime(2026, 11, 25, 14, 0, 0, DateTimeKind.Utc)), (opening.Status, opening.ErrorCode, opening.NotBeforeUtc));
        // The refused withdrawals changed nothing. The late run may meanwhile have been closed as Expired by the
        // session-cycle job, which runs on the test clock from start-up; it is never Cancelled.
        var untouched = await check.QuestionnaireRuns.Where(r => r.Id == completed.Id || r.Id == expired.Id).OrderBy(r => r.StartedAtUtc).Select(r => r.Status).ToListAsync();
        Assert.Equal(QuestionnaireStatus.Completed, untouched[0]);
        Assert.Contains(untouched[1], new[] { QuestionnaireStatus.InProgress, QuestionnaireStatus.Expired });
        var audit = await check.AuditEvents.SingleAsync(e => e.Action == "questionnaire.withdrawn");
        Assert.Equal((AuditActorType.ApiKey, (Guid?)world.KeyARow.Id, world.Jo.Id), (audit.ActorType, audit.ActorId, audit.ServiceUserId));
    }

    [Fact]
    public async Task SubRecords_OfAnotherServiceUserInTheSameOrganisation_AreNotFoundThroughThisOne()
    {
        await using var world = await ApiWorld.CreateAsync();
        var now = ApiWorld.Now.UtcDateTime;
        var other = new ServiceUser { OrganisationId = world.OrgA.Id, DisplayName = "Ali Other", PhoneE164 = "+447700900044", CreatedAtUtc = now, UpdatedAtUtc = now };
        var session = new TherapySession { OrganisationId = world.OrgA.Id, ServiceUserId = other.Id, StartsAtUtc = now.AddDays(2), Location = "video", CreatedAtUtc = now };
        var goal = new Goal { OrganisationId = world.OrgA.Id, ServiceUserId = other.Id, Text = "their goal", CreatedAtUtc = now, UpdatedAtUtc = now };
        var run = Run(world, QuestionnaireStatus.InProgress, now, now.AddDays(2));
        run.ServiceUserId = other.Id;
        await using (var db = world.CreateContext())
        {
            db.AddRange(other, session, goal, run);
            await db.SaveChangesAsync();
        }

        var client = world.Client(world.KeyA);
        var jo = $"/api/v1/service-users/{world.Jo.Id}";
        using var move = await client.PutAsJsonAsync($"{jo}/sessions/{session.Id}", new { date = "2026-12-01", time = "10:00", location = "video" });
        using var mark = await client.PutAsJsonAsync($"{jo}/sessions/{session.Id}/status", new { status = "Cancelled" });
        using var edit = await client.PutAsJsonAsync($"{jo}/goals/{goal.Id}", new { text = "changed", reminderTime = "18:00" });
        using var pause = await client.PutAsJsonAsync($"{jo}/goals/{goal.Id}/status", new { status = "Paused" });
        using var withdraw = await client.PostAsync($"{jo}/questionnaires/{run.Id}/withdraw", null);

        Assert.All(new[] { move, mark, edit, pause, withdraw }, r => Assert.Equal(HttpStatusCode.NotFound, r.StatusCode));
        await using var check = world.CreateContext();
        Assert.Equal(SessionStatus.Scheduled, (await check.TherapySessions.SingleAsync(s => s.Id == session.Id)).Status);
        Assert.Equal(("their goal", GoalStatus.Active), await check.Goals.Where(g => g.Id == goal.Id).Select(g => ValueTuple.Create(g.Text, g.Status)).SingleAsync());
        Assert.Equal(QuestionnaireStatus.InProgress, (await check.QuestionnaireRuns.SingleAsync(r => r.Id == run.Id)).Status);
    }

    [Fact]
    public async Task OpenApi_DescribesTheSessionCycleRoutes()
    {
        await using var world = await ApiWorld.CreateAsync();

        var document = await world.Client(null).GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        var paths = document.GetProperty("paths");
        foreach (var path in new[]
        {
            "/api/v1/service-users/{id}/sessions", "/api/v1/service-users/{id}/sessions/{sessionId}", "/api/v1/service-users/{id}/sessions/{sessionId}/status",
            "/api/v1/service-users/{id}/goals", "/api/v1/service-users/{id}/goals/{goalId}", "/api/v1/service-users/{id}/goals/{goalId}/status",
            "/api/v1/service-users/{id}/questionnaires", "/api/v1/service-users/{id}/questionnaires/{runId}/withdraw", "/api/v1/service-users/{id}/questionnaire-schedules", "/api/v1/service-users/{id}/questionnaire-schedules/{kind}",
        })
        {
            Assert.True(paths.TryGetProperty(path, out _), $"{path} is missing from the OpenAPI document: {string.Join(", ", paths.EnumerateObject().Select(p => p.Name))}");
        }

        Assert.Equal("RecordSession", paths.GetProperty("/api/v1/service-users/{id}/sessions").GetProperty("post").GetProperty("operationId").GetString());
        Assert.Equal("WithdrawQuestionnaire", paths.GetProperty("/api/v1/service-users/{id}/questionnaires/{runId}/withdraw").GetProperty("post").GetProperty("operationId").GetString());
        Assert.True(document.GetProperty("components").GetProperty("schemas").TryGetProperty("SessionRequest", out _));
    }

    /// <summary>A PHQ-9 sent to Jo (not saved): completed with a score, or in progress until <paramref name="expiresAtUtc"/>.</summary>
    private static QuestionnaireRun Run(ApiWorld world, QuestionnaireStatus status, DateTime startedAtUtc, DateTime expiresAtUtc) => new()
    {
        OrganisationId = world.OrgA.Id, ServiceUserId = world.Jo.Id, Kind = QuestionnaireKind.Phq9, Status = status, Source = QuestionnaireSource.OnDemand,
        StartedAtUtc = startedAtUtc, LastPromptAtUtc = startedAtUtc, ExpiresAtUtc = expiresAtUtc,
        CompletedAtUtc = status == QuestionnaireStatus.Completed ? startedAtUtc.AddHours(1) : null,
        TotalScore = status == QuestionnaireStatus.Completed ? 6 : null, Severity = status == QuestionnaireStatus.Completed ? Severity.Mild : null,
    };

    private static async Task SetZoneAsync(ApiWorld world, string zone)
    {
        await using var db = world.CreateContext();
        await db.ServiceUsers.Where(s => s.Id == world.Jo.Id).ExecuteUpdateAsync(u => u.SetProperty(s => s.TimeZoneId, zone));
    }
}
