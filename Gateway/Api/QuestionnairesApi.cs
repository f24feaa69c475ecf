using Buddy.Domain.Questionnaires;
using Buddy.Domain.Validation;
using Buddy.Gateway.Audit;
using Buddy.Gateway.Caseloads;
using Buddy.Gateway.Data;
using Buddy.Gateway.Questionnaires;
using Microsoft.EntityFrameworkCore;

namespace Buddy.Gateway.Api;

/// <summary>
/// /api/v1/service-users/{id}/questionnaires and /questionnaire-schedules: PHQ-9 and GAD-7 by text for integrations.
/// <see cref="ServiceUserRouteFilter"/> has admitted the person; a questionnaire or schedule named in the path must be
/// theirs, or 404. Changes go through <see cref="QuestionnaireService"/>.
/// </summary>
internal static class QuestionnairesApi
{
    public const int MaxRuns = 100;

    public static RouteGroupBuilder MapQuestionnairesApi(this RouteGroupBuilder person)
    {
        var questionnaires = person.MapGroup("/questionnaires").WithTags("Questionnaires");
        questionnaires.MapGet("/", ListRunsAsync)
            .Documented("ListQuestionnaires", "Questionnaires sent, newest first (up to 100): progress, and total with severity band once completed.");
        questionnaires.MapPost("/", SendAsync)
            .DocumentedWithBody("SendQuestionnaire", "Sends PHQ-9 or GAD-7 by text now (or when the person's quiet hours end).")
            .ProducesProblem(StatusCodes.Status409Conflict);
        questionnaires.MapPost("/{runId:guid}/withdraw", WithdrawAsync)
            .Documented("WithdrawQuestionnaire", "Withdraws a questionnaire in progress: nothing more of it is texted; answers so far are kept, unscored. 409 when it is completed, expired or already stopped.")
            .ProducesProblem(StatusCodes.Status409Conflict);

        var schedules = person.MapGroup("/questionnaire-schedules").WithTags("Questionnaires");
        schedules.MapGet("/", ListSchedulesAsync)
            .Documented("ListQuestionnaireSchedules", "The every-N-weeks questionnaire schedules, enabled or stopped.");
        schedules.MapPut("/{kind}", ScheduleAsync)
            .DocumentedWithBody("ScheduleQuestionnaire", "Sends the questionnaire (Phq9 or Gad7) every N weeks from a local date and time; replaces its current schedule.");
        schedules.MapDelete("/{kind}", StopScheduleAsync)
            .Documented("StopQuestionnaireSchedule", "Stops sending the questionnaire on a schedule. One already in progress carries on.");
        return person;
    }

    private static async Task<IResult> ListRunsAsync(HttpContext http, QuestionnaireQueries queries, AuditTrail audit, TimeProvider clock, CancellationToken cancellationToken)
    {
        var (person, actor) = ServiceUserInScope.Of(http);
        var runs = await queries.ListRunsAsync(actor.OrganisationId, person.Id, MaxRuns, cancellationToken);
        await audit.RecordAsync(actor, "questionnaires.viewed", person.Id, AuditEntities.ServiceUser, person.Id.ToString(), cancellationToken: cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        return TypedResults.Ok(runs.Select(r => QuestionnaireRunResource.From(r, now)).ToList());
    }

    private static async Task<IResult> SendAsync(
        HttpContext http, SendQuestionnaireRequest request, QuestionnaireService questionnaires, TimeProvider clock, CancellationToken cancellationToken)
    {
        var (person, actor) = ServiceUserInScope.Of(http);
        if (QuestionnaireScheduleInput.ParseKind(request.Kind) is not { } kind)
        {
            return ApiCaller.Invalid(FieldErrors.One("Kind", "Use Phq9 or Gad7"));
        }

        if (person.MayNotBeTexted)
        {
            return ApiCaller.Refused($"{person.DisplayName} cannot be texted (opted out, discharged or no number).", StatusCodes.Status409Conflict);
        }

        var change = await questionnaires.SendNowAsync(actor.OrganisationId, person.Id, kind, AuditActor.Of(actor), cancellationToken);
        return change.ToResult("service user", run => TypedResults.Created($"/api/v1/service-users/{person.Id}/questionnaires", RunResource(run, 0, clock)), StatusCodes.Status409Conflict);
    }

    private static async Task<IResult> WithdrawAsync(
        HttpContext http, Guid runId, QuestionnaireQueries queries, BuddyDbContext db, QuestionnaireService questionnaires, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var (person, actor) = ServiceUserInScope.Of(http);
        if (await queries.FindRunAsync(person.Id, runId, cancellationToken) is null)
        {
            return ApiCaller.NotFound("questionnaire");
        }

        var change = await questionnaires.WithdrawAsync(actor.OrganisationId, runId, AuditActor.Of(actor), cancellationToken);
        return await change.ToResultAsync("questionnaire", async run =>
            TypedResults.Ok(RunResource(run, await db.QuestionnaireAnswers.CountAsync(a => a.RunId == run.Id, cancellationToken), clock)), StatusCodes.Status409Conflict);
    }

    private static async Task<IResult> ListSchedulesAsync(HttpContext http, QuestionnaireQueries queries, AuditTrail audit, CancellationToken cancellationToken)
    {
        var (person, actor) = ServiceUserInScope.Of(http);
        var list = await queries.ListSchedulesAsync(actor.OrganisationId, person.Id, cancellationToken);
        await audit.RecordAsync(actor, "questionnaire-schedules.viewed", person.Id, AuditEntities.ServiceUser, person.Id.ToString(), cancellationToken: cancellationToken);
        return TypedResults.Ok(list.Select(QuestionnaireScheduleResource.From).ToList());
    }

    private static async Task<IResult> ScheduleAsync(
        HttpContext http, string kind, QuestionnaireScheduleRequest request, QuestionnaireService questionnaires, CancellationToken cancellationToken)
    {
        var (person, actor) = ServiceUserInScope.Of(http);
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

        var change = await questionnaires.ScheduleAsync(
            actor.OrganisationId, person.Id, chosen, input.EveryWeeks, input.FirstDate, input.LocalTime, AuditActor.Of(actor), cancellationToken);
        return change.ToResult("service user", schedule => TypedResults.Ok(QuestionnaireScheduleResource.From(schedule)));
    }

    private static async Task<IResult> StopScheduleAsync(
        HttpContext http, string kind, BuddyDbContext db, QuestionnaireService questionnaires, CancellationToken cancellationToken)
    {
        var (person, actor) = ServiceUserInScope.Of(http);
        var chosen = QuestionnaireScheduleInput.ParseKind(kind);
        var schedule = chosen is null ? null : await db.QuestionnaireSchedules.AsNoTracking()
            .SingleOrDefaultAsync(s => s.ServiceUserId == person.Id && s.OrganisationId == actor.OrganisationId && s.Kind == chosen, cancellationToken);
        if (schedule is null)
        {
            return ApiCaller.NotFound("questionnaire schedule");
        }

        var change = await questionnaires.StopScheduleAsync(actor.OrganisationId, schedule.Id, AuditActor.Of(actor), cancellationToken);
        return change.ToResult("questionnaire schedule", _ => TypedResults.NoContent());
    }

    private static QuestionnaireRunResource RunResource(QuestionnaireRun run, int answered, TimeProvider clock) =>
        QuestionnaireRunResource.From(new QuestionnaireRunView(run, answered, QuestionnaireDefinitions.For(run.Kind).ItemCount), clock.GetUtcNow().UtcDateTime);
}
