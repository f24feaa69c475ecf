using System.Security.Claims;
using Buddy.Domain.ServiceUsers;
using Buddy.Domain.Validation;
using Buddy.Gateway.Audit;
using Buddy.Gateway.Caseloads;
using Buddy.Gateway.Data;
using Buddy.Gateway.Schedules;
using Buddy.Gateway.ServiceUsers;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Buddy.Gateway.Api;

/// <summary>/api/v1/service-users: list, create, read, replace, discharge; and each one's schedule.</summary>
internal static class ServiceUsersApi
{
    /// <param name="person">/service-users/{id}, behind <see cref="ServiceUserRouteFilter"/>; the routes on {id} itself carry the
    /// same filter on their own, as a group's empty pattern would add a trailing slash to their published paths.</param>
    public static RouteGroupBuilder MapServiceUsersApi(this RouteGroupBuilder api, RouteGroupBuilder person)
    {
        var group = api.MapGroup("/service-users").WithTags("Service users");
        group.MapGet("/", ListAsync).WithName("ListServiceUsers")
            .WithSummary("Service users of the key's organisation, by name, paged (up to 100 a page).").ProducesValidationProblem();
        group.MapPost("/", CreateAsync).WithName("CreateServiceUser")
            .WithSummary("Adds a service user, optionally with their check-in schedule.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet("/{id:guid}", GetAsync).AddEndpointFilter<ServiceUserRouteFilter>().WithName("GetServiceUser").ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPut("/{id:guid}", UpdateAsync).AddEndpointFilter<ServiceUserRouteFilter>().WithName("UpdateServiceUser")
            .WithSummary("Replaces a service user's details, status and pause date. Consent cannot be set: only the person's texts change it.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapDelete("/{id:guid}", DischargeAsync).AddEndpointFilter<ServiceUserRouteFilter>().WithName("DischargeServiceUser")
            .WithSummary("Discharges the service user: no more texts. Their record and diary are kept for the clinical file.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        person.MapGet("/schedule", GetScheduleAsync).WithTags("Service users").WithName("GetSchedule").ProducesProblem(StatusCodes.Status404NotFound);
        person.MapPut("/schedule", PutScheduleAsync).WithTags("Service users").WithName("PutSchedule")
            .WithSummary("Creates or replaces the check-in schedule and reminder policy.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    /// <summary>Body of POST /service-users: the person and, optionally, their schedule in the same request.</summary>
    public sealed record CreateServiceUserRequest(ServiceUserRequest ServiceUser, ScheduleRequest? Schedule);

    private static async Task<Results<Ok<PagedList<ServiceUserResource>>, ValidationProblem>> ListAsync(
        ClaimsPrincipal user, BuddyDbContext db, CaseloadAccess caseloads, AuditTrail audit, CancellationToken cancellationToken,
        ServiceUserStatus? status = null, Guid? therapistId = null, int page = 1, int pageSize = 50)
    {
        var actor = user.Actor();
        var errors = new FieldErrors();
        if (Paging.From(page, pageSize, errors) is not { } paging)
        {
            return ApiCaller.Invalid(errors);
        }

        var query = caseloads.ServiceUsers(actor).AsNoTracking();
        if (status is { } wanted)
        {
            query = query.Where(s => s.Status == wanted);
        }

        if (therapistId is { } therapist)
        {
            query = query.Where(s => s.TherapistId == therapist);
        }

        var total = await query.CountAsync(cancellationToken);
        var items = await query.OrderBy(s => s.DisplayName).ThenBy(s => s.Id).Skip(paging.Skip).Take(paging.PageSize).ToListAsync(cancellationToken);
        foreach (var item in items)
        {
            audit.Add(actor, "service-user.listed", item.Id, entityType: AuditEntities.ServiceUser, entityId: item.Id.ToString());
        }

        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(new PagedList<ServiceUserResource>([.. items.Select(ServiceUserResource.From)], paging.Page, paging.PageSize, total));
    }

    private static async Task<IResult> CreateAsync(
        CreateServiceUserRequest request, ClaimsPrincipal user, BuddyDbContext db, ServiceUserCommands commands, CancellationToken cancellationToken)
    {
        var actor = user.Actor();
        var errors = new FieldErrors();
        if (request.ServiceUser is null)
        {
            errors.Add(nameof(request.ServiceUser), "Send the service user's details");
            return ApiCaller.Invalid(errors);
        }

        var schedule = request.Schedule?.ToInput(errors);
        if (!errors.IsValid)
        {
            return ApiCaller.Invalid(Nested(errors));
        }

        var zone = await db.Organisations.Where(o => o.Id == actor.OrganisationId).Select(o => o.TimeZoneId).SingleAsync(cancellationToken);
        var change = await commands.CreateAsync(actor, request.ServiceUser.ToInput(zone), schedule, cancellationToken);
        return (change with { Errors = Nested(change.Errors) })
            .ToResult("service user", created => TypedResults.Created($"/api/v1/service-users/{created.Id}", ServiceUserResource.From(created)));
    }

    private static async Task<IResult> GetAsync(HttpContext http, AuditTrail audit, CancellationToken cancellationToken)
    {
        var (person, actor) = ServiceUserInScope.Of(http);
        await audit.RecordAsync(actor, "service-user.viewed", person.Id, AuditEntities.ServiceUser, person.Id.ToString(), cancellationToken: cancellationToken);
        return TypedResults.Ok(ServiceUserResource.From(person));
    }

    private static async Task<IResult> UpdateAsync(HttpContext http, ServiceUserRequest request, ServiceUserCommands commands, CancellationToken cancellationToken)
    {
        var (person, actor) = ServiceUserInScope.Of(http);
        var change = await commands.UpdateAsync(actor, person.Id, request.ToInput(person.TimeZoneId), cancellationToken);
        return change.ToResult("service user", saved => TypedResults.Ok(ServiceUserResource.From(saved)));
    }

    private static async Task<IResult> DischargeAsync(HttpContext http, ServiceUserCommands commands, CancellationToken cancellationToken)
    {
        var (person, actor) = ServiceUserInScope.Of(http);
        var change = await commands.DischargeAsync(actor, person.Id, cancellationToken);
        return change.ToResult("service user", _ => TypedResults.NoContent());
    }

    private static async Task<IResult> GetScheduleAsync(HttpContext http, BuddyDbContext db, AuditTrail audit, CancellationToken cancellationToken)
    {
        var (person, actor) = ServiceUserInScope.Of(http);
        var id = person.Id;
        var schedule = await db.CheckInSchedules.AsNoTracking().SingleOrDefaultAsync(s => s.ServiceUserId == id, cancellationToken);
        audit.Add(actor, "schedule.viewed", id, entityType: AuditEntities.CheckInSchedule, entityId: schedule?.Id.ToString());
        await db.SaveChangesAsync(cancellationToken);
        return schedule is null
            ? TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No schedule", detail: "This service user has no check-in schedule yet; PUT one.")
            : TypedResults.Ok(ScheduleResource.From(schedule));
    }

    private static async Task<IResult> PutScheduleAsync(HttpContext http, ScheduleRequest request, ScheduleCommands schedules, CancellationToken cancellationToken)
    {
        var (person, actor) = ServiceUserInScope.Of(http);
        var errors = new FieldErrors();
        var input = request.ToInput(errors);
        if (input is null)
        {
            return ApiCaller.Invalid(errors);
        }

        var change = await schedules.SaveAsync(actor, person.Id, input, cancellationToken);
        return change.ToResult("service user", saved => TypedResults.Ok(ScheduleResource.From(saved)));
    }

    /// <summary>Names create errors after the body's two parts: "serviceUser.phone", "schedule.localTime".</summary>
    private static FieldErrors Nested(FieldErrors errors)
    {
        var scheduleFields = typeof(ScheduleRequest).GetProperties().Select(p => p.Name).ToHashSet();
        var nested = new FieldErrors();
        foreach (var (field, messages) in errors)
        {
            nested[(scheduleFields.Contains(field) ? "schedule." : "serviceUser.") + field] = messages;
        }

        return nested;
    }
}
