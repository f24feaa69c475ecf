using Buddy.Domain.Schedules;

namespace Buddy.Gateway.Goals;

/// <summary>A goal as agreed in the session: the person's own words and when they want reminding.</summary>
public sealed record GoalInput(string Text, CheckInDays ReminderDays, TimeOnly ReminderLocalTime);
