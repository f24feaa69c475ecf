namespace Buddy.Domain.Sessions;

public enum SessionStatus
{
    Scheduled,
    Attended,
    Missed,
    Cancelled,
}
