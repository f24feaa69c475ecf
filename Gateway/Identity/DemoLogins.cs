using Buddy.Gateway.Data;
using Microsoft.EntityFrameworkCore;

namespace Buddy.Gateway.Identity;

/// <summary>
/// Sign-in accounts for demo data: every active staff member without an account gets one with
/// <see cref="Password"/>, so `seed-demo` can print "sign in as therapist@... / Buddy-demo-2026!".
/// Only for demo and development databases: the password is public.
/// </summary>
public static class DemoLogins
{
    /// <summary>The documented demo password (meets the password rules: 12+ characters, mixed classes).</summary>
    public const string Password = "Buddy-demo-2026!";

    /// <summary>Returns the email addresses given an account by this call.</summary>
    public static async Task<IReadOnlyList<string>> CreateAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BuddyDbContext>();
        var accounts = scope.ServiceProvider.GetRequiredService<StaffAccounts>();
        var withAccount = db.Users.Select(u => u.StaffMemberId);
        var staff = await db.StaffMembers.Where(s => s.IsActive && !withAccount.Contains(s.Id)).OrderBy(s => s.Email).ToListAsync(cancellationToken);
        var created = new List<string>();
        foreach (var member in staff)
        {
            var result = await accounts.CreateAsync(member, Password);
            if (!result.Succeeded)
            {
                throw new InvalidOperationException($"Could not create a demo login for {member.Email}: {string.Join(" ", result.Errors.Select(e => e.Description))}");
            }

            created.Add(member.Email);
        }

        return created;
    }
}
