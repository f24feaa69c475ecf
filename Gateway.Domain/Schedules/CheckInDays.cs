namespace Buddy.Domain.Schedules;

/// <summary>Days of the week a check-in goes out, as flags so a schedule stores one integer.</summary>
[Flags]
public enum CheckInDays
{
    None = 0,
    Monday = 1,
    Tuesday = 2,
    Wednesday = 4,
    Thursday = 8,
    Friday = 16,
    Saturday = 32,
    Sunday = 64,
    Weekdays = Monday | Tuesday | Wednesday | Thursday | Friday,
    Everyday = Weekdays | Saturday | Sunday,
}

public static class CheckInDaysExtensions
{
    public static bool Includes(this CheckInDays days, DayOfWeek day) => (days & day.ToCheckInDay()) != 0;

    public static CheckInDays ToCheckInDay(this DayOfWeek day) => day switch
    {
        DayOfWeek.Monday => CheckInDays.Monday,
        DayOfWeek.Tuesday => CheckInDays.Tuesday,
        DayOfWeek.Wednesday => CheckInDays.Wednesday,
        DayOfWeek.Thursday => CheckInDays.Thursday,
        DayOfWeek.Friday => CheckInDays.Friday,
        DayOfWeek.Saturday => CheckInDays.Saturday,
        DayOfWeek.Sunday => CheckInDays.Sunday,
        _ => throw new ArgumentOutOfRangeException(nameof(day)),
    };
}
