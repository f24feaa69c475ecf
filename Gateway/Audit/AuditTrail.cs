using Buddy.Domain.Audit;
using Buddy.Gateway.Data;

namespace Buddy.Gateway.Audit;

public static class AuditTrail
{
    /// <summary>
    /// Adds an audit event to the context, to be saved with the change it describes (one SaveChanges, so a change
    /// is never stored without its record). <paramref name="detail"/> must not hold a phone number or message body.
    /// </summary>
    public static AuditEvent Record(
        this BuddyDbContext db, AuditActor actor, string action, DateTime nowUtc,
        Guid? serviceUserId = null, string? entityType = null, string? entityId = null, string? detail = null)
    {
        var audit = new AuditEvent
        {
            OrganisationId = actor.OrganisationId,
            ActorType = actor.Type,
            ActorId = actor.Id,
            Action = action,
            EntityType = entityType,
            EntityId = entityId,
            ServiceUserId = serviceUserId,
            Detail = detail,
            OccurredAtUtc = nowUtc,
        };
        db.AuditEvents.Add(audit);
        return audit;
    }
}
