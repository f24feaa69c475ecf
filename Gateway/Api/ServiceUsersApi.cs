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
    public static RouteGroupBuilder MapServiceUsersApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/service-users").WithTags("Service users");
        group.MapGet("/", ListAsync).WithName("ListServiceUsers")
            .WithSummary("Service users of the key's organisation, by name, paged (up to 100 a page).").ProducesValidationProblem();
        group.MapPost("/", CreateAsync).WithName("CreateServiceUser")
            .WithSummary("Adds a service user, optionally with their check-in schedule.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet("/{id:guid}", GetAsync).WithName("GetServiceUser").ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPut("/{id:guid}", UpdateAsync).WithName("UpdateServiceUser")
            .WithSummary("Replaces a service user's details, status and pause date. Consent cannot be set: only the person's texts change it.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapDelete("/{id:guid}", DischargeAsync).WithName("DischargeServiceUser")
            .WithSummary("Discharges the service user: no more texts. Their record and diary are kept for the clinical file.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{id:guid}/schedule", GetScheduleAsync).WithName("GetSchedule").ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPut("/{id:guid}/schedule", PutScheduleAsync).WithName("PutSchedule")
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
            audit.Add(actor, "service-user.listed", item.Id, entityType: "ServiceUser", entityId: item.Id.ToString());
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
        return change.Outcome switch
        {
            ChangeOutcome.Saved => TypedResults.Created($"/api/v1/service-users/{change.Saved!.Id}", ServiceUserResource.From(change.Saved)),
            _ => Refused(change with { Errors = Nested(change.Errors) }),
        };
    }

    private static async Task<IResult> GetAsync(
        Guid id, ClaimsPrincipal user, BuddyDbContext db, CaseloadAccess caseloads, AuditTrail audit, CancellationToken cancellationToken)
    {
        var actor = user.Actor();
        var serviceUser = await caseloads.FindAsync(actor, id, cancellationToken);
        if (serviceUser is null)
        {
            return ApiCaller.NotFound("service user");
        }

        audit.Add(actor, "service-user.viewed", id, entityType: "ServiceUser", entityId: id.ToString());
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(ServiceUserResource.From(serviceUser));
    }

    private static async Task<IResult> UpdateAsync(
        Guid id, ServiceUserRequest request, ClaimsPrincipal user, CaseloadAccess caseloads, ServiceUserCommands commands, CancellationToken cancellationToken)
    {
        var actor = user.Actor();
        var existing = await caseloads.FindAsync(actor, id, cancellationToken);
        if (existing is null)
        {
            return ApiCaller.NotFound("service user");
        }

        var change = await commands.UpdateAsync(actor, id, request.ToInput(existing.TimeZoneId), cancellationToken);
        return change.Outcome == ChangeOutcome.Saved ? TypedResults.Ok(ServiceUserResource.From(change.Saved!)) : Refused(change);
    }

    private static async Task<IResult> DischargeAsync(Guid id, ClaimsPrincipal user, ServiceUserCommands commands, CancellationToken cancellationToken)
    {
        var change = await commands.DischargeAsync(user.Actor(), id, cancellationToken);
        return change.Outcome == ChangeOutcome.Saved ? TypedResults.NoContent() : Refused(change);
    }

    private static async Task<IResult> GetScheduleAsync(
        Guid id, ClaimsPrincipal user, BuddyDbContext db, CaseloadAccess caseloads, AuditTrail audit, CancellationToken cancellationToken)
    {
        var actor = user.Actor();
        if (await caseloads.FindAsync(actor, id, cancellationToken) is null)
        {
            return ApiCaller.NotFound("service user");
        }

        var schedule = await db.CheckInSchedules.AsNoTracking().SingleOrDefaultAsync(s => s.ServiceUserId == id, cancellationToken);
        audit.Add(actor, "schedule.viewed", id, entityType: "CheckInSchedule", entityId: schedule?.Id.ToString());
        await db.SaveChangesAsync(cancellationToken);
        return schedule is null
            ? TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No schedule", detail: "This service user has no check-in schedule yet; PUT one.")
            : TypedResults.Ok(ScheduleResource.From(schedule));
    }

    private static async Task<IResult> PutScheduleAsync(
        Guid id, ScheduleRequest request, ClaimsPrincipal user, ScheduleCommands schedules, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var input = request.ToInput(errors);
        if (input is null)
        {
            return ApiCaller.Invalid(errors);
        }

        var change = await schedules.SaveAsync(user.Actor(), id, input, cancellationToken);
        return change.Outcome switch
        {
            ChangeOutcome.Saved => TypedResults.Ok(ScheduleResource.From(change.Saved!)),
            ChangeOutcome.NotFound => ApiCaller.NotFound("service user"),
            _ => ApiCaller.Invalid(change.Errors),
        };
    }

    private static IResult Refused<T>(ServiceUserChange<T> change)
        where T : class => change.Outcome switch
        {
            ChangeOutcome.NotFound => ApiCaller.NotFound("service user"),
            ChangeOutcome.PhoneInUse => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Phone number in use",
                detail: ServiceUserCommands.SameOrganisationMessage + "."),
            ChangeOutcome.PhoneUnavailable => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Phone number cannot be used",
                detail: ServiceUserCommands.UnavailableMessage + "."),
            _ => ApiCaller.Invalid(change.Errors),
        };

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
