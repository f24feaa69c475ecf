using Buddy.Domain.Audit;
using Buddy.Gateway.Caseloads;

namespace Buddy.Gateway.Conversations;

/// <summary>
/// Who asked a session-cycle service for a change: a staff member (recorded on the row as well as in the audit
/// trail), an API key (audit only), or Buddy itself. A bare staff id (or null for Buddy) converts implicitly.
/// </summary>
public readonly record struct CycleActor(Guid? StaffId, AuditActorType Type, Guid? ActorId)
{
    public static CycleActor System => new(null, AuditActorType.System, null);

    public static CycleActor Of(CaseloadScope scope) => scope.ActorType == AuditActorType.Staff
        ? new CycleActor(scope.ActorId, AuditActorType.Staff, scope.ActorId)
        : new CycleActor(null, scope.ActorType, scope.ActorId);

    public static implicit operator CycleActor(Guid? staffId) =>
        staffId is { } id ? new CycleActor(id, AuditActorType.Staff, id) : System;
}
