using Buddy.Gateway.Data;
using Buddy.Gateway.Manage;
using Buddy.Gateway.ServiceUsers;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Buddy.Gateway.Pages.Manage.ServiceUsers;

/// <summary>Add a service user and their check-in schedule in one step.</summary>
public sealed class CreateModel(BuddyDbContext db, ServiceUserCommands commands) : ManagePageModel
{
    [BindProperty]
    public ServiceUserForm Input { get; set; } = new();

    [BindProperty]
    public ScheduleForm Schedule { get; set; } = new();

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Input.TimeZoneId = await DefaultZoneAsync(cancellationToken);
        Schedule = ScheduleForm.Default();
        await LoadChoicesAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var schedule = Schedule.ToInput();
        if (schedule is null && !ModelState.ContainsKey("Schedule.LocalTime"))
        {
            ModelState.AddModelError("Schedule.LocalTime", "Enter the check-in time, for example 19:00");
        }

        if (ModelState.IsValid && schedule is not null)
        {
            var change = await commands.CreateAsync(Scope, Input.ToInput(await DefaultZoneAsync(cancellationToken)) with { Status = Domain.ServiceUsers.ServiceUserStatus.Active, PausedUntil = null }, schedule, cancellationToken);
            if (change.Outcome == ChangeOutcome.Saved)
            {
                Confirmation = $"{change.Saved!.DisplayName} was added. Their first check-in goes out at the next scheduled time.";
                return RedirectToPage("Edit", new { id = change.Saved.Id });
            }

            var scheduleFields = typeof(ScheduleForm).GetProperties().Select(p => p.Name).ToHashSet();
            foreach (var (field, messages) in change.Errors)
            {
                foreach (var message in messages)
                {
                    ModelState.AddModelError($"{(scheduleFields.Contains(field) ? "Schedule" : "Input")}.{field}", message);
                }
            }
        }

        await LoadChoicesAsync(cancellationToken);
        return Page();
    }

    private Task<string> DefaultZoneAsync(CancellationToken cancellationToken) =>
        db.Organisations.Where(o => o.Id == Scope.OrganisationId).Select(o => o.TimeZoneId).SingleAsync(cancellationToken);

    private async Task LoadChoicesAsync(CancellationToken cancellationToken)
    {
        ViewData["Therapists"] = await db.TherapistsAsync(Scope, Input.TherapistId, cancellationToken);
        ViewData["Templates"] = await db.CheckInTemplatesAsync(Scope, cancellationToken);
    }
}
