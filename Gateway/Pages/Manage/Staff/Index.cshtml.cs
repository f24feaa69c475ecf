using Buddy.Domain.Staff;
using Buddy.Gateway.Data;
using Buddy.Gateway.Manage;
using Buddy.Gateway.Staff;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Buddy.Gateway.Pages.Manage.Staff;

/// <summary>The organisation's staff, with deactivate and reactivate.</summary>
public sealed class IndexModel(BuddyDbContext db, StaffCommands staff) : ManagePageModel
{
    public IReadOnlyList<StaffMember> Members { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Members = await db.StaffMembers.AsNoTracking().Where(s => s.OrganisationId == Scope.OrganisationId)
            .OrderBy(s => s.DisplayName).ToListAsync(cancellationToken);

    public Task<IActionResult> OnPostDeactivateAsync(Guid id, CancellationToken cancellationToken) => SetActiveAsync(id, false, cancellationToken);

    public Task<IActionResult> OnPostReactivateAsync(Guid id, CancellationToken cancellationToken) => SetActiveAsync(id, true, cancellationToken);

    private async Task<IActionResult> SetActiveAsync(Guid id, bool active, CancellationToken cancellationToken)
    {
        if (id == Scope.ActorId)
        {
            Confirmation = "You cannot deactivate your own account; ask another manager.";
            return RedirectToPage();
        }

        if (!await staff.SetActiveAsync(Scope, id, active, cancellationToken))
        {
            return NotFound();
        }

        Confirmation = active ? "The account was reactivated." : "The account was deactivated. They can no longer sign in.";
        return RedirectToPage();
    }
}
