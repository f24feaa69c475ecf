using Buddy.Domain.Audit;
using Buddy.Gateway.Audit;

namespace Buddy.Gateway.Privacy;

/// <summary>
/// Who asks for an export, erasure or sweep, for the audit trail, and which organisation they may act on:
/// staff and API keys are held to their own organisation; an operator at the command line or the nightly
/// sweep act on the whole installation.
/// </summary>
public sealed record PrivacyActor(AuditActorType Type, Guid? Id, Guid? OrganisationId)
{
    public static PrivacyActor Operator { get; } = new(AuditActorType.Operator, null, null);

    public static PrivacyActor System { get; } = new(AuditActorType.System, null, null);

    public static PrivacyActor Staff(Guid staffId, Guid organisationId) => new(AuditActorType.Staff, staffId, organisationId);

    public static PrivacyActor ApiKey(Guid apiKeyId, Guid organisationId) => new(AuditActorType.ApiKey, apiKeyId, organisationId);

    /// <summary>The actor as the audit trail records it.</summary>
    public AuditActor Actor => new(Type, Id);

    /// <summary>True when this actor may see or change data of the given organisation.</summary>
    public bool MayActOn(Guid organisationId) => OrganisationId is null || OrganisationId == organisationId;
}
