using Buddy.Domain.Schedules;
using Buddy.Domain.Time;

namespace Buddy.Domain.Goals;

/// <summary>When a goal's next reminder is due: the first chosen day and local time strictly after a moment.</summary>
public static class GoalReminderRule
{
    /// <summary>Null when the goal is not active or has no reminder days.</summary>
    public static DateTime? NextDueUtc(Goal goal, string timeZoneId, DateTime afterUtc)
    {
        if (goal.Status != GoalStatus.Active || goal.ReminderDays == CheckInDays.None)
        {
            return null;
        }

        var date = LocalTimes.LocalDate(afterUtc, timeZoneId);
        for (var i = 0; i <= 7; i++, date = date.AddDays(1))
        {
            if (!goal.ReminderDays.Includes(date.DayOfWeek))
            {
                continue;
            }

            var due = LocalTimes.ToUtc(date, goal.ReminderLocalTime, timeZoneId);
            if (due > afterUtc)
            {
                return due;
            }
        }

        return null;
    }
}
