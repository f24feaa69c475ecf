using Buddy.Domain.Audit;
using Buddy.Domain.Safeguarding;
using Buddy.Domain.Validation;
using Buddy.Gateway.Audit;
using Buddy.Gateway.Caseloads;
using Buddy.Gateway.Data;
using Microsoft.EntityFrameworkCore;

namespace Buddy.Gateway.Dashboard;

/// <summary>
/// Acknowledging an alert records who and when, on the alert and in the audit trail. NotFound when the alert is not in
/// the caller's scope; AlreadyDone when someone acknowledged it first (their name and time stand).
/// </summary>
public sealed class AlertActions(BuddyDbContext db, CaseloadAccess access, AuditTrail audit, TimeProvider clock)
{
    public const int MaximumNoteLength = 1000;

    public async Task<Change<Alert>> AcknowledgeAsync(CaseloadScope scope, Guid alertId, string? note, CancellationToken cancellationToken = default)
    {
        var alert = await access.Alerts(scope).SingleOrDefaultAsync(a => a.Id == alertId, cancellationToken);
        if (alert is null)
        {
            return Change.NotFound<Alert>();
        }

        if (alert.AcknowledgedAtUtc is not null)
        {
            return Change.AlreadyDone(alert);
        }

        note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        alert.AcknowledgedAtUtc = clock.GetUtcNow().UtcDateTime;
        alert.AcknowledgedByStaffId = scope.ActorType == AuditActorType.Staff ? scope.ActorId : null;
        alert.AcknowledgementNote = note is { Length: > MaximumNoteLength } ? note[..MaximumNoteLength] : note;
        audit.Add(scope, "alert.acknowledged", alert.ServiceUserId, AuditEntities.Alert, alert.Id.ToString(), alert.Kind.ToString());
        await db.SaveChangesAsync(cancellationToken);
        return Change.Saved(alert);
    }
}
