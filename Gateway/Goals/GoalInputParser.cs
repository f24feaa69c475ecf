using Buddy.Domain.Schedules;
using Buddy.Domain.Validation;
using Buddy.Gateway.Sessions;

namespace Buddy.Gateway.Goals;

/// <summary>
/// Reads a goal as typed on the cycle page or sent to the API: the person's own words, reminder days (none means
/// never texted) and a local reminder time. Errors are keyed Text, ReminderDays and ReminderTime.
/// </summary>
public static class GoalInputParser
{
    public static GoalInput? Parse(string? text, IEnumerable<string>? reminderDays, string? reminderTime, FieldErrors errors)
    {
        var words = string.Join(' ', (text ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (words.Length == 0)
        {
            errors.Add("Text", "Write the goal in the person's own words");
        }
        else if (words.Length > GoalService.MaxTextLength)
        {
            errors.Add("Text", $"Keep the goal to {GoalService.MaxTextLength} characters so it fits in one text (it is {words.Length})");
        }

        var days = CheckInDays.None;
        foreach (var name in reminderDays ?? [])
        {
            if (Enum.TryParse<DayOfWeek>(name, ignoreCase: true, out var day) && Enum.IsDefined(day) && !int.TryParse(name, out _))
            {
                days |= day.ToCheckInDay();
            }
            else
            {
                errors.Add("ReminderDays", $"'{name}' is not a day of the week");
            }
        }

        var time = SessionBookingParser.ParseTime(reminderTime, "ReminderTime", "the reminder time", errors);
        return errors.IsValid ? new GoalInput(words, days, time!.Value) : null;
    }
}
