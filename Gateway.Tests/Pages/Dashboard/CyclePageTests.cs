using System.Net;
using AngleSharp.Html.Dom;
using Buddy.Domain.Audit;
using Buddy.Domain.Goals;
using Buddy.Domain.Questionnaires;
using Buddy.Domain.Safeguarding;
using Buddy.Domain.Schedules;
using Buddy.Domain.Sessions;
using Buddy.Domain.Sms;
using Buddy.Gateway.Data;
using Buddy.Tests.Dashboard;
using Buddy.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Buddy.Tests.Pages.Dashboard;

/// <summary>
/// The session-cycle page, through real forms (antiforgery included) on a real database: sessions, change
/// requests, goals, questionnaires and the check-in style; validation with the NHS.UK error summary; audit events;
/// and the caseload rules on every handler. Jo (therapist A1's client) has an attended session two weeks ago and
/// the next one tomorrow at 12:00 UTC; "now" is Thursday 19 November 2026, 12:00 UTC.
/// </summary>
public sealed class CyclePageTests
{
    private static readonly DateTime s_now = DashboardWorld.Now.UtcDateTime;

    [Theory, InlineData(DatabaseProvider.Sqlite), PostgresData]
    public async Task Get_WhenOwnClient_ShowsTheCycleInTheirLocalTime_AndAuditsTheView(DatabaseProvider provider)
    {
        await using var world = await DashboardWorld.CreateAsync(provider, sessionCycle: false);
        var jo = await SetUpJoAsync(world, zone: "America/New_York", agenda: "my sleep and college");
        var client = await world.SignedInAsync(world.TherapistA1);

        var page = await client.GetDocumentAsync(Url(world.Jo.Id));

        // Tomorrow 12:00 UTC is 07:00 in New York.
        Assert.Contains("Next session: Fri 20 Nov 2026, 07:00, at Riverside Centre", page.QuerySelector("#next-session")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("my sleep and college", page.QuerySelector("#agenda-notes")!.TextContent.Trim());
        Assert.Contains("They wrote: can't make it tomorrow, sorry", Text(page, "#notice-list"), StringComparison.Ordinal);
        Assert.Contains("\u201cwalk to the shop twice this week\u201d", Text(page, "#goal-list"), StringComparison.Ordinal);
        Assert.Contains("Done", Text(page, "#goal-list"), StringComparison.Ordinal);
        Assert.Contains("yes did it", Text(page, "#goal-list"), StringComparison.Ordinal);
        Assert.Contains("12 of 27: Moderate", Text(page, "#run-list"), StringComparison.Ordinal);
        Assert.Contains("Expired", Text(page, "#run-list"), StringComparison.Ordinal);
        Assert.Contains("3 of 7 answered", Text(page, "#run-list"), StringComparison.Ordinal);
        Assert.True(((IHtmlInputElement)page.QuerySelector("#style-one")!).IsChecked);
        Assert.NotNull(page.QuerySelector($"#session-{jo.Next.Id}"));

        await using var db = world.CreateContext();
        var audit = await db.AuditEvents.SingleAsync(e => e.Action == "cycle.viewed");
        Assert.Equal((world.Jo.Id, AuditActorType.Staff, (Guid?)world.TherapistA1.Id), (audit.ServiceUserId!.Value, audit.ActorType, audit.ActorId));
    }

    [Fact]
    public async Task Caseload_LinksToTheCyclePage()
    {
        await using var world = await DashboardWorld.CreateAsync(sessionCycle: false);
        var client = await world.SignedInAsync(world.TherapistA1);

        var caseload = await client.GetDocumentAsync("/Dashboard");

        Assert.Equal(Url(world.Jo.Id), caseload.QuerySelector("#caseload .buddy-cycle-link")!.GetAttribute("href"));
    }

    [Theory, InlineData(DatabaseProvider.Sqlite), PostgresData]
    public async Task RecordSession_WhenValid_StoresTheLocalTimeAsUtc_AuditsIt_AndRedirects(DatabaseProvider provider)
    {
        await using var world = await DashboardWorld.CreateAsync(provider, sessionCycle: false);
        await SetZoneAsync(world, "America/New_York");
        var client = await world.SignedInAsync(world.TherapistA1);
        var page = await client.GetDocumentAsync(Url(world.Jo.Id));

        using var response = await client.SubmitAsync(Form(page, "#session-form"), new Dictionary<string, string>
        {
            ["Session.Time"] = "10:00",
            ["Session.Mode"] = "video",
        }.WithDate("Session.Date", new DateOnly(2026, 11, 26)));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"{Url(world.Jo.Id)}#sessions", response.Headers.Location!.OriginalString);
        await using var db = world.CreateContext();
        var session = await db.TherapySessions.SingleAsync(s => s.ServiceUserId == world.Jo.Id && s.StartsAtUtc > s_now.AddDays(2));
        Assert.Equal((new DateTime(2026, 11, 26, 15, 0, 0, DateTimeKind.Utc), "video", SessionStatus.Scheduled, (Guid?)world.TherapistA1.Id),
            (session.StartsAtUtc, session.Location, session.Status, session.TherapistId));
        var audit = await db.AuditEvents.SingleAsync(e => e.Action == "session.recorded");
        Assert.Equal((AuditActorType.Staff, (Guid?)world.TherapistA1.Id, (Guid?)world.Jo.Id), (audit.ActorType, audit.ActorId, audit.ServiceUserId));
        var after = await client.GetDocumentAsync(Url(world.Jo.Id));
        Assert.Contains("Session recorded for Thu 26 Nov 2026, 10:00, by video", Text(after, "[role=status]"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RecordSession_WhenFieldsAreMissingOrWrong_ShowsTheErrorSummary_AndSavesNothing()
    {
        await using var world = await DashboardWorld.CreateAsync(sessionCycle: false);
        var client = await world.SignedInAsync(world.TherapistA1);
        var page = await client.GetDocumentAsync(Url(world.Jo.Id));

        using var response = await client.SubmitAsync(Form(page, "#session-form"), new Dictionary<string, string>
        {
            ["Session.Time"] = "25:99",
            ["Session.Mode"] = "place",
            ["Session.Place"] = "   ",
        }.WithDate("Session.Date", "", "", ""));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var form = await HtmlForms.ParseAsync(response);
        var links = form.QuerySelectorAll(".nhsuk-error-summary a").Select(a => (a.GetAttribute("href"), a.TextContent.Trim())).ToList();
        Assert.Equal(
            [
                ("#Session_Date", "Enter the session date"),
                ("#Session_Time", "Enter the start time as a 24-hour time, for example 14:30"),
                ("#Session_Place", "Say where the session is: a place, or video or phone"),
            ],
            links);
        Assert.All(links, l => Assert.NotNull(form.QuerySelector(l.Item1!)));
        Assert.Equal("25:99", ((IHtmlInputElement)form.QuerySelector("#Session_Time")!).Value);
        await using var db = world.CreateContext();
        Assert.Equal(2, await db.TherapySessions.CountAsync(s => s.ServiceUserId == world.Jo.Id));
        Assert.False(await db.AuditEvents.AnyAsync(e => e.Action.StartsWith("session.")));
    }

    [Fact]
    public async Task RecordSession_InThePast_ShowsTheRefusalOnTheDateField()
    {
        await using var world = await DashboardWorld.CreateAsync(sessionCycle: false);
        var client = await world.SignedInAsync(world.TherapistA1);
        var page = await client.GetDocumentAsync(Url(world.Jo.Id));

        using var response = await client.SubmitAsync(Form(page, "#session-form"), new Dictionary<string, string>
        {
            ["Session.Time"] = "09:00", ["Session.Mode"] = "phone",
        }.WithDate("Session.Date", new DateOnly(2026, 11, 18)));

        var form = await HtmlForms.ParseAsync(response);
        Assert.Equal("The session must be in the future", form.QuerySelector(".nhsuk-error-summary a[href='#Session_Date']")!.TextContent.Trim());
        await using var db = world.CreateContext();
        Assert.Equal(2, await db.TherapySessions.CountAsync(s => s.ServiceUserId == world.Jo.Id));
    }

    [Fact]
    public async Task ChangeSession_PrefillsTheForm_AndMovesTheSession()
    {
        await using var world = await DashboardWorld.CreateAsync(sessionCycle: false);
        var next = await NextSessionAsync(world);
        var client = await world.SignedInAsync(world.TherapistA1);

        var page = await client.GetDocumentAsync($"{Url(world.Jo.Id)}?editSession={next.Id}");
        Assert.Equal(("20", "11", "2026", "12:00"), (Value(page, "#Session_Date"), Value(page, "#Session_Date_Month"), Value(page, "#Session_Date_Year"), Value(page, "#Session_Time")));
        using var response = await client.SubmitAsync(Form(page, "#session-form"), new Dictionary<string, string> { ["Session.Time"] = "16:30", ["Session.Place"] = "Riverside Centre" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var db = world.CreateContext();
        var moved = await db.TherapySessions.SingleAsync(s => s.Id == next.Id);
        Assert.Equal(new DateTime(2026, 11, 20, 16, 30, 0, DateTimeKind.Utc), moved.StartsAtUtc);
        Assert.True(await db.AuditEvents.AnyAsync(e => e.Action == "session.rescheduled" && e.EntityId == next.Id.ToString()));
    }

    [Fact]
    public async Task MarkSession_PastOnesAttendedOrMissed_FutureOnesCancelled()
    {
        await using var world = await DashboardWorld.CreateAsync(sessionCycle: false);
        var next = await NextSessionAsync(world);
        var past = new TherapySession { OrganisationId = world.OrgA.Id, ServiceUserId = world.Jo.Id, StartsAtUtc = s_now.AddDays(-2), Location = "phone", CreatedAtUtc = s_now.AddDays(-9) };
        var later = new TherapySession { OrganisationId = world.OrgA.Id, ServiceUserId = world.Jo.Id, StartsAtUtc = s_now.AddDays(8), Location = "video", CreatedAtUtc = s_now };
        await using (var db = world.CreateContext())
        {
            db.AddRange(past, later);
            await db.SaveChangesAsync();
        }

        var client = await world.SignedInAsync(world.TherapistA1);
        var page = await client.GetDocumentAsync(Url(world.Jo.Id));
        Assert.Null(page.QuerySelector($"#session-{next.Id} form[data-mark=Attended]"));
        Assert.Contains("To mark", Text(page, $"#session-{past.Id}"), StringComparison.Ordinal);
        using (var missed = await client.SubmitAsync(Form(page, $"#session-{past.Id} form[data-mark=Missed]")))
        {
            Assert.Equal(HttpStatusCode.Redirect, missed.StatusCode);
        }

        page = await client.GetDocumentAsync(Url(world.Jo.Id));
        using (var cancelled = await client.SubmitAsync(Form(page, $"#session-{next.Id} form[data-mark=Cancelled]")))
        {
            Assert.Equal(HttpStatusCode.Redirect, cancelled.StatusCode);
        }

        // A forged "attended" for a session that has not started is refused with a clear error.
        page = await client.GetDocumentAsync(Url(world.Jo.Id));
        using (var refused = await client.SubmitAsync(Form(page, $"#session-{later.Id} form[data-mark=Cancelled]"), new Dictionary<string, string> { ["status"] = "Attended" }))
        {
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            var errorPage = await HtmlForms.ParseAsync(refused);
            Assert.Equal("A session cannot be marked attended or missed before it starts", errorPage.QuerySelector(".nhsuk-error-summary a[href='#sessions']")!.TextContent.Trim());
        }

        await using var check = world.CreateContext();
        Assert.Equal(SessionStatus.Missed, (await check.TherapySessions.SingleAsync(s => s.Id == past.Id)).Status);
        Assert.Equal(SessionStatus.Cancelled, (await check.TherapySessions.SingleAsync(s => s.Id == next.Id)).Status);
        Assert.Equal(SessionStatus.Scheduled, (await check.TherapySessions.SingleAsync(s => s.Id == later.Id)).Status);
        Assert.Equal(2, await check.AuditEvents.CountAsync(e => e.Action == "session.missed" || e.Action == "session.cancelled"));
    }

    [Fact]
    public async Task AcknowledgeNotice_RecordsWhoAndWhen()
    {
        await using var world = await DashboardWorld.CreateAsync(sessionCycle: false);
        var notice = (await SetUpJoAsync(world)).Notice;
        var client = await world.SignedInAsync(world.TherapistA1);
        var page = await client.GetDocumentAsync(Url(world.Jo.Id));

        using var response = await client.SubmitAsync(Form(page, $"#notice-{notice.Id} form"), new Dictionary<string, string> { ["note"] = "Rang Jo, moved to Monday" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var db = world.CreateContext();
        var stored = await db.Alerts.SingleAsync(a => a.Id == notice.Id);
        Assert.Equal(((Guid?)world.TherapistA1.Id, (DateTime?)s_now, "Rang Jo, moved to Monday"), (stored.AcknowledgedByStaffId, stored.AcknowledgedAtUtc, stored.AcknowledgementNote));
        var after = await client.GetDocumentAsync(Url(world.Jo.Id));
        Assert.Contains("Acknowledged by Alex Therapist on Thu 19 Nov 2026, 12:00: Rang Jo, moved to Monday", Text(after, $"#notice-{notice.Id}"), StringComparison.Ordinal);
    }

    [Theory, InlineData(DatabaseProvider.Sqlite), PostgresData]
    public async Task Goals_AddPauseResumeComplete_InTheirOwnWords(DatabaseProvider provider)
    {
        await using var world = await DashboardWorld.CreateAsync(provider, sessionCycle: false);
        var client = await world.SignedInAsync(world.TherapistA1);
        var page = await client.GetDocumentAsync(Url(world.Jo.Id));
        var form = Form(page, "#goal-form");
        foreach (var box in form.QuerySelectorAll("input[name='Goal.Days']").OfType<IHtmlInputElement>())
        {
            box.IsChecked = box.Value is "Monday" or "Thursday";
        }

        using (var added = await client.SubmitAsync(form, new Dictionary<string, string> { ["Goal.Text"] = "  walk to the   shop ", ["Goal.Time"] = "17:30" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        }

        await using var db = world.CreateContext();
        var goal = await db.Goals.AsNoTracking().SingleAsync(g => g.ServiceUserId == world.Jo.Id);
        Assert.Equal(("walk to the shop", CheckInDays.Monday | CheckInDays.Thursday, new TimeOnly(17, 30), GoalStatus.Active, (Guid?)world.TherapistA1.Id),
            (goal.Text, goal.ReminderDays, goal.ReminderLocalTime, goal.Status, goal.SetByStaffId));
        Assert.Equal(new DateTime(2026, 11, 19, 17, 30, 0, DateTimeKind.Utc), goal.NextDueAtUtc); // today is a Thursday

        await PostGoalStatusAsync(client, world, goal.Id, "Paused");
        Assert.Equal((GoalStatus.Paused, (DateTime?)null), await StatusOf(db, goal.Id));
        Assert.Equal("Paused", (await client.GetDocumentAsync(Url(world.Jo.Id))).QuerySelector($"#goal-{goal.Id} .nhsuk-tag")!.TextContent.Trim());
        await PostGoalStatusAsync(client, world, goal.Id, "Active");
        Assert.Equal((GoalStatus.Active, (DateTime?)new DateTime(2026, 11, 19, 17, 30, 0, DateTimeKind.Utc)), await StatusOf(db, goal.Id));
        await PostGoalStatusAsync(client, world, goal.Id, "Achieved");
        Assert.Equal((GoalStatus.Achieved, (DateTime?)null), await StatusOf(db, goal.Id));
        Assert.Equal(["goal.created", "goal.paused", "goal.active", "goal.achieved"],
            await db.AuditEvents.Where(e => e.EntityId == goal.Id.ToString()).OrderBy(e => e.OccurredAtUtc).ThenBy(e => e.Id).Select(e => e.Action).ToListAsync());
    }

    [Fact]
    public async Task EditGoal_ChangesItsWordsAndTime_AndInvalidTextIsRefused()
    {
        await using var world = await DashboardWorld.CreateAsync(sessionCycle: false);
        var goal = (await SetUpJoAsync(world)).Goal;
        var client = await world.SignedInAsync(world.TherapistA1);

        var page = await client.GetDocumentAsync($"{Url(world.Jo.Id)}?editGoal={goal.Id}");
        Assert.Equal("walk to the shop twice this week", ((IHtmlInputElement)page.QuerySelector("#Goal_Text")!).Value);
        using (var tooLong = await client.SubmitAsync(Form(page, "#goal-form"), new Dictionary<string, string> { ["Goal.Text"] = new('x', 101), ["Goal.Time"] = "7" }))
        {
            var errors = await HtmlForms.ParseAsync(tooLong);
            Assert.Equal(
                ["Keep the goal to 100 characters so it fits in one text (it is 101)", "Enter the reminder time as a 24-hour time, for example 14:30"],
                errors.QuerySelectorAll(".nhsuk-error-summary a").Select(a => a.TextContent.Trim()));
        }

        // "7pm" says which half of the day it means, so it is read; a bare "7" (above) is not guessed.
        using var saved = await client.SubmitAsync(Form(page, "#goal-form"), new Dictionary<string, string> { ["Goal.Text"] = "walk to the shop every day", ["Goal.Time"] = "7pm" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        await using var db = world.CreateContext();
        var stored = await db.Goals.SingleAsync(g => g.Id == goal.Id);
        Assert.Equal(("walk to the shop every day", new TimeOnly(19, 0)), (stored.Text, stored.ReminderLocalTime));
    }

    [Theory, InlineData(DatabaseProvider.Sqlite), PostgresData]
    public async Task SendQuestionnaireNow_QueuesItemOne_AndASecondIsRefusedWhileInProgress(DatabaseProvider provider)
    {
        await using var world = await DashboardWorld.CreateAsync(provider, sessionCycle: false);
        var client = await world.SignedInAsync(world.TherapistA1);
        var page = await client.GetDocumentAsync(Url(world.Jo.Id));

        using (var sent = await client.SubmitAsync(Form(page, "form[data-send=Phq9]")))
        {
            Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        }

        await using var db = world.CreateContext();
        var run = await db.QuestionnaireRuns.SingleAsync(r => r.ServiceUserId == world.Jo.Id);
        Assert.Equal((QuestionnaireKind.Phq9, QuestionnaireSource.OnDemand, (Guid?)world.TherapistA1.Id), (run.Kind, run.Source, run.RequestedByStaffId));
        var text = await db.OutboundMessages.SingleAsync(m => m.ServiceUserId == world.Jo.Id && m.Kind == OutboundKind.Questionnaire);
        Assert.Contains("PHQ-9 question 1 of 9", text.Body, StringComparison.Ordinal);
        var after = await client.GetDocumentAsync(Url(world.Jo.Id));
        Assert.Contains("0 of 9 answered", Text(after, $"#run-{run.Id}"), StringComparison.Ordinal);

        using var again = await client.SubmitAsync(Form(after, "form[data-send=Phq9]"));
        var errors = await HtmlForms.ParseAsync(again);
        Assert.Equal("Jo Bloggs already has a PHQ-9 in progress", errors.QuerySelector(".nhsuk-error-summary a[href='#send-questionnaire']")!.TextContent.Trim());
        Assert.Equal(1, await db.QuestionnaireRuns.CountAsync());

        using var withdrawn = await client.SubmitAsync(Form(after, $"#run-{run.Id} form"));
        Assert.Equal(HttpStatusCode.Redirect, withdrawn.StatusCode);
        Assert.Equal(QuestionnaireStatus.Cancelled, (await db.QuestionnaireRuns.AsNoTracking().SingleAsync(r => r.Id == run.Id)).Status);
    }

    [Fact]
    public async Task ScheduleQuestionnaire_EveryNWeeks_ThenStop_WithValidation()
    {
        await using var world = await DashboardWorld.CreateAsync(sessionCycle: false);
        var client = await world.SignedInAsync(world.TherapistA1);
        var page = await client.GetDocumentAsync(Url(world.Jo.Id));

        using (var invalid = await client.SubmitAsync(Form(page, "#questionnaire-form"), new Dictionary<string, string>
        {
            ["Questionnaire.Kind"] = "Gad7", ["Questionnaire.EveryWeeks"] = "30", ["Questionnaire.Time"] = "18:00",
        }.WithDate("Questionnaire.FirstDate", "31", "2", "2027")))
        {
            var errors = await HtmlForms.ParseAsync(invalid);
            Assert.Equal(
                [("#Questionnaire_EveryWeeks", "Enter a whole number of weeks from 1 to 26"), ("#Questionnaire_FirstDate", "The date of the first one must be a real date")],
                errors.QuerySelectorAll(".nhsuk-error-summary a").Select(a => (a.GetAttribute("href"), a.TextContent.Trim())));
        }

        using (var saved = await client.SubmitAsync(Form(page, "#questionnaire-form"), new Dictionary<string, string>
        {
            ["Questionnaire.Kind"] = "Gad7", ["Questionnaire.EveryWeeks"] = "4", ["Questionnaire.Time"] = "18:30",
        }.WithDate("Questionnaire.FirstDate", new DateOnly(2026, 11, 23))))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        await using var db = world.CreateContext();
        var schedule = await db.QuestionnaireSchedules.AsNoTracking().SingleAsync(s => s.ServiceUserId == world.Jo.Id);
        Assert.Equal((QuestionnaireKind.Gad7, 4, new DateTime(2026, 11, 23, 18, 30, 0, DateTimeKind.Utc), true), (schedule.Kind, schedule.EveryWeeks, schedule.NextDueAtUtc, schedule.IsEnabled));
        var listed = await client.GetDocumentAsync(Url(world.Jo.Id));
        Assert.Contains("GAD-7 every 4 weeks at 18:30; next Mon 23 Nov 2026, 18:30", Text(listed, "#schedule-list"), StringComparison.Ordinal);

        using var stopped = await client.SubmitAsync(Form(listed, $"#schedule-{schedule.Id} form"));
        Assert.Equal(HttpStatusCode.Redirect, stopped.StatusCode);
        Assert.False((await db.QuestionnaireSchedules.AsNoTracking().SingleAsync(s => s.Id == schedule.Id)).IsEnabled);
        Assert.Equal(["questionnaire.scheduled", "questionnaire.unscheduled"], await db.AuditEvents.Where(e => e.Action.StartsWith("questionnaire.")).OrderBy(e => e.Action).Select(e => e.Action).ToListAsync());
    }

    [Fact]
    public async Task CheckInStyle_TogglesTwoStep_OnlyWhenThereIsASchedule()
    {
        await using var world = await DashboardWorld.CreateAsync(sessionCycle: false);
        var client = await world.SignedInAsync(world.TherapistA1);
        var page = await client.GetDocumentAsync(Url(world.Jo.Id));
        Assert.Contains("has no check-in schedule yet", Text(page, "#check-in-style"), StringComparison.Ordinal);

        await using var db = world.CreateContext();
        db.CheckInSchedules.Add(new CheckInSchedule { OrganisationId = world.OrgA.Id, ServiceUserId = world.Jo.Id, LocalTime = new(19, 0), UpdatedAtUtc = s_now });
        await db.SaveChangesAsync();
        page = await client.GetDocumentAsync(Url(world.Jo.Id));
        using var response = await client.SubmitAsync(page.FormWithButton("Save check-in style"), new Dictionary<string, string> { ["style"] = "two" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.True((await db.CheckInSchedules.AsNoTracking().SingleAsync(s => s.ServiceUserId == world.Jo.Id)).TwoStep);
        Assert.Equal("two steps", (await db.AuditEvents.SingleAsync(e => e.Action == "schedule.check-in-style")).Detail);
        var after = await client.GetDocumentAsync(Url(world.Jo.Id));
        Assert.True(((IHtmlInputElement)after.QuerySelector("#style-two")!).IsChecked);
    }

    [Theory, InlineData(DatabaseProvider.Sqlite), PostgresData]
    public async Task EveryHandler_WhenTheClientIsNotInTheCallersCaseload_IsNotFound_AndChangesNothing(DatabaseProvider provider)
    {
        await using var world = await DashboardWorld.CreateAsync(provider, sessionCycle: false);
        var jo = await SetUpJoAsync(world);
        var sam = await SeedCycleAsync(world, world.Sam);
        var bo = await SeedCycleAsync(world, world.Bo);
        var client = await world.SignedInAsync(world.TherapistA1);
        var page = await client.GetDocumentAsync(Url(world.Jo.Id));

        foreach (var other in new[] { world.Sam.Id, world.Bo.Id })
        {
            using var get = await client.GetAsync(Url(other));
            Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
            foreach (var (selector, _) in Forms(jo))
            {
                // Jo's real forms and tokens, pointed at the other person's page.
                var form = Form(page, selector);
                form.SetAttribute("action", form.GetAttribute("action")!.Replace(world.Jo.Id.ToString(), other.ToString(), StringComparison.Ordinal));
                using var post = await client.SubmitAsync(form);
                Assert.True(post.StatusCode == HttpStatusCode.NotFound, $"{selector} for {other}: {(int)post.StatusCode}");
            }
        }

        // Jo's own page, naming another person's session, goal, alert, schedule or questionnaire.
        foreach (var theirs in new[] { sam, bo })
        {
            foreach (var (selector, field) in Forms(jo).Where(f => f.Field is not null))
            {
                var id = field switch
                {
                    "Session.SessionId" or "sessionId" => theirs.Session.Id,
                    "Goal.GoalId" or "goalId" => theirs.Goal.Id,
                    "alertId" => theirs.Notice.Id,
                    "scheduleId" => theirs.Schedule.Id,
                    _ => theirs.Run.Id,
                };
                var form = Form(await client.GetDocumentAsync(selector.StartsWith("#session-form", StringComparison.Ordinal) ? $"{Url(world.Jo.Id)}?editSession={jo.Next.Id}"
                    : selector.StartsWith("#goal-form", StringComparison.Ordinal) ? $"{Url(world.Jo.Id)}?editGoal={jo.Goal.Id}" : Url(world.Jo.Id)), selector);
                using var post = await client.SubmitAsync(form, new Dictionary<string, string> { [field!] = id.ToString() });
                Assert.True(post.StatusCode == HttpStatusCode.NotFound, $"{selector} naming {field} {id}: {(int)post.StatusCode}");
            }
        }

        await using var db = world.CreateContext();
        var others = new[] { world.Sam.Id, world.Bo.Id };
        Assert.False(await db.AuditEvents.AnyAsync(e => e.ServiceUserId != null && others.Contains(e.ServiceUserId.Value)));
        Assert.True(await db.TherapySessions.Where(s => others.Contains(s.ServiceUserId)).AllAsync(s => s.Status == SessionStatus.Scheduled));
        Assert.True(await db.Goals.Where(g => others.Contains(g.ServiceUserId)).AllAsync(g => g.Status == GoalStatus.Active && g.Text == "their goal"));
        Assert.True(await db.Alerts.Where(a => others.Contains(a.ServiceUserId)).AllAsync(a => a.AcknowledgedAtUtc == null));
        Assert.True(await db.QuestionnaireSchedules.Where(s => others.Contains(s.ServiceUserId)).AllAsync(s => s.IsEnabled));
        Assert.True(await db.QuestionnaireRuns.Where(r => others.Contains(r.ServiceUserId)).AllAsync(r => r.Status == QuestionnaireStatus.InProgress));
        Assert.Equal(0, await db.QuestionnaireRuns.CountAsync(r => others.Contains(r.ServiceUserId) && r.Kind == QuestionnaireKind.Phq9));
    }

    [Fact]
    public async Task Manager_SeesTheirOrganisationsClients_ButNotAnotherOrganisations()
    {
        await using var world = await DashboardWorld.CreateAsync(sessionCycle: false);
        var client = await world.SignedInAsync(world.ManagerA);

        using var sam = await client.GetAsync(Url(world.Sam.Id));
        using var bo = await client.GetAsync(Url(world.Bo.Id));

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.NotFound), (sam.StatusCode, bo.StatusCode));
        var page = await HtmlForms.ParseAsync(sam);
        using var recorded = await client.SubmitAsync(Form(page, "#session-form"), new Dictionary<string, string>
        {
            ["Session.Time"] = "11:00", ["Session.Mode"] = "place", ["Session.Place"] = "Riverside Centre",
        }.WithDate("Session.Date", new DateOnly(2026, 11, 24)));
        Assert.Equal(HttpStatusCode.Redirect, recorded.StatusCode);
        await using var db = world.CreateContext();
        var session = await db.TherapySessions.SingleAsync(s => s.ServiceUserId == world.Sam.Id);
        Assert.Equal(world.TherapistA2.Id, session.TherapistId); // the client's therapist, not the manager
        Assert.Equal(world.ManagerA.Id, (await db.AuditEvents.SingleAsync(e => e.Action == "session.recorded")).ActorId);
    }

    [Fact]
    public async Task SignedOut_GetAndPost_RedirectToSignIn()
    {
        await using var world = await DashboardWorld.CreateAsync(sessionCycle: false);
        var client = world.CreateBrowser();

        using var get = await client.GetAsync(Url(world.Jo.Id));
        using var post = await client.PostAsync($"{Url(world.Jo.Id)}?handler=SendQuestionnaire", new FormUrlEncodedContent(new Dictionary<string, string> { ["kind"] = "Phq9" }));

        Assert.Equal((HttpStatusCode.Redirect, HttpStatusCode.Redirect), (get.StatusCode, post.StatusCode));
        Assert.StartsWith("https://localhost/Account/SignIn", get.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.StartsWith("https://localhost/Account/SignIn", post.Headers.Location!.ToString(), StringComparison.Ordinal);
        await using var db = world.CreateContext();
        Assert.Equal(0, await db.QuestionnaireRuns.CountAsync());
    }

    private static string Url(Guid id) => $"/Dashboard/Cycle/{id}";

    private static string Text(IHtmlDocument page, string selector) =>
        System.Text.RegularExpressions.Regex.Replace(page.QuerySelector(selector)?.TextContent ?? throw new Xunit.Sdk.XunitException($"Nothing matches {selector}"), @"\s+", " ");

    private static string Value(IHtmlDocument page, string selector) =>
        (page.QuerySelector(selector) as IHtmlInputElement ?? throw new Xunit.Sdk.XunitException($"No input {selector}")).Value;

    private static IHtmlFormElement Form(IHtmlDocument page, string selector) =>
        page.QuerySelector(selector) as IHtmlFormElement ?? throw new Xunit.Sdk.XunitException($"No form {selector} on {page.Url}");

    /// <summary>Every form on Jo's page, and the hidden field naming a sub-record (null for forms that name none).</summary>
    private static IEnumerable<(string Selector, string? Field)> Forms(Cycle jo) =>
    [
        ("#session-form", "Session.SessionId"),
        ($"#session-{jo.Next.Id} form[data-mark=Cancelled]", "sessionId"),
        ($"#notice-{jo.Notice.Id} form", "alertId"),
        ("#goal-form", "Goal.GoalId"),
        ($"#goal-{jo.Goal.Id} form[data-goal-status=Paused]", "goalId"),
        ("form[data-send=Phq9]", null),
        ("#questionnaire-form", null),
        ($"#schedule-{jo.Schedule.Id} form", "scheduleId"),
        ($"#run-{jo.Run.Id} form", "runId"),
        ("#check-ins form", null),
    ];

    private static async Task PostGoalStatusAsync(HttpClient client, DashboardWorld world, Guid goalId, string status)
    {
        var page = await client.GetDocumentAsync(Url(world.Jo.Id));
        using var response = await client.SubmitAsync(Form(page, $"#goal-{goalId} form[data-goal-status={status}]"));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    private static async Task<(GoalStatus, DateTime?)> StatusOf(BuddyDbContext db, Guid goalId) =>
        await db.Goals.AsNoTracking().Where(g => g.Id == goalId).Select(g => new ValueTuple<GoalStatus, DateTime?>(g.Status, g.NextDueAtUtc)).SingleAsync();

    private static async Task<TherapySession> NextSessionAsync(DashboardWorld world)
    {
        await using var db = world.CreateContext();
        return await db.TherapySessions.SingleAsync(s => s.ServiceUserId == world.Jo.Id && s.Status == SessionStatus.Scheduled);
    }

    private static async Task SetZoneAsync(DashboardWorld world, string zone)
    {
        await using var db = world.CreateContext();
        await db.ServiceUsers.Where(s => s.Id == world.Jo.Id).ExecuteUpdateAsync(u => u.SetProperty(s => s.TimeZoneId, zone));
    }

    /// <summary>Jo's cycle: the next session (with agenda notes), a change request, a goal with a reply, questionnaires, a check-in schedule.</summary>
    private static async Task<Cycle> SetUpJoAsync(DashboardWorld world, string zone = "Europe/London", string? agenda = null)
    {
        await SetZoneAsync(world, zone);
        var next = await NextSessionAsync(world);
        await using (var db = world.CreateContext())
        {
            await db.TherapySessions.Where(s => s.Id == next.Id).ExecuteUpdateAsync(u => u.SetProperty(s => s.Location, "Riverside Centre").SetProperty(s => s.AgendaNotes, agenda));
            db.CheckInSchedules.Add(new CheckInSchedule { OrganisationId = world.OrgA.Id, ServiceUserId = world.Jo.Id, LocalTime = new(19, 0), UpdatedAtUtc = s_now });
            await db.SaveChangesAsync();
        }

        var cycle = await SeedCycleAsync(world, world.Jo, "walk to the shop twice this week") with { Next = next };
        await using (var db = world.CreateContext())
        {
            var completed = new QuestionnaireRun
            {
                OrganisationId = world.OrgA.Id, ServiceUserId = world.Jo.Id, Kind = QuestionnaireKind.Phq9, Status = QuestionnaireStatus.Completed,
                Source = QuestionnaireSource.Scheduled, StartedAtUtc = s_now.AddDays(-10), LastPromptAtUtc = s_now.AddDays(-10), ExpiresAtUtc = s_now.AddDays(-8),
                CompletedAtUtc = s_now.AddDays(-10).AddHours(1), TotalScore = 12, Severity = Severity.Moderate, CurrentItem = 9,
            };
            var expired = new QuestionnaireRun
            {
                OrganisationId = world.OrgA.Id, ServiceUserId = world.Jo.Id, Kind = QuestionnaireKind.Gad7, Status = QuestionnaireStatus.Expired,
                Source = QuestionnaireSource.OnDemand, StartedAtUtc = s_now.AddDays(-6), LastPromptAtUtc = s_now.AddDays(-6), ExpiresAtUtc = s_now.AddDays(-4),
                ClosedAtUtc = s_now.AddDays(-4), CurrentItem = 4,
            };
            db.AddRange(completed, expired);
            db.QuestionnaireAnswers.AddRange(Enumerable.Range(1, 3).Select(i => new QuestionnaireAnswer
            {
                OrganisationId = world.OrgA.Id, ServiceUserId = world.Jo.Id, RunId = expired.Id, ItemNumber = i, Score = 1, AnsweredAtUtc = s_now.AddDays(-6),
            }));
            await db.SaveChangesAsync();
        }

        return cycle;
    }

    /// <summary>A scheduled session, a change request, an active goal (with one reply), a GAD-7 schedule and a GAD-7 in progress.</summary>
    private static async Task<Cycle> SeedCycleAsync(DashboardWorld world, Domain.ServiceUsers.ServiceUser person, string goalText = "their goal")
    {
        await using var db = world.CreateContext();
        var session = new TherapySession
        {
            OrganisationId = person.OrganisationId, ServiceUserId = person.Id, TherapistId = person.TherapistId, StartsAtUtc = s_now.AddDays(3), Location = "video", CreatedAtUtc = s_now,
        };
        var message = new InboundMessage
        {
            ProviderMessageId = $"SM{Guid.NewGuid():N}", OrganisationId = person.OrganisationId, ServiceUserId = person.Id, FromPhone = person.PhoneE164!,
            ToPhone = "+447700900999", Body = "can't make it tomorrow, sorry", ReceivedAtUtc = s_now.AddHours(-3), State = InboundState.Processed,
        };
        var notice = new Alert
        {
            OrganisationId = person.OrganisationId, ServiceUserId = person.Id, Kind = AlertKind.AppointmentChange, Severity = RiskLevel.None,
            Summary = "Asked to cancel or rearrange the session tomorrow", MatchedPhrases = "cant make it", InboundMessageId = message.Id, CreatedAtUtc = s_now.AddHours(-3),
        };
        var goal = new Goal
        {
            OrganisationId = person.OrganisationId, ServiceUserId = person.Id, Text = goalText, CreatedAtUtc = s_now.AddDays(-7), UpdatedAtUtc = s_now.AddDays(-7),
            NextDueAtUtc = s_now.AddHours(6),
        };
        var progress = new GoalProgress
        {
            OrganisationId = person.OrganisationId, ServiceUserId = person.Id, GoalId = goal.Id, LocalDate = DashboardWorld.Today.AddDays(-1), Outcome = GoalOutcome.Done,
            ReplyText = "yes did it", RecordedAtUtc = s_now.AddDays(-1),
        };
        var schedule = new QuestionnaireSchedule
        {
            OrganisationId = person.OrganisationId, ServiceUserId = person.Id, Kind = QuestionnaireKind.Gad7, EveryWeeks = 2, NextDueAtUtc = s_now.AddDays(4), UpdatedAtUtc = s_now,
        };
        var run = new QuestionnaireRun
        {
            OrganisationId = person.OrganisationId, ServiceUserId = person.Id, Kind = QuestionnaireKind.Gad7, Source = QuestionnaireSource.OnDemand,
            StartedAtUtc = s_now.AddHours(-1), LastPromptAtUtc = s_now.AddHours(-1), ExpiresAtUtc = s_now.AddHours(47),
        };
        db.AddRange(session, message, notice, goal, progress, schedule, run);
        await db.SaveChangesAsync();
        return new Cycle(session, session, notice, goal, schedule, run);
    }

    private sealed record Cycle(TherapySession Next, TherapySession Session, Alert Notice, Goal Goal, QuestionnaireSchedule Schedule, QuestionnaireRun Run);
}
