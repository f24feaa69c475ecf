namespace Buddy.Gateway.Sessions;

/// <summary><c>Sessions</c> settings for appointment reminders.</summary>
public sealed class AppointmentReminderOptions
{
    public const string Section = "Sessions";

    /// <summary>How many days before the session the reminder goes (1: the day before).</summary>
    public int ReminderDaysBefore { get; set; } = 1;

    /// <summary>
    /// Local time of the reminder, "HH:mm". Empty: the person's own check-in time (so Buddy texts them when they
    /// expect it), or <see cref="FallbackReminderTime"/> when they have no check-in schedule.
    /// </summary>
    public string? ReminderLocalTime { get; set; }

    public static readonly TimeOnly FallbackReminderTime = new(18, 0);

    public TimeOnly? ConfiguredReminderTime =>
        string.IsNullOrWhiteSpace(ReminderLocalTime) ? null : TimeOnly.ParseExact(ReminderLocalTime, "HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    public bool IsValid() =>
        ReminderDaysBefore is >= 0 and <= 7 &&
        (string.IsNullOrWhiteSpace(ReminderLocalTime) ||
         TimeOnly.TryParseExact(ReminderLocalTime, "HH:mm", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out _));
}
