using Buddy.Domain.Organisations;
using Buddy.Domain.Time;

namespace Buddy.Domain.Schedules;

/// <summary>
/// Checks a schedule a manager is about to save, so a check-in that could never be sent (or a reminder that would
/// always be skipped) is refused at configuration time with a reason, not discovered at 3 a.m.
/// </summary>
public static class ScheduleValidation
{
    public const int MaxReminderMinutes = 12 * 60;

    /// <summary>Problems in plain words, keyed by the schedule property they concern; empty when it is valid.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Problems(CheckInSchedule schedule, Organisation organisation, string timeZoneId)
    {
        var problems = new List<KeyValuePair<string, string>>();
        void Add(string property, string message) => problems.Add(new(property, message));

        var quiet = QuietHours.For(organisation, schedule);
        if (schedule.QuietHoursStart.HasValue != schedule.QuietHoursEnd.HasValue)
        {
            Add(nameof(CheckInSchedule.QuietHoursStart), "Set both the start and the end of quiet hours, or neither to use the organisation's.");
        }

        if (quiet.Contains(schedule.LocalTime))
        {
            Add(nameof(CheckInSchedule.LocalTime),
                $"{schedule.LocalTime:HH:mm} is inside quiet hours ({quiet.Start:HH:mm}-{quiet.End:HH:mm}), so it would never be sent. Choose a time outside them.");
        }

        if ((schedule.Days & CheckInDays.Everyday) == CheckInDays.None)
        {
            Add(nameof(CheckInSchedule.Days), "Choose at least one day of the week.");
        }

        if (schedule is { StartDate: { } start, EndDate: { } end } && end < start)
        {
            Add(nameof(CheckInSchedule.EndDate), "The end date is before the start date.");
        }

        if (schedule.ReminderAfterMinutes is { } minutes)
        {
            if (minutes is <= 0 or > MaxReminderMinutes)
            {
                Add(nameof(CheckInSchedule.ReminderAfterMinutes), $"A reminder goes between 1 and {MaxReminderMinutes} minutes after the check-in.");
            }
            else if (quiet.Contains(schedule.LocalTime.AddMinutes(minutes)))
            {
                Add(nameof(CheckInSchedule.ReminderAfterMinutes),
                    $"A reminder {minutes} minutes after {schedule.LocalTime:HH:mm} would land in quiet hours and never be sent.");
            }
        }

        if (!LocalTimes.IsKnownZone(timeZoneId))
        {
            Add("TimeZoneId", $"'{timeZoneId}' is not an IANA time zone (e.g. Europe/London).");
        }

        return problems;
    }
}
