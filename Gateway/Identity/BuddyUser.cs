using Microsoft.AspNetCore.Identity;

namespace Buddy.Gateway.Identity;

/// <summary>
/// A staff member's sign-in account (ASP.NET Core Identity). The staff record stays the source of truth for
/// name, organisation and role; this row holds only what signing in needs (password hash, lockout, stamps).
/// </summary>
public sealed class BuddyUser : IdentityUser<Guid>
{
    public Guid StaffMemberId { get; set; }
}
