using Buddy.Domain.Audit;
using Buddy.Gateway.Data;

namespace Buddy.Gateway.Conversations;

/// <summary>Audit rows for session-cycle changes. Never a phone number or message body.</summary>
internal static class CycleAudit
{
    public static void Add(BuddyDbContext db, Guid organisationId, CycleActor actor, string action, string entityType, Guid entityId, Guid serviceUserId, DateTime nowUtc, string? detail = null) =>
        db.AuditEvents.Add(new AuditEvent
        {
            OrganisationId = organisationId,
            ActorType = actor.Type,
            ActorId = actor.ActorId,
            Action = action,
            EntityType = entityType,
            EntityId = entityId.ToString(),
            ServiceUserId = serviceUserId,
            Detail = detail,
            OccurredAtUtc = nowUtc,
        });
}
