using Buddy.Domain.Schedules;
using Buddy.Domain.ServiceUsers;
using Buddy.Gateway.Audit;
using Buddy.Gateway.Caseloads;
using Buddy.Gateway.Data;
using Buddy.Gateway.Manage;
using Buddy.Gateway.ServiceUsers;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Buddy.Gateway.Pages.Manage.ServiceUsers;

/// <summary>Change a service user's details, therapist and status (active, paused until a date, discharged). Consent is shown, never set.</summary>
public sealed class EditModel(BuddyDbContext db, CaseloadAccess caseloads, ServiceUserCommands commands, AuditTrail audit) : ManagePageModel
{
    [BindProperty]
    public ServiceUserForm Input { get; set; } = new();

    public ServiceUser ServiceUser { get; private set; } = null!;

    public CheckInSchedule? Schedule { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Input = ServiceUserForm.From(ServiceUserCommands.ToInput(ServiceUser));
        await audit.RecordAsync(Scope, "service-user.viewed", id, AuditEntities.ServiceUser, id.ToString(), cancellationToken: cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        var errors = new Domain.Validation.FieldErrors();
        var input = Input.ToInput(ServiceUser.TimeZoneId, errors);
        AddErrors(errors);
        if (ModelState.IsValid)
        {
            var change = await commands.UpdateAsync(Scope, id, input, cancellationToken);
            if (change.IsSaved)
            {
                Confirmation = $"{change.Saved!.DisplayName}'s details were saved.";
                return RedirectToPage("Edit", new { id });
            }

            AddErrors(change.Errors);
        }

        await LoadAsync(id, cancellationToken);
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var found = await caseloads.FindAsync(Scope, id, cancellationToken);
        if (found is null)
        {
            return false;
        }

        ServiceUser = found;
        await LoadOrganisationAsync(db, cancellationToken);
        Schedule = await db.CheckInSchedules.AsNoTracking().SingleOrDefaultAsync(s => s.ServiceUserId == id, cancellationToken);
        ViewData["Therapists"] = await db.TherapistsAsync(Scope, found.TherapistId, cancellationToken);
        return true;
    }
}
