using System.Globalization;
using Buddy.Domain.Goals;
using Buddy.Domain.Questionnaires;
using Buddy.Domain.Safeguarding;
using Buddy.Domain.Schedules;
using Buddy.Domain.ServiceUsers;
using Buddy.Domain.Sessions;
using Buddy.Domain.Time;
using Buddy.Domain.Validation;
using Buddy.Gateway.Audit;
using Buddy.Gateway.Caseloads;
using Buddy.Gateway.Conversations;
using Buddy.Gateway.Dashboard;
using Buddy.Gateway.Display;
using Buddy.Gateway.Manage;
using Buddy.Gateway.Data;
using Buddy.Gateway.Goals;
using Buddy.Gateway.Questionnaires;
using Buddy.Gateway.Sessions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Buddy.Gateway.Pages.Dashboard;

/// <summary>
/// The session cycle for one service user: appointments (with agenda notes and change requests), goals in their
/// own words, PHQ-9/GAD-7 by text, and the check-in style. Reachable by the caseload rules: anyone whose scope
/// does not hold the service user gets 404 on every handler, and every sub-record (session, goal, alert,
/// questionnaire) must belong to that service user too. Every view and change is audited.
/// </summary>
public sealed class CycleModel(
    BuddyDbContext db,
    CaseloadAccess caseloads,
    AuditTrail audit,
    AlertActions alerts,
    TimeProvider clock,
    SessionService sessions,
    SessionQueries sessionQueries,
    GoalService goals,
    GoalQueries goalQueries,
    QuestionnaireService questionnaires,
    QuestionnaireQueries questionnaireQueries) : PageModel
{
    public const int RecentGoalReplies = 5;
    public const int RunsShown = 20;
    public const int NoticesShown = 20;

    public sealed class SessionForm
    {
        /// <summary>Set when moving an existing session; empty records a new one.</summary>
        public Guid? SessionId { get; set; }
        public DateInput Date { get; set; } = new();

        /// <summary>A 24-hour text time (see <see cref="Domain.Time.TimeText"/>).</summary>
        public string? Time { get; set; }

        /// <summary>place, video or phone.</summary>
        public string? Mode { get; set; } = "place";
        public string? Place { get; set; }
    }

    public sealed class GoalForm
    {
        /// <summary>Set when editing an existing goal; empty adds a new one.</summary>
        public Guid? GoalId { get; set; }
        public string? Text { get; set; }
        public List<string> Days { get; set; } = [];
        public string? Time { get; set; } = "18:00";
    }

    public sealed class QuestionnaireScheduleForm
    {
        public string? Kind { get; set; }
        public string? EveryWeeks { get; set; } = "2";
        public DateInput FirstDate { get; set; } = new();
        public string? Time { get; set; } = "18:00";
    }

    [BindProperty]
    public SessionForm Session { get; set; } = new();

    [BindProperty]
    public GoalForm Goal { get; set; } = new();

    [BindProperty]
    public QuestionnaireScheduleForm Questionnaire { get; set; } = new();

    /// <summary>A one-off confirmation after a change ("Session recorded").</summary>
    [TempData]
    public string? Confirmation { get; set; }

    public ServiceUser Person { get; private set; } = null!;
    public string? TherapistName { get; private set; }
    public DateTime NowUtc { get; private set; }
    public IReadOnlyList<SessionView> Sessions { get; private set; } = [];
    public IReadOnlyList<ChangeNotice> Notices { get; private set; } = [];
    public IReadOnlyList<GoalListItem> Goals { get; private set; } = [];
    public IReadOnlyList<QuestionnaireSchedule> QuestionnaireSchedules { get; private set; } = [];
    public IReadOnlyList<QuestionnaireRunView> Runs { get; private set; } = [];

    /// <summary>The errors for the NHS.UK error summary, in the order of the fields on the form.</summary>
    public List<(string Key, string Message)> Problems { get; } = [];

    /// <summary>Null when the person has no check-in schedule (a manager sets one up first).</summary>
    public bool? TwoStep { get; private set; }

    public string Zone => Person.TimeZoneId;

    public string Local(DateTime utc) => LocalDisplay.DateTime(utc, Zone);

    public SessionView? NextSession => Sessions.Where(s => s.Status == SessionStatus.Scheduled && s.StartsAtUtc > NowUtc).MinBy(s => s.StartsAtUtc);

    public async Task<IActionResult> OnGetAsync(Guid serviceUserId, Guid? editSession, Guid? editGoal, CancellationToken cancellationToken)
    {
        if (!await FindPersonAsync(serviceUserId, cancellationToken))
        {
            return NotFound();
        }

        await LoadAsync(cancellationToken);
        if (editSession is { } sessionId)
        {
            var session = Sessions.FirstOrDefault(s => s.Id == sessionId && s.Status == SessionStatus.Scheduled);
            if (session is null)
            {
                return NotFound();
            }

            var local = LocalTimes.ToLocal(session.StartsAtUtc, Zone);
            var mode = session.Location?.ToLowerInvariant() is "video" or "phone" ? session.Location.ToLowerInvariant() : "place";
            Session = new SessionForm
            {
                SessionId = session.Id,
                Date = DateInput.From(local.Date.ToDateOnly()),
                Time = local.TimeOfDay.ToString("HH:mm", CultureInfo.InvariantCulture),
                Mode = mode,
                Place = mode == "place" ? session.Location : null,
            };
        }

        if (editGoal is { } goalId)
        {
            var goal = Goals.Select(g => g.Goal).FirstOrDefault(g => g.Id == goalId);
            if (goal is null)
            {
                return NotFound();
            }

            Goal = new GoalForm
            {
                GoalId = goal.Id,
                Text = goal.Text,
                Days = [.. Enum.GetValues<DayOfWeek>().Where(d => goal.ReminderDays.Includes(d)).Select(d => d.ToString())],
                Time = goal.ReminderLocalTime.ToString("HH:mm", CultureInfo.InvariantCulture),
            };
        }

        await audit.RecordAsync(CaseloadScope.Of(User), "cycle.viewed", Person.Id, "service-user", Person.Id.ToString(), cancellationToken: cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostSaveSessionAsync(Guid serviceUserId, CancellationToken cancellationToken)
    {
        if (!await FindPersonAsync(serviceUserId, cancellationToken))
        {
            return NotFound();
        }

        if (Session.SessionId is { } existing && !await db.TherapySessions.AnyAsync(s => s.Id == existing && s.ServiceUserId == Person.Id, cancellationToken))
        {
            return NotFound();
        }

        var errors = new FieldErrors();
        var mode = Session.Mode?.Trim().ToLowerInvariant();
        if (mode is not ("place" or "video" or "phone"))
        {
            errors.Add("Mode", "Choose where the session is: in person, by video or by phone");
        }

        var booking = SessionBookingParser.Parse(Session.Date.Iso("The session date"), Session.Time, mode == "place" ? Session.Place : mode, errors);
        KeepDateProblem(Session.Date, "The session date", "Date", errors);
        errors = Renamed(errors, ("Location", mode == "place" ? "Place" : "Mode"));
        if (booking is null || !errors.IsValid)
        {
            return await InvalidAsync(errors, "Session", cancellationToken);
        }

        return await AttemptAsync("Session.Date", async actor =>
        {
            var saved = Session.SessionId is { } id
                ? await sessions.RescheduleAsync(Person.OrganisationId, id, booking, actor, cancellationToken)
                : await sessions.RecordAsync(Person.OrganisationId, Person.Id, booking, actor, cancellationToken);
            return (Session.SessionId is null ? "Session recorded" : "Session changed") + $" for {Local(saved.StartsAtUtc)}, {SessionTexts.Where(saved.Location)}.";
        }, "sessions", cancellationToken);
    }

    public async Task<IActionResult> OnPostMarkSessionAsync(Guid serviceUserId, Guid sessionId, string? status, CancellationToken cancellationToken)
    {
        if (!await FindPersonAsync(serviceUserId, cancellationToken))
        {
            return NotFound();
        }

        if (!await db.TherapySessions.AnyAsync(s => s.Id == sessionId && s.ServiceUserId == Person.Id, cancellationToken))
        {
            return NotFound();
        }

        if (!Enum.TryParse<SessionStatus>(status, ignoreCase: false, out var marked) || marked == SessionStatus.Scheduled || !Enum.IsDefined(marked))
        {
            return await InvalidAsync(Error("sessions", "Mark a session attended, missed or cancelled"), "", cancellationToken);
        }

        return await AttemptAsync("sessions", async actor =>
        {
            var session = await sessions.MarkAsync(Person.OrganisationId, sessionId, marked, actor, cancellationToken);
            return $"The session on {Local(session.StartsAtUtc)} was marked \u201c{DisplayWords.Session(marked)}\u201d.";
        }, "sessions", cancellationToken);
    }

    public async Task<IActionResult> OnPostAcknowledgeNoticeAsync(Guid serviceUserId, Guid alertId, string? note, CancellationToken cancellationToken)
    {
        if (!await FindPersonAsync(serviceUserId, cancellationToken))
        {
            return NotFound();
        }

        var scope = CaseloadScope.Of(User);
        if (!await caseloads.Alerts(scope).AnyAsync(a => a.Id == alertId && a.ServiceUserId == Person.Id && a.Kind == AlertKind.AppointmentChange, cancellationToken))
        {
            return NotFound();
        }

        Confirmation = await alerts.AcknowledgeAsync(scope, alertId, note, cancellationToken) == AcknowledgeOutcome.AlreadyAcknowledged
            ? "Someone else had already acknowledged that request."
            : "Change request acknowledged.";
        return RedirectToPage(null, null, new { serviceUserId }, "notices");
    }

    public async Task<IActionResult> OnPostSaveGoalAsync(Guid serviceUserId, CancellationToken cancellationToken)
    {
        if (!await FindPersonAsync(serviceUserId, cancellationToken))
        {
            return NotFound();
        }

        if (Goal.GoalId is { } existing && !await db.Goals.AnyAsync(g => g.Id == existing && g.ServiceUserId == Person.Id, cancellationToken))
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

        return await AttemptAsync("Goal.Text", async actor =>
        {
            var saved = Goal.GoalId is { } id
                ? await goals.UpdateAsync(Person.OrganisationId, id, input, actor, cancellationToken)
                : await goals.CreateAsync(Person.OrganisationId, Person.Id, input, actor, cancellationToken);
            return $"Goal {(Goal.GoalId is null ? "added" : "saved")}: \u201c{saved.Text}\u201d." +
                (saved.NextDueAtUtc is { } next ? $" Next reminder {Local(next)}." : " No reminders are set.");
        }, "goals", cancellationToken);
    }

    public async Task<IActionResult> OnPostGoalStatusAsync(Guid serviceUserId, Guid goalId, string? status, CancellationToken cancellationToken)
    {
        if (!await FindPersonAsync(serviceUserId, cancellationToken))
        {
            return NotFound();
        }

        if (!await db.Goals.AnyAsync(g => g.Id == goalId && g.ServiceUserId == Person.Id, cancellationToken))
        {
            return NotFound();
        }

        if (!Enum.TryParse<GoalStatus>(status, ignoreCase: false, out var wanted) || !Enum.IsDefined(wanted))
        {
            return await InvalidAsync(Error("goals", "Choose resume, pause, completed or archive"), "", cancellationToken);
        }

        return await AttemptAsync("goals", async actor =>
        {
            var goal = await goals.SetStatusAsync(Person.OrganisationId, goalId, wanted, actor, cancellationToken);
            return wanted switch
            {
                GoalStatus.Active => $"Goal resumed: \u201c{goal.Text}\u201d.",
                GoalStatus.Paused => $"Goal paused: \u201c{goal.Text}\u201d. No reminders until it is resumed.",
                GoalStatus.Achieved => $"Goal completed: \u201c{goal.Text}\u201d.",
                _ => $"Goal archived: \u201c{goal.Text}\u201d.",
            };
        }, "goals", cancellationToken);
    }

    public async Task<IActionResult> OnPostSendQuestionnaireAsync(Guid serviceUserId, string? kind, CancellationToken cancellationToken)
    {
        if (!await FindPersonAsync(serviceUserId, cancellationToken))
        {
            return NotFound();
        }

        if (QuestionnaireScheduleInput.ParseKind(kind) is not { } chosen)
        {
            return await InvalidAsync(Error("send-questionnaire", "Choose PHQ-9 or GAD-7"), "", cancellationToken);
        }

        return await AttemptAsync("send-questionnaire", async actor =>
        {
            var run = await questionnaires.SendNowAsync(Person.OrganisationId, Person.Id, chosen, actor, cancellationToken);
            var name = QuestionnaireDefinitions.For(chosen).Name;
            return run.LastPromptAtUtc > NowUtc
                ? $"{name} queued: it goes at {Local(run.LastPromptAtUtc)}, when {Person.GreetingName}'s quiet hours end."
                : $"{name} sent to {Person.GreetingName}. Answers arrive item by item below.";
        }, "questionnaires", cancellationToken);
    }

    public async Task<IActionResult> OnPostScheduleQuestionnaireAsync(Guid serviceUserId, CancellationToken cancellationToken)
    {
        if (!await FindPersonAsync(serviceUserId, cancellationToken))
        {
            return NotFound();
        }

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

        return await AttemptAsync("Questionnaire.FirstDate", async actor =>
        {
            var schedule = await questionnaires.ScheduleAsync(
                Person.OrganisationId, Person.Id, kind.Value, input.EveryWeeks, input.FirstDate, input.LocalTime, actor, cancellationToken);
            return $"{QuestionnaireDefinitions.For(kind.Value).Name} every {Weeks(input.EveryWeeks)}, first on {Local(schedule.NextDueAtUtc)}.";
        }, "questionnaires", cancellationToken);
    }

    public async Task<IActionResult> OnPostStopQuestionnaireScheduleAsync(Guid serviceUserId, Guid scheduleId, CancellationToken cancellationToken)
    {
        if (!await FindPersonAsync(serviceUserId, cancellationToken))
        {
            return NotFound();
        }

        var schedule = await db.QuestionnaireSchedules.AsNoTracking().SingleOrDefaultAsync(s => s.Id == scheduleId && s.ServiceUserId == Person.Id, cancellationToken);
        if (schedule is null)
        {
            return NotFound();
        }

        return await AttemptAsync("questionnaire-schedules", async actor =>
        {
            await questionnaires.StopScheduleAsync(Person.OrganisationId, scheduleId, actor, cancellationToken);
            return $"{QuestionnaireDefinitions.For(schedule.Kind).Name} will no longer be sent on a schedule.";
        }, "questionnaires", cancellationToken);
    }

    public async Task<IActionResult> OnPostWithdrawQuestionnaireAsync(Guid serviceUserId, Guid runId, CancellationToken cancellationToken)
    {
        if (!await FindPersonAsync(serviceUserId, cancellationToken))
        {
            return NotFound();
        }

        var run = await db.QuestionnaireRuns.AsNoTracking().SingleOrDefaultAsync(r => r.Id == runId && r.ServiceUserId == Person.Id, cancellationToken);
        if (run is null)
        {
            return NotFound();
        }

        return await AttemptAsync("runs", async actor =>
        {
            await questionnaires.WithdrawAsync(Person.OrganisationId, runId, actor, cancellationToken);
            return $"{QuestionnaireDefinitions.For(run.Kind).Name} withdrawn. Answers so far are kept, unscored.";
        }, "questionnaires", cancellationToken);
    }

    public async Task<IActionResult> OnPostCheckInStyleAsync(Guid serviceUserId, string? style, CancellationToken cancellationToken)
    {
        if (!await FindPersonAsync(serviceUserId, cancellationToken))
        {
            return NotFound();
        }

        if (style is not ("one" or "two"))
        {
            return await InvalidAsync(Error("check-in-style", "Choose one message or two steps"), "", cancellationToken);
        }

        var schedule = await db.CheckInSchedules.SingleOrDefaultAsync(s => s.ServiceUserId == Person.Id, cancellationToken);
        if (schedule is null)
        {
            return await InvalidAsync(Error("check-in-style", $"{Person.DisplayName} has no check-in schedule yet: a service manager sets one up first"), "", cancellationToken);
        }

        var twoStep = style == "two";
        if (schedule.TwoStep != twoStep)
        {
            schedule.TwoStep = twoStep;
            schedule.UpdatedAtUtc = clock.GetUtcNow().UtcDateTime;
            audit.Add(CaseloadScope.Of(User), "schedule.check-in-style", Person.Id, "CheckInSchedule", schedule.Id.ToString(), twoStep ? "two steps" : "one message");
            await db.SaveChangesAsync(cancellationToken);
        }

        Confirmation = twoStep
            ? "Check-ins now ask in two steps: \u201cHow are you feeling?\u201d, then \u201cWhat have you been doing?\u201d."
            : "Check-ins now ask in one message.";
        return RedirectToPage(null, null, new { serviceUserId }, "check-ins");
    }

    public static string Weeks(int weeks) => weeks == 1 ? "week" : $"{weeks} weeks";

    /// <summary>
    /// The shared parsers (also the API's) read a date as yyyy-MM-dd and say "Enter the date" when there is none; a
    /// date typed in day, month and year boxes that cannot be read keeps the design system's message instead.
    /// </summary>
    private static void KeepDateProblem(DateInput input, string what, string field, FieldErrors errors)
    {
        if (input.Read(what).Problem is { } problem)
        {
            errors[field] = [problem];
        }
    }

    private async Task<bool> FindPersonAsync(Guid serviceUserId, CancellationToken cancellationToken)
    {
        var person = await caseloads.FindAsync(CaseloadScope.Of(User), serviceUserId, cancellationToken);
        if (person is null)
        {
            return false;
        }

        Person = person;
        NowUtc = clock.GetUtcNow().UtcDateTime;
        return true;
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var organisationId = Person.OrganisationId;
        TherapistName = await db.StaffMembers.Where(s => s.Id == Person.TherapistId).Select(s => s.DisplayName).FirstOrDefaultAsync(cancellationToken);
        Sessions = await sessionQueries.ListAsync(organisationId, Person.Id, cancellationToken);
        Goals = await goalQueries.ListAsync(organisationId, Person.Id, RecentGoalReplies, cancellationToken);
        QuestionnaireSchedules = await questionnaireQueries.ListSchedulesAsync(organisationId, Person.Id, cancellationToken);
        Runs = await questionnaireQueries.ListRunsAsync(organisationId, Person.Id, RunsShown, cancellationToken);
        TwoStep = await db.CheckInSchedules.Where(s => s.ServiceUserId == Person.Id).Select(s => (bool?)s.TwoStep).FirstOrDefaultAsync(cancellationToken);

        var scope = CaseloadScope.Of(User);
        var notices = await (
                from alert in caseloads.Alerts(scope)
                where alert.ServiceUserId == Person.Id && alert.Kind == AlertKind.AppointmentChange
                join message in db.InboundMessages on alert.InboundMessageId equals message.Id into replies
                from reply in replies.DefaultIfEmpty()
                join staff in db.StaffMembers on alert.AcknowledgedByStaffId equals staff.Id into acknowledgers
                from acknowledger in acknowledgers.DefaultIfEmpty()
                orderby alert.CreatedAtUtc descending
                select new ChangeNotice(alert, reply == null ? null : reply.Body, acknowledger == null ? null : acknowledger.DisplayName))
            .AsNoTracking()
            .Take(NoticesShown)
            .ToListAsync(cancellationToken);
        Notices = [.. notices.OrderBy(n => n.Alert.IsOpen ? 0 : 1)];
    }

    /// <summary>Runs a change through a session-cycle service: confirmation and redirect, or its refusal on the form.</summary>
    private async Task<IActionResult> AttemptAsync(string errorKey, Func<CycleActor, Task<string>> change, string fragment, CancellationToken cancellationToken)
    {
        try
        {
            Confirmation = await change(CycleActor.Of(CaseloadScope.Of(User)));
            return RedirectToPage(null, null, new { serviceUserId = Person.Id }, fragment);
        }
        catch (CycleValidationException ex)
        {
            db.ChangeTracker.Clear(); // nothing half-made survives into the re-rendered page
            return await InvalidAsync(Error(errorKey, ex.Message.TrimEnd('.')), "", cancellationToken);
        }
    }

    /// <summary>The page again with the NHS.UK error summary; the typed values stay in their fields.</summary>
    private async Task<IActionResult> InvalidAsync(FieldErrors errors, string prefix, CancellationToken cancellationToken)
    {
        foreach (var (field, messages) in errors)
        {
            foreach (var message in messages)
            {
                var key = prefix.Length == 0 ? field : $"{prefix}.{field}";
                ModelState.AddModelError(key, message);
                Problems.Add((key, message));
            }
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    private static FieldErrors Error(string key, string message)
    {
        var errors = new FieldErrors();
        errors.Add(key, message);
        return errors;
    }

    private static FieldErrors Renamed(FieldErrors errors, params (string From, string To)[] renames)
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

    /// <param name="Reply">The text that raised it, verbatim.</param>
    public sealed record ChangeNotice(Alert Alert, string? Reply, string? AcknowledgedBy);
}
