using Buddy.Domain.Staff;
using Buddy.Gateway.Data;
using Buddy.Gateway.Manage;
using Buddy.Gateway.Staff;
using Microsoft.AspNetCore.Mvc;

namespace Buddy.Gateway.Pages.Manage.Staff;

/// <summary>Add a therapist or manager with a sign-in account (the same code as the create-staff verb).</summary>
public sealed class CreateModel(BuddyDbContext db, StaffCommands staff, StaffChanges changes) : ManagePageModel
{
    /// <summary>The fields in the order the form shows them (the error summary follows it).</summary>
    public sealed class StaffForm
    {
        public string? DisplayName { get; set; }
        public string? Email { get; set; }
        public StaffRole Role { get; set; } = StaffRole.Therapist;
        public string? AlertPhone { get; set; }
        public string? Password { get; set; }
    }

    [BindProperty]
    public StaffForm Input { get; set; } = new();

    /// <summary>The roles this manager may give: only an administrator makes another.</summary>
    public IReadOnlyList<StaffRole> Roles { get; private set; } = [];

    public Task OnGetAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var change = await staff.CreateAsync(
            Scope, new StaffInput(Input.DisplayName ?? "", Input.Email ?? "", Input.Role, Input.AlertPhone), Input.Password ?? "", cancellationToken);
        if (change.Saved is not { } created)
        {
            AddErrors(change.Errors);
            Input.Password = null;
            return Page();
        }

        Confirmation = $"{created.DisplayName} can now sign in as {created.Email}.";
        return RedirectToPage("Index");
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        await LoadOrganisationAsync(db, cancellationToken);
        Roles = StaffChanges.AssignableBy(await changes.ActorRoleAsync(Scope, cancellationToken));
    }
}
