using System.Globalization;
using Buddy.Domain.Schedules;
using Buddy.Domain.Sessions;
using Buddy.Domain.Time;
using Buddy.Gateway.Audit;
using Buddy.Gateway.Dashboard;
using Buddy.Gateway.Data;
using Buddy.Gateway.Manage;
using Buddy.Gateway.Pages.Dashboard.Cycle;
using Microsoft.AspNetCore.Mvc;

namespace Buddy.Gateway.Pages.Dashboard;

/// <summary>
/// The session-cycle screen for one service user: appointments (with agenda notes and change requests), goals in
/// their own words, PHQ-9/GAD-7 by text, and the check-in style; <c>?editSession=</c> or <c>?editGoal=</c> fills
/// a form to change one. The changes are taken by one page per part (Cycle/Sessions, Goals, Questionnaires,
/// CheckInStyle). Reachable by the caseload rules (see <see cref="ServiceUserPageFilterAttribute"/>). Every view is audited.
/// </summary>
public sealed class CycleModel(CycleScreenQuery screens, BuddyDbContext db, AuditTrail audit) : CyclePageModel(screens, db)
{
    public async Task<IActionResult> OnGetAsync(Guid? editSession, Guid? editGoal, CancellationToken cancellationToken)
    {
        await ShowAsync(cancellationToken);
        if (editSession is { } sessionId)
        {
            var session = View.Sessions.FirstOrDefault(s => s.Id == sessionId && s.Status == SessionStatus.Scheduled);
            if (session is null)
            {
                return NotFound();
            }

            var local = LocalTimes.ToLocal(session.StartsAtUtc, View.Zone);
            var mode = session.Location?.ToLowerInvariant() is "video" or "phone" ? session.Location.ToLowerInvariant() : "place";
            View.Session = new SessionForm
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
            var goal = View.Goals.Select(g => g.Goal).FirstOrDefault(g => g.Id == goalId);
            if (goal is null)
            {
                return NotFound();
            }

            View.Goal = new GoalForm
            {
                GoalId = goal.Id,
                Text = goal.Text,
                Days = [.. Enum.GetValues<DayOfWeek>().Where(d => goal.ReminderDays.Includes(d)).Select(d => d.ToString())],
                Time = goal.ReminderLocalTime.ToString("HH:mm", CultureInfo.InvariantCulture),
            };
        }

        await audit.RecordAsync(Scope, "cycle.viewed", Person.Id, AuditEntities.ServiceUser, Person.Id.ToString(), cancellationToken: cancellationToken);
        return Page();
    }

    /// <summary>
    /// A form from a screen rendered before its changes moved to their own pages (a tab left open across an upgrade)
    /// still posts here: it goes on, body and method kept (307), to the page that now takes it. Antiforgery has
    /// already been checked here, and the token stays valid there.
    /// </summary>
    public IActionResult OnPost(Guid serviceUserId, string? handler) =>
        CyclePageModel.PageTaking(handler) is { } page
            ? RedirectToPagePreserveMethod(page, handler, new { serviceUserId })
            : NotFound();
}
