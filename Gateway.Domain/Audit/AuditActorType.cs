namespace Buddy.Domain.Audit;

public enum AuditActorType
{
    System,
    Staff,
    ApiKey,
    ServiceUser,
    Operator,
}
