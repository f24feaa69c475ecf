using Buddy.Domain.Audit;
using Buddy.Gateway.Caseloads;

namespace Buddy.Gateway.Audit;

/// <summary>An operator at the console (command verbs): acts for one organisation and has no id of their own.</summary>
public static class OperatorScope
{
    public static CaseloadScope For(Guid organisationId) => new(organisationId, null, AuditActorType.Operator, Guid.Empty);
}
