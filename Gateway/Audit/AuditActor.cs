using Buddy.Domain.Audit;

namespace Buddy.Gateway.Audit;

/// <summary>Who is acting, and for which organisation: a signed-in staff member, an API key, or an operator's command.</summary>
public sealed record AuditActor(AuditActorType Type, Guid? Id, Guid OrganisationId);
