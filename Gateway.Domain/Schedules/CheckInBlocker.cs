namespace Buddy.Domain.Schedules;

/// <summary>Why a schedule has no next check-in at all (as opposed to one some days away).</summary>
public enum CheckInBlocker
{
    None,
    ScheduleDisabled,
    OptedOut,
    Discharged,

    /// <summary>Status Paused with no date to resume on.</summary>
    PausedIndefinitely,

    /// <summary>No phone number (never given, or erased).</summary>
    NoPhone,
    NoDays,

    /// <summary>The chosen local time falls inside quiet hours, so it could never be sent.</summary>
    TimeInQuietHours,
    UnknownTimeZone,
}
