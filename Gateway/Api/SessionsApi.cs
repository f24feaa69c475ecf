using Buddy.Domain.Sessions;
using Buddy.Domain.Validation;
using Buddy.Gateway.Audit;
using Buddy.Gateway.Caseloads;
using Buddy.Gateway.Sessions;

namespace Buddy.Gateway.Api;

/// <summary>
/// /api/v1/service-users/{id}/sessions: appointments for integrations. <see cref="ServiceUserRouteFilter"/> has
/// admitted the person; a session named in the path must be theirs, or 404. Changes go through <see cref="SessionService"/>.
/// </summary>
internal static class SessionsApi
{
    public static RouteGroupBuilder MapSessionsApi(this RouteGroupBuilder person)
    {
        var sessions = person.MapGroup("/sessions").WithTags("Sessions");
        sessions.MapGet("/", ListAsync)
            .Documented("ListSessions", "Every session, newest first, with agenda notes.");
        sessions.MapPost("/", RecordAsync)
            .DocumentedWithBody("RecordSession", "Records a session at a local date and time in the service user's zone; Buddy reminds them the day before.");
        sessions.MapPut("/{sessionId:guid}", RescheduleAsync)
            .DocumentedWithBody("RescheduleSession", "Moves a scheduled session or changes where it is; a reminder already sent goes again for the new time.");
        sessions.MapPut("/{sessionId:guid}/status", MarkAsync)
            .DocumentedWithBody("MarkSession", "Marks a session Attended or Missed (once it has started) or Cancelled.");
        return person;
    }

    private static async Task<IResult> ListAsync(HttpContext http, SessionQueries queries, AuditTrail audit, CancellationToken cancellationToken)
    {
        var (person, actor) = ServiceUserInScope.Of(http);
        var list = await queries.ListAsync(actor.OrganisationId, person.Id, cancellationToken);
        await audit.RecordAsync(actor, "sessions.viewed", person.Id, AuditEntities.ServiceUser, person.Id.ToString(), cancellationToken: cancellationToken);
        return TypedResults.Ok(list.Select(s => SessionResource.From(s, person.TimeZoneId)).ToList());
    }

    private static async Task<IResult> RecordAsync(HttpContext http, SessionRequest request, SessionService sessions, CancellationToken cancellationToken)
    {
        var (person, actor) = ServiceUserInScope.Of(http);
        var errors = new FieldErrors();
        if (SessionBookingParser.Parse(request.Date, request.Time, request.Location, errors) is not { } booking)
        {
            return ApiCaller.Invalid(errors);
        }

        var change = await sessions.RecordAsync(actor.OrganisationId, person.Id, booking, AuditActor.Of(actor), cancellationToken);
        return change.ToResult("service user", session =>
            TypedResults.Created($"/api/v1/service-users/{person.Id}/sessions/{session.Id}", SessionResource.From(SessionView.From(session), person.TimeZoneId)));
    }

    private static async Task<IResult> RescheduleAsync(
        HttpContext http, Guid sessionId, SessionRequest request, SessionQueries queries, SessionService sessions, CancellationToken cancellationToken)
    {
        var (person, actor) = ServiceUserInScope.Of(http);
        if (!await queries.BelongsToAsync(person.Id, sessionId, cancellationToken))
        {
            return ApiCaller.NotFound("session");
        }

        var errors = new FieldErrors();
        if (SessionBookingParser.Parse(request.Date, request.Time, request.Location, errors) is not { } booking)
        {
            return ApiCaller.Invalid(errors);
        }

        var change = await sessions.RescheduleAsync(actor.OrganisationId, sessionId, booking, AuditActor.Of(actor), cancellationToken);
        return change.ToResult("session", session => TypedResults.Ok(SessionResource.From(SessionView.From(session), person.TimeZoneId)));
    }

    private static async Task<IResult> MarkAsync(
        HttpContext http, Guid sessionId, SessionStatusRequest request, SessionQueries queries, SessionService sessions, CancellationToken cancellationToken)
    {
        var (person, actor) = ServiceUserInScope.Of(http);
        if (!await queries.BelongsToAsync(person.Id, sessionId, cancellationToken))
        {
            return ApiCaller.NotFound("session");
        }

        if (request.Status is not ({ } status and not SessionStatus.Scheduled))
        {
            return ApiCaller.Invalid(FieldErrors.One("Status", "Use Attended, Missed or Cancelled"));
        }

        var change = await sessions.MarkAsync(actor.OrganisationId, sessionId, status, AuditActor.Of(actor), cancellationToken);
        return change.ToResult("session", session => TypedResults.Ok(SessionResource.From(SessionView.From(session), person.TimeZoneId)));
    }
}
