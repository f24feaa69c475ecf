using Buddy.Domain.Audit;
using Buddy.Domain.Staff;
using Buddy.Domain.Validation;
using Buddy.Gateway.Audit;
using Buddy.Gateway.Caseloads;
using Buddy.Gateway.Data;
using Buddy.Gateway.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Buddy.Gateway.Staff;

/// <summary>A reset link's two parts: whose account, and Identity's one-time token.</summary>
public sealed record PasswordResetLink(Guid UserId, string Token);

/// <summary>
/// A manager resets a forgotten password without ever knowing the new one: Buddy makes a one-time link, shown once to
/// the manager to hand over in person (or by a channel only the staff member reads), and the staff member chooses
/// their own password with it. The link is Identity's reset token: it works for <see cref="LinkLifetime"/>, once
/// (setting the password changes the account's security stamp, which the token is bound to), and making a new link
/// changes the stamp too, so any earlier link stops working and the account's open sessions end at their next
/// check. The link is never logged or stored; issuing and using it are both audited.
/// </summary>
public sealed class PasswordResets(BuddyDbContext db, UserManager<BuddyUser> users, StaffAccounts accounts, StaffChanges changes, AuditTrail audit)
{
    public static readonly TimeSpan LinkLifetime = TimeSpan.FromHours(24);

    /// <summary>Refused with the reason when the actor may not reset this account; another organisation's is NotFound.</summary>
    public async Task<Change<PasswordResetLink>> IssueAsync(CaseloadScope actor, Guid staffId, CancellationToken cancellationToken)
    {
        var member = await db.StaffMembers.SingleOrDefaultAsync(s => s.Id == staffId && s.OrganisationId == actor.OrganisationId, cancellationToken);
        if (member is null)
        {
            return Change.NotFound<PasswordResetLink>();
        }

        var permissions = StaffChanges.Permissions(actor, await changes.ActorRoleAsync(actor, cancellationToken), member);
        if (!permissions.CanResetPassword || await accounts.FindAsync(member) is not { } user)
        {
            return Change.Refused<PasswordResetLink>(permissions.Why ?? "A deactivated account's password cannot be reset: reactivate it first.");
        }

        await users.UpdateSecurityStampAsync(user); // earlier links stop working
        var token = await users.GeneratePasswordResetTokenAsync(user);
        await audit.RecordAsync(actor, "staff.password-reset-issued", null, AuditEntities.StaffMember, member.Id.ToString(), cancellationToken: cancellationToken);
        return Change.Saved(new PasswordResetLink(user.Id, token));
    }

    /// <summary>The staff member the link is for, or null when it has expired, was used, was replaced or names nobody.</summary>
    public async Task<StaffMember?> CheckAsync(Guid userId, string? token, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(token) || await users.FindByIdAsync(userId.ToString()) is not { } user ||
            !await users.VerifyUserTokenAsync(user, users.Options.Tokens.PasswordResetTokenProvider, UserManager<BuddyUser>.ResetPasswordTokenPurpose, token))
        {
            return null;
        }

        return await db.StaffMembers.AsNoTracking().SingleOrDefaultAsync(s => s.Id == user.StaffMemberId && s.IsActive, cancellationToken);
    }

    /// <summary>Sets the password; Invalid (errors keyed Password) for Identity's rules or a dead link. Unlocks a locked-out account.</summary>
    public async Task<Change<StaffMember>> CompleteAsync(Guid userId, string token, string password, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var member = await CheckAsync(userId, token, cancellationToken);
        var user = member is null ? null : await users.FindByIdAsync(userId.ToString());
        if (member is null || user is null)
        {
            errors.Add(StaffCommands.PasswordField, "This link has expired or has already been used: ask your service manager for a new one");
            return Change.Invalid<StaffMember>(errors);
        }

        var result = await users.ResetPasswordAsync(user, token, password);
        foreach (var error in result.Errors)
        {
            errors.Add(StaffCommands.PasswordField, error.Description);
        }

        if (result.Succeeded)
        {
            await users.SetLockoutEndDateAsync(user, null);
            await users.ResetAccessFailedCountAsync(user);
            var self = new CaseloadScope(member.OrganisationId, null, AuditActorType.Staff, member.Id);
            await audit.RecordAsync(self, "staff.password-reset", null, AuditEntities.StaffMember, member.Id.ToString(), cancellationToken: cancellationToken);
            return Change.Saved(member);
        }

        return Change.Invalid<StaffMember>(errors);
    }
}
