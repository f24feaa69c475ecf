using System.Security.Claims;
using Buddy.Domain.Staff;

namespace Buddy.Gateway.Identity;

/// <summary>What a signed-in staff member's cookie carries, read back in one place.</summary>
public static class BuddyClaims
{
    public const string StaffMemberId = "buddy:staff_id";
    public const string OrganisationId = "buddy:organisation_id";
    public const string DisplayName = "buddy:display_name";

    public static Guid? StaffMemberIdOf(this ClaimsPrincipal user) => GuidClaim(user, StaffMemberId);

    public static Guid? OrganisationIdOf(this ClaimsPrincipal user) => GuidClaim(user, OrganisationId);

    public static string DisplayNameOf(this ClaimsPrincipal user) => user.FindFirstValue(DisplayName) ?? user.Identity?.Name ?? "";

    public static StaffRole? RoleOf(this ClaimsPrincipal user) =>
        Enum.TryParse<StaffRole>(user.FindFirstValue(ClaimTypes.Role), out var role) ? role : null;

    private static Guid? GuidClaim(ClaimsPrincipal user, string type) =>
        Guid.TryParse(user.FindFirstValue(type), out var id) ? id : null;
}
