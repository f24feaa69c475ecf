using Buddy.Domain.Audit;
using Buddy.Gateway.Caseloads;

namespace Buddy.Gateway.Audit;

/// <summary>An operator at the console (command verbs): acts for one organisation and has no id of their own.</summary>
public static class OperatorScope
{
    public static CaseloadScope For(Guid organisationId) => new(organisationId, null, AuditActorType.Operator, Guid.Empty);

    /// <summary>An operator's audit event records no actor id rather than an all-zero one.</summary>
    public static AuditEvent ForgetOperatorId(this AuditEvent audit)
    {
        if (audit.ActorType == AuditActorType.Operator)
        {
            audit.ActorId = null;
        }

        return audit;
    }
}
