using Buddy.Domain.Staff;
using Buddy.Domain.Validation;
using Buddy.Gateway.Data;
using Buddy.Gateway.Manage;
using Buddy.Gateway.Staff;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Buddy.Gateway.Pages.Manage.Staff;

/// <summary>
/// One staff account: name, role and alert phone; a password reset link; deactivation (on its own confirmation page)
/// or reactivation. What may be done follows <see cref="StaffChanges.Permissions"/>: nothing that would change the
/// manager's own access, and nothing to an administrator's account unless the manager is one.
/// </summary>
public sealed class EditModel(BuddyDbContext db, StaffChanges changes, PasswordResets resets, StaffCommands staff) : ManagePageModel
{
    /// <summary>The fields in the order the form shows them.</summary>
    public sealed class DetailsForm
    {
        public string? DisplayName { get; set; }
        public StaffRole Role { get; set; }
        public string? AlertPhone { get; set; }
    }

    [BindProperty]
    public DetailsForm Input { get; set; } = new();

    public StaffMember Member { get; private set; } = null!;

    public StaffPermissions Permissions { get; private set; } = null!;

    public IReadOnlyList<StaffRole> Roles { get; private set; } = [];

    /// <summary>The reset link just made, shown this once and never stored.</summary>
    public string? ResetLink { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Input = new DetailsForm { DisplayName = Member.DisplayName, Role = Member.Role, AlertPhone = Member.AlertPhone };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (ModelState.IsValid)
        {
            var change = await changes.UpdateAsync(Scope, id, Input.DisplayName, Input.Role, Input.AlertPhone, cancellationToken);
            if (change.Outcome == ChangeOutcome.NotFound)
            {
                return NotFound();
            }

            if (change.Saved is { } saved)
            {
                Confirmation = $"{saved.DisplayName}'s details were saved." +
                    (saved.Role != Member.Role ? " The new role applies within five minutes, or when they next sign in." : "");
                return RedirectToPage(new { id });
            }

            AddErrors(change.Errors);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostResetLinkAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        var change = await resets.IssueAsync(Scope, id, cancellationToken);
        if (change.Outcome == ChangeOutcome.NotFound)
        {
            return NotFound();
        }

        if (change.Saved is not { } link)
        {
            ModelState.AddModelError("password", change.Reason!);
        }
        else
        {
            ResetLink = Url.Page("/Account/ResetPassword", null, new { user = link.UserId, token = link.Token }, Request.Scheme, Request.Host.Value);
        }

        Input = new DetailsForm { DisplayName = Member.DisplayName, Role = Member.Role, AlertPhone = Member.AlertPhone };
        return Page();
    }

    public async Task<IActionResult> OnPostReactivateAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (Permissions.Why is not null)
        {
            return Forbid();
        }

        await staff.SetActiveAsync(Scope, id, true, cancellationToken);
        Confirmation = $"{Member.DisplayName}'s account was reactivated: they can sign in again.";
        return RedirectToPage(new { id });
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var member = await db.StaffMembers.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id && s.OrganisationId == Scope.OrganisationId, cancellationToken);
        if (member is null)
        {
            return false;
        }

        Member = member;
        var actorRole = await changes.ActorRoleAsync(Scope, cancellationToken);
        Permissions = StaffChanges.Permissions(Scope, actorRole, member);
        Roles = [.. StaffChanges.AssignableBy(actorRole).Union([member.Role])];
        await LoadOrganisationAsync(db, cancellationToken);
        return true;
    }
}
