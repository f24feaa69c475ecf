using Buddy.Domain.Audit;
using Buddy.Gateway.Caseloads;
using Buddy.Gateway.Data;

namespace Buddy.Gateway.Audit;

/// <summary>
/// Records who saw or changed what, and when. <see cref="Add"/> only stages the event, so it commits in the
/// same SaveChanges as the change it describes; a view has nothing else to save and uses <see cref="RecordAsync"/>.
/// </summary>
public sealed class AuditTrail(BuddyDbContext db, TimeProvider clock)
{
    public AuditEvent Add(CaseloadScope actor, string action, Guid? serviceUserId, string? entityType = null, string? entityId = null, string? detail = null)
    {
        var audit = new AuditEvent
        {
            OrganisationId = actor.OrganisationId,
            ActorType = actor.ActorType,
            ActorId = actor.ActorId,
            Action = action,
            EntityType = entityType,
            EntityId = entityId,
            ServiceUserId = serviceUserId,
            Detail = detail,
            OccurredAtUtc = clock.GetUtcNow().UtcDateTime,
        };
        db.AuditEvents.Add(audit);
        return audit;
    }

    public async Task RecordAsync(CaseloadScope actor, string action, Guid? serviceUserId, string? entityType = null, string? entityId = null, string? detail = null, CancellationToken cancellationToken = default)
    {
        Add(actor, action, serviceUserId, entityType, entityId, detail);
        await db.SaveChangesAsync(cancellationToken);
    }
}
