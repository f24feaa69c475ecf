using Buddy.Domain.Audit;
using Buddy.Gateway.Audit;
using Buddy.Gateway.Caseloads;
using Buddy.Gateway.Data;
using Microsoft.EntityFrameworkCore;

namespace Buddy.Gateway.Dashboard;

public enum AcknowledgeOutcome
{
    /// <summary>No such alert in the caller's scope: answer 404.</summary>
    NotFound,
    Acknowledged,

    /// <summary>Someone acknowledged it first; their name and time stand.</summary>
    AlreadyAcknowledged,
}

/// <summary>Acknowledging an alert records who and when, on the alert and in the audit trail.</summary>
public sealed class AlertActions(BuddyDbContext db, CaseloadAccess access, AuditTrail audit, TimeProvider clock)
{
    public const int MaximumNoteLength = 1000;

    public async Task<AcknowledgeOutcome> AcknowledgeAsync(CaseloadScope scope, Guid alertId, string? note, CancellationToken cancellationToken = default)
    {
        var alert = await access.Alerts(scope).SingleOrDefaultAsync(a => a.Id == alertId, cancellationToken);
        if (alert is null)
        {
            return AcknowledgeOutcome.NotFound;
        }

        if (alert.AcknowledgedAtUtc is not null)
        {
            return AcknowledgeOutcome.AlreadyAcknowledged;
        }

        note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        alert.AcknowledgedAtUtc = clock.GetUtcNow().UtcDateTime;
        alert.AcknowledgedByStaffId = scope.ActorType == AuditActorType.Staff ? scope.ActorId : null;
        alert.AcknowledgementNote = note is { Length: > MaximumNoteLength } ? note[..MaximumNoteLength] : note;
        audit.Add(scope, "alert.acknowledged", alert.ServiceUserId, AuditEntities.Alert, alert.Id.ToString(), alert.Kind.ToString());
        await db.SaveChangesAsync(cancellationToken);
        return AcknowledgeOutcome.Acknowledged;
    }
}
