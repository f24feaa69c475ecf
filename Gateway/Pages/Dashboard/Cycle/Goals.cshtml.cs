using Buddy.Domain.Goals;
using Buddy.Domain.Validation;
using Buddy.Gateway.Dashboard;
using Buddy.Gateway.Data;
using Buddy.Gateway.Goals;
using Microsoft.AspNetCore.Mvc;

namespace Buddy.Gateway.Pages.Dashboard.Cycle;

/// <summary>Takes the cycle screen's goal changes: add or edit a goal, pause, resume, complete or archive one.</summary>
public sealed class GoalsModel(CycleScreenQuery screens, BuddyDbContext db, GoalService goals, GoalQueries queries) : CyclePageModel(screens, db)
{
    [BindProperty]
    public GoalForm Goal { get; set; } = new();

    public IActionResult OnGet(Guid serviceUserId) => RedirectToPage("/Dashboard/Cycle", null, new { serviceUserId }, "goals");

    public async Task<IActionResult> OnPostSaveGoalAsync(CancellationToken cancellationToken)
    {
        if (Goal.GoalId is { } existing && !await queries.BelongsToAsync(Person.Id, existing, cancellationToken))
        {
            return NotFound();
        }

        var errors = new FieldErrors();
        var input = GoalInputParser.Parse(Goal.Text, Goal.Days, Goal.Time, errors);
        errors = Renamed(errors, ("ReminderDays", "Days"), ("ReminderTime", "Time"));
        if (input is null)
        {
            return await InvalidAsync(errors, "Goal", cancellationToken);
        }

        return await AttemptAsync(
            "Goal.Text",
            actor => Goal.GoalId is { } id
                ? goals.UpdateAsync(Person.OrganisationId, id, input, actor, cancellationToken)
                : goals.CreateAsync(Person.OrganisationId, Person.Id, input, actor, cancellationToken),
            saved => $"Goal {(Goal.GoalId is null ? "added" : "saved")}: \u201c{saved.Text}\u201d." +
                (saved.NextDueAtUtc is { } next ? $" Next reminder {LocalDisplay.DateTime(next, Person.TimeZoneId)}." : " No reminders are set."),
            "goals",
            cancellationToken);
    }

    public async Task<IActionResult> OnPostGoalStatusAsync(Guid goalId, string? status, CancellationToken cancellationToken)
    {
        if (!await queries.BelongsToAsync(Person.Id, goalId, cancellationToken))
        {
            return NotFound();
        }

        if (!Enum.TryParse<GoalStatus>(status, ignoreCase: false, out var wanted) || !Enum.IsDefined(wanted))
        {
            return await InvalidAsync(FieldErrors.One("goals", "Choose resume, pause, completed or archive"), "", cancellationToken);
        }

        return await AttemptAsync(
            "goals",
            actor => goals.SetStatusAsync(Person.OrganisationId, goalId, wanted, actor, cancellationToken),
            goal => wanted switch
            {
                GoalStatus.Active => $"Goal resumed: \u201c{goal.Text}\u201d.",
                GoalStatus.Paused => $"Goal paused: \u201c{goal.Text}\u201d. No reminders until it is resumed.",
                GoalStatus.Achieved => $"Goal completed: \u201c{goal.Text}\u201d.",
                _ => $"Goal archived: \u201c{goal.Text}\u201d.",
            },
            "goals",
            cancellationToken);
    }

    protected override void KeepForm(CycleScreen view) => view.Goal = Goal;
}
