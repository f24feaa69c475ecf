using Buddy.Domain.Audit;
using Buddy.Gateway.Caseloads;
using Buddy.Gateway.Data;

namespace Buddy.Gateway.Audit;

/// <summary>
/// Records who saw or changed what, and when; the one place an audit row is made. <see cref="Add"/> only stages the
/// event, so it commits in the same SaveChanges as the change it describes; a view has nothing else to save and uses
/// <see cref="RecordAsync"/>. Code working in a context of its own (jobs, the privacy services) stages with
/// <see cref="Stage"/>. Entity types are <see cref="AuditEntities"/>; never a phone number or message body in a detail.
/// </summary>
public sealed class AuditTrail(BuddyDbContext db, TimeProvider clock)
{
    public AuditEvent Add(CaseloadScope actor, string action, Guid? serviceUserId, string? entityType = null, string? entityId = null, string? detail = null) =>
        Stage(db, AuditActor.Of(actor), actor.OrganisationId, action, serviceUserId, entityType, entityId, detail, clock.GetUtcNow().UtcDateTime);

    public async Task RecordAsync(CaseloadScope actor, string action, Guid? serviceUserId, string? entityType = null, string? entityId = null, string? detail = null, CancellationToken cancellationToken = default)
    {
        Add(actor, action, serviceUserId, entityType, entityId, detail);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Stages an event in <paramref name="context"/>; the caller saves it with the change it describes.</summary>
    public static AuditEvent Stage(
        BuddyDbContext context, AuditActor actor, Guid? organisationId, string action, Guid? serviceUserId,
        string? entityType, string? entityId, string? detail, DateTime occurredAtUtc)
    {
        var audit = new AuditEvent
        {
            OrganisationId = organisationId,
            ActorType = actor.Type,
            ActorId = actor.Id,
            Action = action,
            EntityType = entityType,
            EntityId = entityId,
            ServiceUserId = serviceUserId,
            Detail = detail,
            OccurredAtUtc = occurredAtUtc,
        };
        context.AuditEvents.Add(audit);
        return audit;
    }
}
