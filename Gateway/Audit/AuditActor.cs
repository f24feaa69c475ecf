using Buddy.Domain.Audit;
using Buddy.Gateway.Caseloads;

namespace Buddy.Gateway.Audit;

/// <summary>
/// Who did something, as the audit trail records it: a staff member, an API key, an operator at the console, the
/// service user by text, or Buddy itself. A bare staff id (or null for Buddy) converts implicitly.
/// </summary>
public readonly record struct AuditActor(AuditActorType Type, Guid? Id)
{
    public static AuditActor System => new(AuditActorType.System, null);

    /// <summary>The service user, by text (STOP, START); their id is the event's service user.</summary>
    public static AuditActor ServiceUser => new(AuditActorType.ServiceUser, null);

    /// <summary>An operator at the console has no id of their own: none is recorded rather than an all-zero one.</summary>
    public static AuditActor Operator => new(AuditActorType.Operator, null);

    /// <summary>The staff member, when a member of staff acts (recorded on rows they set, as well as in the trail).</summary>
    public Guid? StaffId => Type == AuditActorType.Staff ? Id : null;

    public static AuditActor Of(CaseloadScope scope) =>
        scope.ActorType == AuditActorType.Operator ? Operator : new AuditActor(scope.ActorType, scope.ActorId);

    public static implicit operator AuditActor(Guid? staffId) =>
        staffId is { } id ? new AuditActor(AuditActorType.Staff, id) : System;
}
