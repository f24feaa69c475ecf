using System.Security.Claims;
using Buddy.Domain.Staff;
using Buddy.Gateway.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Buddy.Gateway.Api;

internal static class StaffApi
{
    public static RouteGroupBuilder MapStaffApi(this RouteGroupBuilder api)
    {
        api.MapGet("/therapists", ListTherapistsAsync).WithName("ListTherapists").WithTags("Therapists")
            .WithSummary("The organisation's therapists, so a service user can be assigned to one (therapistId).");
        return api;
    }

    public sealed record TherapistResource(Guid Id, string DisplayName, bool IsActive);

    private static async Task<Ok<List<TherapistResource>>> ListTherapistsAsync(ClaimsPrincipal user, BuddyDbContext db, CancellationToken cancellationToken)
    {
        var organisationId = user.Actor().OrganisationId;
        var therapists = await db.StaffMembers.AsNoTracking()
            .Where(s => s.OrganisationId == organisationId && s.Role == StaffRole.Therapist)
            .OrderBy(s => s.DisplayName)
            .Select(s => new TherapistResource(s.Id, s.DisplayName, s.IsActive))
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(therapists);
    }
}
