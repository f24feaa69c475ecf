using System.Security.Claims;
using Buddy.Domain.Audit;
using Buddy.Domain.ServiceUsers;
using Buddy.Domain.Staff;
using Buddy.Gateway.Identity;

namespace Buddy.Gateway.Caseloads;

/// <summary>
/// Whose data a caller may see: one organisation always, and within it one therapist's caseload when
/// <see cref="TherapistId"/> is set. Also says who is looking, for the audit trail.
/// </summary>
public sealed record CaseloadScope(Guid OrganisationId, Guid? TherapistId, AuditActorType ActorType, Guid ActorId)
{
    /// <summary>A therapist sees their own caseload; service managers and admins their whole organisation.</summary>
    public static CaseloadScope ForStaff(Guid staffMemberId, Guid organisationId, StaffRole role) =>
        new(organisationId, role == StaffRole.Therapist ? staffMemberId : null, AuditActorType.Staff, staffMemberId);

    /// <summary>An integration's API key sees its organisation.</summary>
    public static CaseloadScope ForApiKey(Guid apiKeyId, Guid organisationId) =>
        new(organisationId, null, AuditActorType.ApiKey, apiKeyId);

    /// <summary>The signed-in staff member's scope; throws when the cookie lacks Buddy's claims (never expected).</summary>
    public static CaseloadScope Of(ClaimsPrincipal user)
    {
        var staffId = user.StaffMemberIdOf();
        var organisationId = user.OrganisationIdOf();
        var role = user.RoleOf();
        if (staffId is null || organisationId is null || role is null)
        {
            throw new InvalidOperationException("The signed-in user has no staff claims.");
        }

        return ForStaff(staffId.Value, organisationId.Value, role.Value);
    }

    public bool IsWholeOrganisation => TherapistId is null;

    /// <summary>True when the person is in this scope (the rule <see cref="CaseloadAccess.ServiceUsers"/> queries by).</summary>
    public bool Includes(ServiceUser person) =>
        person.OrganisationId == OrganisationId && (TherapistId is null || person.TherapistId == TherapistId);
}
