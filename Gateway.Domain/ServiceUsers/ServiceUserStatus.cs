namespace Buddy.Domain.ServiceUsers;

public enum ServiceUserStatus
{
    Active,
    Paused,
    Discharged,
}
