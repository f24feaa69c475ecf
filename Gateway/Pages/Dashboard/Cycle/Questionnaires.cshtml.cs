using Buddy.Domain.Questionnaires;
using Buddy.Domain.Validation;
using Buddy.Gateway.Dashboard;
using Buddy.Gateway.Data;
using Buddy.Gateway.Questionnaires;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Buddy.Gateway.Pages.Dashboard.Cycle;

/// <summary>Takes the cycle screen's questionnaire changes: send now, schedule every N weeks, stop a schedule, withdraw one in progress.</summary>
public sealed class QuestionnairesModel(
    CycleScreenQuery screens, BuddyDbContext db, QuestionnaireService questionnaires, QuestionnaireQueries queries, TimeProvider clock) : CyclePageModel(screens, db)
{
    private readonly BuddyDbContext _db = db;

    [BindProperty]
    public QuestionnaireScheduleForm Questionnaire { get; set; } = new();

    public IActionResult OnGet(Guid serviceUserId) => RedirectToPage("/Dashboard/Cycle", null, new { serviceUserId }, "questionnaires");

    public async Task<IActionResult> OnPostSendQuestionnaireAsync(string? kind, CancellationToken cancellationToken)
    {
        if (QuestionnaireScheduleInput.ParseKind(kind) is not { } chosen)
        {
            return await InvalidAsync(FieldErrors.One("send-questionnaire", "Choose PHQ-9 or GAD-7"), "", cancellationToken);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var name = QuestionnaireDefinitions.For(chosen).Name;
        return await AttemptAsync(
            "send-questionnaire",
            actor => questionnaires.SendNowAsync(Person.OrganisationId, Person.Id, chosen, actor, cancellationToken),
            run => run.LastPromptAtUtc > now
                ? $"{name} queued: it goes at {LocalDisplay.DateTime(run.LastPromptAtUtc, Person.TimeZoneId)}, when {Person.GreetingName}'s quiet hours end."
                : $"{name} sent to {Person.GreetingName}. Answers arrive item by item below.",
            "questionnaires",
            cancellationToken);
    }

    public async Task<IActionResult> OnPostScheduleQuestionnaireAsync(CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var kind = QuestionnaireScheduleInput.ParseKind(Questionnaire.Kind);
        if (kind is null)
        {
            errors.Add("Kind", "Choose PHQ-9 or GAD-7");
        }

        var input = QuestionnaireScheduleInput.Parse(Questionnaire.EveryWeeks, Questionnaire.FirstDate.Iso("The first date"), Questionnaire.Time, errors);
        KeepDateProblem(Questionnaire.FirstDate, "The date of the first one", "FirstDate", errors);
        errors = Renamed(errors, ("LocalTime", "Time"));
        if (input is null || kind is null)
        {
            return await InvalidAsync(errors, "Questionnaire", cancellationToken);
        }

        return await AttemptAsync(
            "Questionnaire.FirstDate",
            actor => questionnaires.ScheduleAsync(Person.OrganisationId, Person.Id, kind.Value, input.EveryWeeks, input.FirstDate, input.LocalTime, actor, cancellationToken),
            schedule => $"{QuestionnaireDefinitions.For(kind.Value).Name} every {CycleScreen.Weeks(input.EveryWeeks)}, first on {LocalDisplay.DateTime(schedule.NextDueAtUtc, Person.TimeZoneId)}.",
            "questionnaires",
            cancellationToken);
    }

    public async Task<IActionResult> OnPostStopQuestionnaireScheduleAsync(Guid scheduleId, CancellationToken cancellationToken)
    {
        var schedule = await _db.QuestionnaireSchedules.AsNoTracking().SingleOrDefaultAsync(s => s.Id == scheduleId && s.ServiceUserId == Person.Id, cancellationToken);
        if (schedule is null)
        {
            return NotFound();
        }

        return await AttemptAsync(
            "questionnaire-schedules",
            actor => questionnaires.StopScheduleAsync(Person.OrganisationId, scheduleId, actor, cancellationToken),
            _ => $"{QuestionnaireDefinitions.For(schedule.Kind).Name} will no longer be sent on a schedule.",
            "questionnaires",
            cancellationToken);
    }

    public async Task<IActionResult> OnPostWithdrawQuestionnaireAsync(Guid runId, CancellationToken cancellationToken)
    {
        if (await queries.FindRunAsync(Person.Id, runId, cancellationToken) is not { } run)
        {
            return NotFound();
        }

        return await AttemptAsync(
            "runs",
            actor => questionnaires.WithdrawAsync(Person.OrganisationId, runId, actor, cancellationToken),
            _ => $"{QuestionnaireDefinitions.For(run.Kind).Name} withdrawn. Answers so far are kept, unscored.",
            "questionnaires",
            cancellationToken);
    }

    protected override void KeepForm(CycleScreen view) => view.Questionnaire = Questionnaire;
}
