using Buddy.Domain.Staff;
using Microsoft.AspNetCore.Identity;

namespace Buddy.Gateway.Identity;

/// <summary>
/// Gives a staff member a sign-in account. Used by the manager console, the <c>create-staff</c> verb and the
/// demo seed, so password rules and lockout apply the same way everywhere.
/// </summary>
public sealed class StaffAccounts(UserManager<BuddyUser> users)
{
    /// <summary>Creates the account; the result carries Identity's own messages (e.g. password rules) on failure.</summary>
    public async Task<IdentityResult> CreateAsync(StaffMember staff, string password)
    {
        var user = new BuddyUser
        {
            Id = Guid.NewGuid(),
            StaffMemberId = staff.Id,
            UserName = staff.Email,
            Email = staff.Email,
            EmailConfirmed = true,
        };
        return await users.CreateAsync(user, password);
    }

    public Task<BuddyUser?> FindAsync(StaffMember staff) => users.FindByNameAsync(staff.Email);
}
