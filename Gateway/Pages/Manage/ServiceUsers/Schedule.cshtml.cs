using Buddy.Domain.ServiceUsers;
using Buddy.Gateway.Audit;
using Buddy.Gateway.Caseloads;
using Buddy.Domain.Validation;
using Buddy.Gateway.Dashboard;
using Buddy.Gateway.Data;
using Buddy.Gateway.Manage;
using Buddy.Gateway.Schedules;
using Buddy.Gateway.ServiceUsers;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Buddy.Gateway.Pages.Manage.ServiceUsers;

/// <summary>A service user's check-in schedule and reminder policy.</summary>
public sealed class ScheduleModel(BuddyDbContext db, CaseloadAccess caseloads, ScheduleCommands schedules, AuditTrail audit) : ManagePageModel
{
    [BindProperty]
    public ScheduleForm Schedule { get; set; } = new();

    public ServiceUser ServiceUser { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        var existing = await db.CheckInSchedules.AsNoTracking().SingleOrDefaultAsync(s => s.ServiceUserId == id, cancellationToken);
        Schedule = existing is null ? ScheduleForm.Default() : ScheduleForm.From(existing);
        await audit.RecordAsync(Scope, "schedule.viewed", id, AuditEntities.CheckInSchedule, existing?.Id.ToString(), cancellationToken: cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        var errors = new FieldErrors();
        var input = Schedule.ToInput(errors);
        AddErrors(errors, "Schedule");
        if (ModelState.IsValid && input is not null)
        {
            var change = await schedules.SaveAsync(Scope, id, input, cancellationToken);
            if (change.IsSaved)
            {
                Confirmation = $"{ServiceUser.DisplayName}'s check-in schedule was saved. " + (change.Saved!.NextDueAtUtc is { } next
                    ? $"The next check-in goes out {LocalDisplay.DateTime(next, ServiceUser.TimeZoneId)} (their time)."
                    : "No check-in is due: " + (change.Saved.IsEnabled ? "look at their status and the schedule's days and dates." : "check-ins are stopped."));
                return RedirectToPage("Edit", new { id });
            }

            AddErrors(change.Errors, "Schedule");
        }

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
        ViewData["Templates"] = await db.CheckInTemplatesAsync(Scope, cancellationToken);
        return true;
    }
}
