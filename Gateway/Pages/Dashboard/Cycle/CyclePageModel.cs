using Buddy.Domain.ServiceUsers;
using Buddy.Domain.Validation;
using Buddy.Gateway.Audit;
using Buddy.Gateway.Caseloads;
using Buddy.Gateway.Dashboard;
using Buddy.Gateway.Data;
using Buddy.Gateway.Manage;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Buddy.Gateway.Pages.Dashboard.Cycle;

/// <summary>
/// The pages of one service user's session cycle: the screen itself (<see cref="Dashboard.CycleModel"/>) and one page
/// per part that takes its changes (sessions, goals, questionnaires, check-in style). The filter admits the person
/// once; a change ends in a confirmation on the screen, or the whole screen again with the refusal on its form.
/// </summary>
[ServiceUserPageFilter]
public abstract class CyclePageModel(CycleScreenQuery screens, BuddyDbContext db) : PageModel
{
    /// <summary>A one-off confirmation after a change ("Session recorded"), shown by the screen after the redirect.</summary>
    [TempData]
    public string? Confirmation { get; set; }

    public CycleScreen View { get; private set; } = null!;

    protected ServiceUser Person => ServiceUserInScope.Of(HttpContext).Person;

    protected CaseloadScope Scope => ServiceUserInScope.Of(HttpContext).Scope;

    /// <summary>The page that takes a handler of the cycle screen's forms; null for a handler no page has.</summary>
    public static string? PageTaking(string? handler) => handler switch
    {
        "SaveSession" or "MarkSession" or "AcknowledgeNotice" => "/Dashboard/Cycle/Sessions",
        "SaveGoal" or "GoalStatus" => "/Dashboard/Cycle/Goals",
        "SendQuestionnaire" or "ScheduleQuestionnaire" or "StopQuestionnaireSchedule" or "WithdrawQuestionnaire" => "/Dashboard/Cycle/Questionnaires",
        "CheckInStyle" => "/Dashboard/Cycle/CheckInStyle",
        _ => null,
    };

    /// <summary>The screen, with this page's form as typed.</summary>
    protected async Task<IActionResult> ShowAsync(CancellationToken cancellationToken)
    {
        View = await screens.LoadAsync(Scope, Person, Confirmation, cancellationToken);
        KeepForm(View);
        return Page();
    }

    /// <summary>Puts the form this page took back on the screen it shows again.</summary>
    protected virtual void KeepForm(CycleScreen view)
    {
    }

    /// <summary>
    /// Runs a change through its feature's command: a confirmation and redirect to the screen, 404 when the record has
    /// gone, or the screen again with the refusal on the form (under <paramref name="errorKey"/>).
    /// </summary>
    protected async Task<IActionResult> AttemptAsync<T>(
        string errorKey, Func<AuditActor, Task<Change<T>>> change, Func<T, string> confirmation, string fragment, CancellationToken cancellationToken)
        where T : class
    {
        var outcome = await change(AuditActor.Of(Scope));
        if (outcome.Saved is { } saved && outcome.IsSaved)
        {
            return Done(confirmation(saved), fragment);
        }

        if (outcome.Outcome == ChangeOutcome.NotFound)
        {
            return NotFound();
        }

        db.ChangeTracker.Clear(); // nothing half-made survives into the re-rendered page
        ModelState.AddRefusal(outcome, "", errorKey);
        return await ShowAsync(cancellationToken);
    }

    protected IActionResult Done(string confirmation, string fragment)
    {
        Confirmation = confirmation;
        return RedirectToPage("/Dashboard/Cycle", null, new { serviceUserId = Person.Id }, fragment);
    }

    /// <summary>The screen again with the NHS.UK error summary; the typed values stay in their fields.</summary>
    protected Task<IActionResult> InvalidAsync(FieldErrors errors, string prefix, CancellationToken cancellationToken)
    {
        ModelState.AddErrors(errors, prefix);
        return ShowAsync(cancellationToken);
    }

    /// <summary>
    /// The shared parsers (also the API's) read a date as yyyy-MM-dd and say "Enter the date" when there is none; a
    /// date typed in day, month and year boxes that cannot be read keeps the design system's message instead.
    /// </summary>
    protected static void KeepDateProblem(DateInput input, string what, string field, FieldErrors errors)
    {
        if (input.Read(what).Problem is { } problem)
        {
            errors[field] = [problem];
        }
    }

    /// <summary>The shared parsers name fields as the API does; the form names some of them differently.</summary>
    protected static FieldErrors Renamed(FieldErrors errors, params (string From, string To)[] renames)
    {
        var renamed = new FieldErrors();
        foreach (var (field, messages) in errors)
        {
            var name = renames.FirstOrDefault(r => r.From == field).To ?? field;
            foreach (var message in messages)
            {
                renamed.Add(name, message);
            }
        }

        return renamed;
    }
}
