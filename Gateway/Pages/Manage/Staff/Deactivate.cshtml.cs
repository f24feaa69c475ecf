using Buddy.Domain.Staff;
using Buddy.Gateway.Data;
using Buddy.Gateway.Manage;
using Buddy.Gateway.Staff;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Buddy.Gateway.Pages.Manage.Staff;

/// <summary>
/// "Are you sure?" before an account is deactivated, saying what happens to the person's sign-in and caseload. Never
/// for the manager's own account (they would lock themselves out) or, for a service manager, an administrator's.
/// </summary>
public sealed class DeactivateModel(BuddyDbContext db, StaffChanges changes, StaffCommands staff) : ManagePageModel
{
    public StaffMember Member { get; private set; } = null!;

    public int Caseload { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        await staff.SetActiveAsync(Scope, id, false, cancellationToken);
        Confirmation = $"{Member.DisplayName}'s account was deactivated. They can no longer sign in.";
        return RedirectToPage("Index");
    }

    /// <summary>Null when the page may go on; otherwise the answer instead (not found, or not allowed).</summary>
    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var member = await db.StaffMembers.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id && s.OrganisationId == Scope.OrganisationId, cancellationToken);
        if (member is null || !member.IsActive)
        {
            return NotFound();
        }

        Member = member;
        var permissions = StaffChanges.Permissions(Scope, await changes.ActorRoleAsync(Scope, cancellationToken), member);
        if (permissions.IsSelf)
        {
            return NotFound(); // not offered: nobody deactivates their own account
        }

        if (!permissions.CanDeactivate)
        {
            return Forbid();
        }

        Caseload = await db.ServiceUsers.CountAsync(s => s.TherapistId == id && s.Status != Domain.ServiceUsers.ServiceUserStatus.Discharged, cancellationToken);
        return null;
    }
}
