using Buddy.Domain.Safeguarding;
using Buddy.Domain.Validation;
using Buddy.Gateway.Audit;
using Buddy.Gateway.Caseloads;
using Buddy.Gateway.Dashboard;
using Buddy.Gateway.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Buddy.Gateway.Pages.Dashboard;

/// <summary>Open alerts across the caller's caseload, urgent and newest first, and who acknowledged recent ones.</summary>
public sealed class AlertsModel(BuddyDbContext db, CaseloadAccess access, AlertActions alerts, AuditTrail audit, TimeProvider clock) : PageModel
{
    public const int RecentDays = 14;

    /// <summary>Open alerts, urgent first and the newest reply first within a tier.</summary>
    public IReadOnlyList<AlertView> Open { get; private set; } = [];

    public IReadOnlyList<AlertRow> RecentlyAcknowledged { get; private set; } = [];

    public string? Notice { get; private set; }

    public async Task OnGetAsync(string? done, CancellationToken cancellationToken)
    {
        var scope = CaseloadScope.Of(User);
        Notice = done == "acknowledged" ? "Alert acknowledged." : done == "already" ? "Someone else had already acknowledged that alert." : null;
        var since = clock.GetUtcNow().UtcDateTime.AddDays(-RecentDays);
        var rows = await (
                from alert in access.Alerts(scope)
                join person in access.ServiceUsers(scope) on alert.ServiceUserId equals person.Id
                join staff in db.StaffMembers on alert.AcknowledgedByStaffId equals staff.Id into acknowledgers
                from acknowledger in acknowledgers.DefaultIfEmpty()
                where alert.AcknowledgedAtUtc == null || alert.AcknowledgedAtUtc >= since
                select new AlertRow(alert, person.DisplayName, person.TimeZoneId, acknowledger == null ? null : acknowledger.DisplayName))
            .AsNoTracking()
            .ToListAsync(cancellationToken);

        var open = AlertView.UrgentFirst(rows.Where(r => r.Alert.AcknowledgedAtUtc is null), r => r.Alert).ToList();
        var replies = await AlertView.RepliesAsync(db, [.. open.Select(r => r.Alert.Id)], cancellationToken);
        Open = [.. open.Select(r => new AlertView(r.Alert, [.. replies[r.Alert.Id]], r.TimeZoneId, r.ServiceUserName))];
        RecentlyAcknowledged = [.. rows.Where(r => r.Alert.AcknowledgedAtUtc is not null).OrderByDescending(r => r.Alert.AcknowledgedAtUtc)];
        await audit.RecordAsync(scope, "alerts.viewed", null, detail: $"{Open.Count} open", cancellationToken: cancellationToken);
    }

    public async Task<IActionResult> OnPostAcknowledgeAsync(Guid alertId, string? note, CancellationToken cancellationToken)
    {
        var change = await alerts.AcknowledgeAsync(CaseloadScope.Of(User), alertId, note, cancellationToken);
        return change.Outcome switch
        {
            ChangeOutcome.NotFound => NotFound(),
            ChangeOutcome.AlreadyDone => RedirectToPage(new { done = "already" }),
            _ => RedirectToPage(new { done = "acknowledged" }),
        };
    }

    public sealed record AlertRow(Alert Alert, string ServiceUserName, string TimeZoneId, string? AcknowledgedBy);
}
