using Buddy.Domain.Staff;
using Buddy.Gateway.Manage;
using Buddy.Gateway.Staff;
using Microsoft.AspNetCore.Mvc;

namespace Buddy.Gateway.Pages.Manage.Staff;

/// <summary>Add a therapist or manager with a sign-in account (the same code as the create-staff verb).</summary>
public sealed class CreateModel(StaffCommands staff) : ManagePageModel
{
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

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var (created, errors) = await staff.CreateAsync(
            Scope, new StaffInput(Input.DisplayName ?? "", Input.Email ?? "", Input.Role, Input.AlertPhone), Input.Password ?? "", cancellationToken);
        if (created is null)
        {
            AddErrors(errors);
            Input.Password = null;
            return Page();
        }

        Confirmation = $"{created.DisplayName} can now sign in as {created.Email}.";
        return RedirectToPage("Index");
    }
}
