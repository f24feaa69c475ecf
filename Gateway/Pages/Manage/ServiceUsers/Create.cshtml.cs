using Buddy.Domain.Validation;
using Buddy.Gateway.Dashboard;
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
        Schedule = ScheduleForm.Default();
        await LoadChoicesAsync(cancellationToken);
        Input.TimeZoneId = (string)ViewData["OrganisationZone"]!;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        // Every field is read and every problem shown at once: a cleared check-in time is an error like any other.
        var scheduleErrors = new FieldErrors();
        var schedule = Schedule.ToInput(scheduleErrors);
        AddErrors(scheduleErrors, "Schedule");
        if (ModelState.IsValid && schedule is not null)
        {
            var person = Input.ToInput((await LoadOrganisationAsync(db, cancellationToken)).TimeZoneId, new FieldErrors())
                with { Status = Domain.ServiceUsers.ServiceUserStatus.Active, PausedUntil = null };
            var change = await commands.CreateAsync(Scope, person, schedule, cancellationToken);
            if (change.IsSaved)
            {
                Confirmation = $"{change.Saved!.DisplayName} was added. " + FirstCheckIn(change.Saved, await NextCheckInAsync(change.Saved.Id, cancellationToken));
                return RedirectToPage("Edit", new { id = change.Saved.Id });
            }

            var scheduleFields = typeof(ScheduleForm).GetProperties().Select(p => p.Name).ToHashSet();
            ModelState.AddErrors(change.Errors, field => $"{(scheduleFields.Contains(field) ? "Schedule" : "Input")}.{field}");
        }

        await LoadChoicesAsync(cancellationToken);
        return Page();
    }

    private Task<DateTime?> NextCheckInAsync(Guid serviceUserId, CancellationToken cancellationToken) =>
        db.CheckInSchedules.Where(s => s.ServiceUserId == serviceUserId).Select(s => s.NextDueAtUtc).SingleOrDefaultAsync(cancellationToken);

    private static string FirstCheckIn(Domain.ServiceUsers.ServiceUser person, DateTime? nextUtc) => nextUtc is { } next
        ? $"Their first check-in goes out {LocalDisplay.DateTime(next, person.TimeZoneId)} (their time)."
        : "No check-in is due yet: look at their schedule.";

    private async Task LoadChoicesAsync(CancellationToken cancellationToken)
    {
        await LoadOrganisationAsync(db, cancellationToken);
        ViewData["Therapists"] = await db.TherapistsAsync(Scope, Input.TherapistId, cancellationToken);
        ViewData["Templates"] = await db.CheckInTemplatesAsync(Scope, cancellationToken);
    }
}
