using Buddy.Gateway.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Buddy.Gateway.Identity;

/// <summary>Identity's sign-in manager, except that a deactivated staff member cannot sign in.</summary>
internal sealed class StaffSignInManager(
    UserManager<BuddyUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<BuddyUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<BuddyUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<BuddyUser> confirmation,
    BuddyDbContext db)
    : SignInManager<BuddyUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    public override async Task<bool> CanSignInAsync(BuddyUser user) =>
        await base.CanSignInAsync(user)
        && await db.StaffMembers.AnyAsync(s => s.Id == user.StaffMemberId && s.IsActive);
}
