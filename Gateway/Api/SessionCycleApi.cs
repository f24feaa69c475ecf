using System.Security.Claims;
using Buddy.Domain.Goals;
using Buddy.Domain.Questionnaires;
using Buddy.Domain.ServiceUsers;
using Buddy.Domain.Sessions;
using Buddy.Domain.Validation;
using Buddy.Gateway.Audit;
using Buddy.Gateway.Caseloads;
using Buddy.Gateway.Conversations;
using Buddy.Gateway.Data;
using Buddy.Gateway.Goals;
using Buddy.Gateway.Questionnaires;
using Buddy.Gateway.Sessions;
using Microsoft.EntityFrameworkCore;

namespace Buddy.Gateway.Api;

/// <summary>
/// /api/v1/service-users/{id}/sessions, /goals, /questionnaires and /questionnaire-schedules: the session cycle for
/// integrations. The service user must be in the key's organisation, and every session, goal, questionnaire or
/// schedule named in the path must be theirs; anything else is 404. Changes go through the same services as the cycle page.
/// </summary>
internal static class SessionCycleApi
{
    public const int RecentGoalReplies = 10;
    public const int MaxRuns = 100;

    public static RouteGroupBuilder MapSessionCycleApi(this RouteGroupBuilder api)
    {
        var person = api.MapGroup("/service-users/{id:guid}");

        var sessions = person.MapGroup("/sessions").WithTags("Sessions");
        sessions.MapGet("/", ListSessionsAsync).WithName("ListSessions")
            .WithSummary("Every session, newest first, with agenda notes.").ProducesProblem(StatusCodes.Status404NotFound);
        sessions.MapPost("/", RecordSessionAsync).WithName("RecordSession")
            .WithSummary("Records a session at a local date and time in the service user's zone; Buddy reminds them the day before.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        sessions.MapPut("/{sessionId:guid}", RescheduleSessionAsync).WithName("RescheduleSession")
            .WithSummary("Moves a scheduled session or changes where it is; a reminder already sent goes again for the new time.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        sessions.MapPut("/{sessionId:guid}/status", MarkSessionAsync).WithName("MarkSession")
            .WithSummary("Marks a session Attended or Missed (once it has started) or Cancelled.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);

        var goals = person.MapGroup("/goals").WithTags("Goals");
        goals.MapGet("/", ListGoalsAsync).WithName("ListGoals")
            .WithSummary("Every goal (active and paused first) with its latest replies (done, part done, not done).").ProducesProblem(StatusCodes.Status404NotFound);
        goals.MapPost("/", CreateGoalAsync).WithName("CreateGoal")
            .WithSummary("Adds a goal in the person's own words with its reminder days and local time.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        goals.MapPut("/{goalId:guid}", UpdateGoalAsync).WithName("UpdateGoal")
            .WithSummary("Replaces a goal's words and reminder rule.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        goals.MapPut("/{goalId:guid}/status", SetGoalStatusAsync).WithName("SetGoalStatus")
            .WithSummary("Pauses, resumes (Active), completes (Achieved) or archives a goal. Only Active goals are texted.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);

        var questionnaires = person.MapGroup("/questionnaires").WithTags("Questionnaires");
        questionnaires.MapGet("/", ListRunsAsync).WithName("ListQuestionnaires")
            .WithSummary("Questionnaires sent, newest first (up to 100): progress, and total with severity band once completed.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        questionnaires.MapPost("/", SendQuestionnaireAsync).WithName("SendQuestionnaire")
            .WithSummary("Sends PHQ-9 or GAD-7 by text now (or when the person's quiet hours end).")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        questionnaires.MapPost("/{runId:guid}/withdraw", WithdrawQuestionnaireAsync).WithName("WithdrawQuestionnaire")
            .WithSummary("Withdraws a questionnaire in progress: nothing more of it is texted; answers so far are kept, unscored. 409 when it is completed, expired or already stopped.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        var schedules = person.MapGroup("/questionnaire-schedules").WithTags("Questionnaires");
        schedules.MapGet("/", ListSchedulesAsync).WithName("ListQuestionnaireSchedules")
            .WithSummary("The every-N-weeks questionnaire schedules, enabled or stopped.").ProducesProblem(StatusCodes.Status404NotFound);
        schedules.MapPut("/{kind}", ScheduleQuestionnaireAsync).WithName("ScheduleQuestionnaire")
            .WithSummary("Sends the questionnaire (Phq9 or Gad7) every N weeks from a local date and time; replaces its current schedule.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        schedules.MapDelete("/{kind}", StopScheduleAsync).WithName("StopQuestionnaireSchedule")
            .WithSummary("Stops sending the questionnaire on a schedule. One already in progress carries on.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<IResult> ListSessionsAsync(
        Guid id, ClaimsPrincipal user, CaseloadAccess caseloads, SessionQueries queries, AuditTrail audit, CancellationToken cancellationToken)
    {
        var actor = user.Actor();
        if (await caseloads.FindAsync(actor, id, cancellationToken) is not { } person)
        {
            return ApiCaller.NotFound("service user");
        }

        var list = await queries.ListAsync(actor.OrganisationId, id, cancellationToken);
        await audit.RecordAsync(actor, "sessions.viewed", id, "ServiceUser", id.ToString(), cancellationToken: cancellationToken);
        return TypedResults.Ok(list.Select(s => SessionResource.From(s, person.TimeZoneId)).ToList());
    }

    private static async Task<IResult> RecordSessionAsync(
        Guid id, SessionRequest request, ClaimsPrincipal user, CaseloadAccess caseloads, SessionService sessions, CancellationToken cancellationToken)
    {
        var actor = user.Actor();
        if (await caseloads.FindAsync(actor, id, cancellationToken) is not { } person)
        {
            return ApiCaller.NotFound("service user");
        }

        var errors = new FieldErrors();
        if (SessionBookingParser.Parse(request.Date, request.Time, request.Location, errors) is not { } booking)
        {
            return ApiCaller.Invalid(errors);
        }

        return await ChangeAsync(async () =>
        {
            var session = await sessions.RecordAsync(actor.OrganisationId, id, booking, CycleActor.Of(actor), cancellationToken);
            return TypedResults.Created($"/api/v1/service-users/{id}/sessions/{session.Id}", SessionResource.From(SessionView.From(session), person.TimeZoneId));
        });
    }

    private static async Task<IResult> RescheduleSessionAsync(
        Guid id, Guid sessionId, SessionRequest request, ClaimsPrincipal user, CaseloadAccess caseloads, BuddyDbContext db, SessionService sessions,
        CancellationToken cancellationToken)
    {
        var actor = user.Actor();
        if (await FindSessionOwnerAsync(actor, id, sessionId, caseloads, db, cancellationToken) is not { } person)
        {
            return ApiCaller.NotFound("session");
        }

        var errors = new FieldErrors();
        if (SessionBookingParser.Parse(request.Date, request.Time, request.Location, errors) is not { } booking)
        {
            return ApiCaller.Invalid(errors);
        }

        return await ChangeAsync(async () =>
            TypedResults.Ok(SessionResource.From(
                SessionView.From(await sessions.RescheduleAsync(actor.OrganisationId, sessionId, booking, CycleActor.Of(actor), cancellationToken)), person.TimeZoneId)));
    }

    private static async Task<IResult> MarkSessionAsync(
        Guid id, Guid sessionId, SessionStatusRequest request, ClaimsPrincipal user, CaseloadAccess caseloads, BuddyDbContext db, SessionService sessions,
        CancellationToken cancellationToken)
    {
        var actor = user.Actor();
        if (await FindSessionOwnerAsync(actor, id, sessionId, caseloads, db, cancellationToken) is not { } person)
        {
            return ApiCaller.NotFound("session");
        }

        if (request.Status is not ({ } status and not SessionStatus.Scheduled))
        {
            return ApiCaller.Invalid(One("Status", "Use Attended, Missed or Cancelled"));
        }

        return await ChangeAsync(async () =>
            TypedResults.Ok(SessionResource.From(
                SessionView.From(await sessions.MarkAsync(actor.OrganisationId, sessionId, status, CycleActor.Of(actor), cancellationToken)), person.TimeZoneId)));
    }

    private static async Task<IResult> ListGoalsAsync(
        Guid id, ClaimsPrincipal user, CaseloadAccess caseloads, GoalQueries queries, AuditTrail audit, CancellationToken cancellationToken)
    {
        var actor = user.Actor();
        if (await caseloads.FindAsync(actor, id, cancellationToken) is null)
        {
            return ApiCaller.NotFound("service user");
        }

        var list = await queries.ListAsync(actor.OrganisationId, id, RecentGoalReplies, cancellationToken);
        await audit.RecordAsync(actor, "goals.viewed", id, "ServiceUser", id.ToString(), cancellationToken: cancellationToken);
        return TypedResults.Ok(list.Select(g => GoalResource.From(g.Goal, g.Recent)).ToList());
    }

    private static async Task<IResult> CreateGoalAsync(
        Guid id, GoalRequest request, ClaimsPrincipal user, CaseloadAccess caseloads, GoalService goals, CancellationToken cancellationToken)
    {
        var actor = user.Actor();
        if (await caseloads.FindAsync(actor, id, cancellationToken) is null)
        {
            return ApiCaller.NotFound("service user");
        }

        var errors = new FieldErrors();
        if (GoalInputParser.Parse(request.Text, request.ReminderDays, request.ReminderTime, errors) is not { } input)
        {
            return ApiCaller.Invalid(errors);
        }

        return await ChangeAsync(async () =>
        {
            var goal = await goals.CreateAsync(actor.OrganisationId, id, input, CycleActor.Of(actor), cancellationToken);
            return TypedResults.Created($"/api/v1/service-users/{id}/goals/{goal.Id}", GoalResource.From(goal, []));
        });
    }

    private static async Task<IResult> UpdateGoalAsync(
        Guid id, Guid goalId, GoalRequest request, ClaimsPrincipal user, CaseloadAccess caseloads, BuddyDbContext db, GoalService goals,
        CancellationToken cancellationToken)
    {
        var actor = user.Actor();
        if (!await OwnsGoalAsync(actor, id, goalId, caseloads, db, cancellationToken))
        {
            return ApiCaller.NotFound("goal");
        }

        var errors = new FieldErrors();
        if (GoalInputParser.Parse(request.Text, request.ReminderDays, request.ReminderTime, errors) is not { } input)
        {
            return ApiCaller.Invalid(errors);
        }

        return await ChangeAsync(async () =>
            TypedResults.Ok(await WithRecentAsync(db, await goals.UpdateAsync(actor.OrganisationId, goalId, input, CycleActor.Of(actor), cancellationToken), cancellationToken)));
    }

    private static async Task<IResult> SetGoalStatusAsync(
        Guid id, Guid goalId, GoalStatusRequest request, ClaimsPrincipal user, CaseloadAccess caseloads, BuddyDbContext db, GoalService goals,
        CancellationToken cancellationToken)
    {
        var actor = user.Actor();
        if (!await OwnsGoalAsync(actor, id, goalId, caseloads, db, cancellationToken))
        {
            return ApiCaller.NotFound("goal");
        }

        if (request.Status is not { } status)
        {
            return ApiCaller.Invalid(One("Status", "Use Active, Paused, Achieved or Archived"));
        }

        return await ChangeAsync(async () =>
            TypedResults.Ok(await WithRecentAsync(db, await goals.SetStatusAsync(actor.OrganisationId, goalId, status, CycleActor.Of(actor), cancellationToken), cancellationToken)));
    }

    private static async Task<IResult> ListRunsAsync(
        Guid id, ClaimsPrincipal user, CaseloadAccess caseloads, QuestionnaireQueries queries, AuditTrail audit, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var actor = user.Actor();
        if (await caseloads.FindAsync(actor, id, cancellationToken) is null)
        {
            return ApiCaller.NotFound("service user");
        }

        var runs = await queries.ListRunsAsync(actor.OrganisationId, id, MaxRuns, cancellationToken);
        await audit.RecordAsync(actor, "questionnaires.viewed", id, "ServiceUser", id.ToString(), cancellationToken: cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        return TypedResults.Ok(runs.Select(r => QuestionnaireRunResource.From(r, now)).ToList());
    }

    private static async Task<IResult> SendQuestionnaireAsync(
        Guid id, SendQuestionnaireRequest request, ClaimsPrincipal user, CaseloadAccess caseloads, QuestionnaireService questionnaires, TimeProvider clock, CancellationToken cancellationToken)
    {
        var actor = user.Actor();
        if (await caseloads.FindAsync(actor, id, cancellationToken) is not { } person)
        {
            return ApiCaller.NotFound("service user");
        }

        if (QuestionnaireScheduleInput.ParseKind(request.Kind) is not { } kind)
        {
            return ApiCaller.Invalid(One("Kind", "Use Phq9 or Gad7"));
        }

        if (person.MayNotBeTexted)
        {
            return Refused($"{person.DisplayName} cannot be texted (opted out, discharged or no number).", StatusCodes.Status409Conflict);
        }

        return await ChangeAsync(async () =>
        {
            var run = await questionnaires.SendNowAsync(actor.OrganisationId, id, kind, CycleActor.Of(actor), cancellationToken);
            return TypedResults.Created($"/api/v1/service-users/{id}/questionnaires", RunResource(run, 0, clock));
        }, StatusCodes.Status409Conflict);
    }

    private static async Task<IResult> WithdrawQuestionnaireAsync(
        Guid id, Guid runId, ClaimsPrincipal user, CaseloadAccess caseloads, BuddyDbContext db, QuestionnaireService questionnaires, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var actor = user.Actor();
        if (await caseloads.FindAsync(actor, id, cancellationToken) is null ||
            !await db.QuestionnaireRuns.AnyAsync(r => r.Id == runId && r.ServiceUserId == id, cancellationToken))
        {
            return ApiCaller.NotFound("questionnaire");
        }

        return await ChangeAsync(async () =>
        {
            var run = await questionnaires.WithdrawAsync(actor.OrganisationId, runId, CycleActor.Of(actor), cancellationToken);
            return TypedResults.Ok(RunResource(run, await db.QuestionnaireAnswers.CountAsync(a => a.RunId == run.Id, cancellationToken), clock));
        }, StatusCodes.Status409Conflict);
    }

    private static async Task<IResult> ListSchedulesAsync(
        Guid id, ClaimsPrincipal user, CaseloadAccess caseloads, QuestionnaireQueries queries, AuditTrail audit, CancellationToken cancellationToken)
    {
        var actor = user.Actor();
        if (await caseloads.FindAsync(actor, id, cancellationToken) is null)
        {
            return ApiCaller.NotFound("service user");
        }

        var list = await queries.ListSchedulesAsync(actor.OrganisationId, id, cancellationToken);
        await audit.RecordAsync(actor, "questionnaire-schedules.viewed", id, "ServiceUser", id.ToString(), cancellationToken: cancellationToken);
        return TypedResults.Ok(list.Select(QuestionnaireScheduleResource.From).ToList());
    }

    private static async Task<IResult> ScheduleQuestionnaireAsync(
        Guid id, string kind, QuestionnaireScheduleRequest request, ClaimsPrincipal user, CaseloadAccess caseloads, QuestionnaireService questionnaires,
        CancellationToken cancellationToken)
    {
        var actor = user.Actor();
        if (await caseloads.FindAsync(actor, id, cancellationToken) is null)
        {
            return ApiCaller.NotFound("service user");
        }

        if (QuestionnaireScheduleInput.ParseKind(kind) is not { } chosen)
        {
            return ApiCaller.NotFound("questionnaire");
        }

        var errors = new FieldErrors();
        var weeks = request.EveryWeeks?.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (QuestionnaireScheduleInput.Parse(weeks, request.FirstDate, request.LocalTime, errors) is not { } input)
        {
            return ApiCaller.Invalid(errors);
        }

        return await ChangeAsync(async () => TypedResults.Ok(QuestionnaireScheduleResource.From(await questionnaires.ScheduleAsync(
            actor.OrganisationId, id, chosen, input.EveryWeeks, input.FirstDate, input.LocalTime, CycleActor.Of(actor), cancellationToken))));
    }

    private static async Task<IResult> StopScheduleAsync(
        Guid id, string kind, ClaimsPrincipal user, CaseloadAccess caseloads, BuddyDbContext db, QuestionnaireService questionnaires,
        CancellationToken cancellationToken)
    {
        var actor = user.Actor();
        if (await caseloads.FindAsync(actor, id, cancellationToken) is null)
        {
            return ApiCaller.NotFound("service user");
        }

        var chosen = QuestionnaireScheduleInput.ParseKind(kind);
        var schedule = chosen is null ? null : await db.QuestionnaireSchedules.AsNoTracking()
            .SingleOrDefaultAsync(s => s.ServiceUserId == id && s.OrganisationId == actor.OrganisationId && s.Kind == chosen, cancellationToken);
        if (schedule is null)
        {
            return ApiCaller.NotFound("questionnaire schedule");
        }

        return await ChangeAsync(async () =>
        {
            await questionnaires.StopScheduleAsync(actor.OrganisationId, schedule.Id, CycleActor.Of(actor), cancellationToken);
            return TypedResults.NoContent();
        });
    }

    /// <summary>The session's service user when both are in scope and the session is theirs; otherwise null (404).</summary>
    private static async Task<ServiceUser?> FindSessionOwnerAsync(
        CaseloadScope actor, Guid id, Guid sessionId, CaseloadAccess caseloads, BuddyDbContext db, CancellationToken cancellationToken)
    {
        var person = await caseloads.FindAsync(actor, id, cancellationToken);
        return person is not null && await db.TherapySessions.AnyAsync(s => s.Id == sessionId && s.ServiceUserId == id, cancellationToken) ? person : null;
    }

    private static async Task<bool> OwnsGoalAsync(CaseloadScope actor, Guid id, Guid goalId, CaseloadAccess caseloads, BuddyDbContext db, CancellationToken cancellationToken) =>
        await caseloads.FindAsync(actor, id, cancellationToken) is not null &&
        await db.Goals.AnyAsync(g => g.Id == goalId && g.ServiceUserId == id, cancellationToken);

    private static async Task<GoalResource> WithRecentAsync(BuddyDbContext db, Goal goal, CancellationToken cancellationToken)
    {
        var recent = await db.GoalProgress.AsNoTracking()
            .Where(p => p.GoalId == goal.Id)
            .OrderByDescending(p => p.RecordedAtUtc)
            .Take(RecentGoalReplies)
            .ToListAsync(cancellationToken);
        return GoalResource.From(goal, recent);
    }

    private static QuestionnaireRunResource RunResource(QuestionnaireRun run, int answered, TimeProvider clock) =>
        QuestionnaireRunResource.From(new QuestionnaireRunView(run, answered, QuestionnaireDefinitions.For(run.Kind).ItemCount), clock.GetUtcNow().UtcDateTime);

    /// <summary>A change the service refuses (in the past, discharged, one already in progress) is a 400 (or <paramref name="status"/>) with its reason.</summary>
    private static async Task<IResult> ChangeAsync(Func<Task<IResult>> change, int status = StatusCodes.Status400BadRequest)
    {
        try
        {
            return await change();
        }
        catch (CycleValidationException ex)
        {
            return Refused(ex.Message, status);
        }
    }

    private static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult Refused(string reason, int status) =>
        TypedResults.Problem(statusCode: status, title: "The change was refused", detail: reason);

    private static FieldErrors One(string field, string message)
    {
        var errors = new FieldErrors();
        errors.Add(field, message);
        return errors;
    }
}
