using Buddy.Domain.Validation;
using Buddy.Gateway.Dashboard;
using Buddy.Gateway.Data;
using Buddy.Gateway.Schedules;
using Microsoft.AspNetCore.Mvc;

namespace Buddy.Gateway.Pages.Dashboard.Cycle;

/// <summary>Takes the cycle screen's check-in style: one message, or Buddy's original two steps. Written by <see cref="ScheduleCommands"/>.</summary>
public sealed class CheckInStyleModel(CycleScreenQuery screens, BuddyDbContext db, ScheduleCommands schedules) : CyclePageModel(screens, db)
{
    public IActionResult OnGet(Guid serviceUserId) => RedirectToPage("/Dashboard/Cycle", null, new { serviceUserId }, "check-ins");

    public async Task<IActionResult> OnPostCheckInStyleAsync(string? style, CancellationToken cancellationToken)
    {
        if (style is not ("one" or "two"))
        {
            return await InvalidAsync(FieldErrors.One("check-in-style", "Choose one message or two steps"), "", cancellationToken);
        }

        var twoStep = style == "two";
        var change = await schedules.SetCheckInStyleAsync(Scope, Person.Id, twoStep, cancellationToken);
        if (change.Outcome == ChangeOutcome.NotFound)
        {
            return await InvalidAsync(
                FieldErrors.One("check-in-style", $"{Person.DisplayName} has no check-in schedule yet: a service manager sets one up first"), "", cancellationToken);
        }

        return Done(twoStep
            ? "Check-ins now ask in two steps: \u201cHow are you feeling?\u201d, then \u201cWhat have you been doing?\u201d."
            : "Check-ins now ask in one message.", "check-ins");
    }
}
