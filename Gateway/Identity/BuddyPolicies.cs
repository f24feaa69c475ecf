using Buddy.Domain.Staff;

namespace Buddy.Gateway.Identity;

/// <summary>
/// Authorisation policy names. Roles come from <see cref="StaffMember.Role"/> (the one source of truth), put
/// into the cookie as role claims by <see cref="StaffClaimsPrincipalFactory"/>.
/// </summary>
public static class BuddyPolicies
{
    /// <summary>Any active staff member (therapists see their caseload; managers and admins their organisation).</summary>
    public const string Staff = "staff";

    /// <summary>Service managers and admins: the manager console.</summary>
    public const string Manager = "manager";

    public static readonly string[] StaffRoles = Enum.GetNames<StaffRole>();

    public static readonly string[] ManagerRoles = [nameof(StaffRole.ServiceManager), nameof(StaffRole.Admin)];
}
