using Buddy.Domain.Goals;
using Buddy.Domain.Validation;
using Buddy.Gateway.Audit;
using Buddy.Gateway.Caseloads;
using Buddy.Gateway.Data;
using Buddy.Gateway.Goals;
using Microsoft.EntityFrameworkCore;

namespace Buddy.Gateway.Api;

/// <summary>
/// /api/v1/service-users/{id}/goals: goals in the person's own words for integrations. <see cref="ServiceUserRouteFilter"/>
/// has admitted the person; a goal named in the path must be theirs, or 404. Changes go through <see cref="GoalService"/>.
/// </summary>
internal static class GoalsApi
{
    public static RouteGroupBuilder MapGoalsApi(this RouteGroupBuilder person)
    {
        var goals = person.MapGroup("/goals").WithTags("Goals");
        goals.MapGet("/", ListAsync)
            .Documented("ListGoals", "Every goal (active and paused first) with its latest replies (done, part done, not done).");
        goals.MapPost("/", CreateAsync)
            .DocumentedWithBody("CreateGoal", "Adds a goal in the person's own words with its reminder days and local time.");
        goals.MapPut("/{goalId:guid}", UpdateAsync)
            .DocumentedWithBody("UpdateGoal", "Replaces a goal's words and reminder rule.");
        goals.MapPut("/{goalId:guid}/status", SetStatusAsync)
            .DocumentedWithBody("SetGoalStatus", "Pauses, resumes (Active), completes (Achieved) or archives a goal. Only Active goals are texted.");
        return person;
    }

    private static async Task<IResult> ListAsync(HttpContext http, GoalQueries queries, AuditTrail audit, CancellationToken cancellationToken)
    {
        var (person, actor) = ServiceUserInScope.Of(http);
        var list = await queries.ListAsync(actor.OrganisationId, person.Id, cancellationToken);
        await audit.RecordAsync(actor, "goals.viewed", person.Id, AuditEntities.ServiceUser, person.Id.ToString(), cancellationToken: cancellationToken);
        return TypedResults.Ok(list.Select(g => GoalResource.From(g.Goal, g.Recent)).ToList());
    }

    private static async Task<IResult> CreateAsync(HttpContext http, GoalRequest request, GoalService goals, CancellationToken cancellationToken)
    {
        var (person, actor) = ServiceUserInScope.Of(http);
        var errors = new FieldErrors();
        if (GoalInputParser.Parse(request.Text, request.ReminderDays, request.ReminderTime, errors) is not { } input)
        {
            return ApiCaller.Invalid(errors);
        }

        var change = await goals.CreateAsync(actor.OrganisationId, person.Id, input, AuditActor.Of(actor), cancellationToken);
        return change.ToResult("service user", goal => TypedResults.Created($"/api/v1/service-users/{person.Id}/goals/{goal.Id}", GoalResource.From(goal, [])));
    }

    private static async Task<IResult> UpdateAsync(
        HttpContext http, Guid goalId, GoalRequest request, GoalQueries queries, BuddyDbContext db, GoalService goals, CancellationToken cancellationToken)
    {
        var (person, actor) = ServiceUserInScope.Of(http);
        if (!await queries.BelongsToAsync(person.Id, goalId, cancellationToken))
        {
            return ApiCaller.NotFound("goal");
        }

        var errors = new FieldErrors();
        if (GoalInputParser.Parse(request.Text, request.ReminderDays, request.ReminderTime, errors) is not { } input)
        {
            return ApiCaller.Invalid(errors);
        }

        var change = await goals.UpdateAsync(actor.OrganisationId, goalId, input, AuditActor.Of(actor), cancellationToken);
        return await change.ToResultAsync("goal", goal => WithRecentAsync(db, goal, cancellationToken));
    }

    private static async Task<IResult> SetStatusAsync(
        HttpContext http, Guid goalId, GoalStatusRequest request, GoalQueries queries, BuddyDbContext db, GoalService goals, CancellationToken cancellationToken)
    {
        var (person, actor) = ServiceUserInScope.Of(http);
        if (!await queries.BelongsToAsync(person.Id, goalId, cancellationToken))
        {
            return ApiCaller.NotFound("goal");
        }

        if (request.Status is not { } status)
        {
            return ApiCaller.Invalid(FieldErrors.One("Status", "Use Active, Paused, Achieved or Archived"));
        }

        var change = await goals.SetStatusAsync(actor.OrganisationId, goalId, status, AuditActor.Of(actor), cancellationToken);
        return await change.ToResultAsync("goal", goal => WithRecentAsync(db, goal, cancellationToken));
    }

    private static async Task<IResult> WithRecentAsync(BuddyDbContext db, Goal goal, CancellationToken cancellationToken)
    {
        var recent = await db.GoalProgress.AsNoTracking()
            .Where(p => p.GoalId == goal.Id)
            .OrderByDescending(p => p.RecordedAtUtc)
            .Take(GoalQueries.RecentRepliesShown)
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(GoalResource.From(goal, recent));
    }
}
