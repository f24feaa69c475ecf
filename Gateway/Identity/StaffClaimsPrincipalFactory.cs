using System.Security.Claims;
using Buddy.Gateway.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Buddy.Gateway.Identity;

/// <summary>Puts the staff member's id, organisation, name and role into the sign-in cookie.</summary>
internal sealed class StaffClaimsPrincipalFactory(UserManager<BuddyUser> users, IOptions<IdentityOptions> options, BuddyDbContext db)
    : UserClaimsPrincipalFactory<BuddyUser>(users, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(BuddyUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        var staff = await db.StaffMembers.AsNoTracking().SingleAsync(s => s.Id == user.StaffMemberId);
        identity.AddClaim(new Claim(BuddyClaims.StaffMemberId, staff.Id.ToString()));
        identity.AddClaim(new Claim(BuddyClaims.OrganisationId, staff.OrganisationId.ToString()));
        identity.AddClaim(new Claim(BuddyClaims.DisplayName, staff.DisplayName));
        identity.AddClaim(new Claim(ClaimTypes.Role, staff.Role.ToString()));
        return identity;
    }
}
