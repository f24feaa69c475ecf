using Buddy.Domain.Safeguarding;
using Buddy.Domain.Sessions;
using Buddy.Domain.Validation;
using Buddy.Gateway.Caseloads;
using Buddy.Gateway.Dashboard;
using Buddy.Gateway.Data;
using Buddy.Gateway.Display;
using Buddy.Gateway.Sessions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Buddy.Gateway.Pages.Dashboard.Cycle;

/// <summary>Takes the cycle screen's session changes: record or move a session, mark one, acknowledge a change request.</summary>
public sealed class SessionsModel(CycleScreenQuery screens, BuddyDbContext db, SessionService sessions, SessionQueries queries, CaseloadAccess caseloads, AlertActions alerts)
    : CyclePageModel(screens, db)
{
    [BindProperty]
    public SessionForm Session { get; set; } = new();

    public IActionResult OnGet(Guid serviceUserId) => RedirectToPage("/Dashboard/Cycle", null, new { serviceUserId }, "sessions");

    public async Task<IActionResult> OnPostSaveSessionAsync(CancellationToken cancellationToken)
    {
        if (Session.SessionId is { } existing && !await queries.BelongsToAsync(Person.Id, existing, cancellationToken))
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

        return await AttemptAsync(
            "Session.Date",
            actor => Session.SessionId is { } id
                ? sessions.RescheduleAsync(Person.OrganisationId, id, booking, actor, cancellationToken)
                : sessions.RecordAsync(Person.OrganisationId, Person.Id, booking, actor, cancellationToken),
            saved => (Session.SessionId is null ? "Session recorded" : "Session changed") +
                $" for {LocalDisplay.DateTime(saved.StartsAtUtc, Person.TimeZoneId)}, {SessionTexts.Where(saved.Location)}.",
            "sessions",
            cancellationToken);
    }

    public async Task<IActionResult> OnPostMarkSessionAsync(Guid sessionId, string? status, CancellationToken cancellationToken)
    {
        if (!await queries.BelongsToAsync(Person.Id, sessionId, cancellationToken))
        {
            return NotFound();
        }

        if (!Enum.TryParse<SessionStatus>(status, ignoreCase: false, out var marked) || marked == SessionStatus.Scheduled || !Enum.IsDefined(marked))
        {
            return await InvalidAsync(FieldErrors.One("sessions", "Mark a session attended, missed or cancelled"), "", cancellationToken);
        }

        return await AttemptAsync(
            "sessions",
            actor => sessions.MarkAsync(Person.OrganisationId, sessionId, marked, actor, cancellationToken),
            session => $"The session on {LocalDisplay.DateTime(session.StartsAtUtc, Person.TimeZoneId)} was marked \u201c{DisplayWords.Session(marked)}\u201d.",
            "sessions",
            cancellationToken);
    }

    public async Task<IActionResult> OnPostAcknowledgeNoticeAsync(Guid alertId, string? note, CancellationToken cancellationToken)
    {
        if (!await caseloads.Alerts(Scope).AnyAsync(a => a.Id == alertId && a.ServiceUserId == Person.Id && a.Kind == AlertKind.AppointmentChange, cancellationToken))
        {
            return NotFound();
        }

        return Done((await alerts.AcknowledgeAsync(Scope, alertId, note, cancellationToken)).Outcome == ChangeOutcome.AlreadyDone
            ? "Someone else had already acknowledged that request."
            : "Change request acknowledged.", "notices");
    }

    protected override void KeepForm(CycleScreen view) => view.Session = Session;
}
