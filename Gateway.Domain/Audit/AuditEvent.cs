namespace Buddy.Domain.Audit;

/// <summary>Who saw or changed what, and when. Append-only; never holds a phone number or message body.</summary>
public sealed class AuditEvent
{
    public long Id { get; set; }
    public Guid? OrganisationId { get; set; }
    public AuditActorType ActorType { get; set; }

    /// <summary>Staff id, API key id, or null for the system.</summary>
    public Guid? ActorId { get; set; }

    /// <summary>Dotted verb, e.g. "summary.viewed", "service-user.updated", "alert.acknowledged".</summary>
    public required string Action { get; set; }
    public string? EntityType { get; set; }
    public string? EntityId { get; set; }
    public Guid? ServiceUserId { get; set; }
    public string? Detail { get; set; }
    public DateTime OccurredAtUtc { get; set; }
}
