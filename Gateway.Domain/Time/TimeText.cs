using System.Globalization;
using System.Text.RegularExpressions;

namespace Buddy.Domain.Time;

/// <summary>
/// Reads a time of day as staff type it into a 24-hour text field: "19:00", "19.00", "1900", "9:05", and also
/// "7pm", "7:30 pm", "noon" or "midnight", which say plainly which half of the day is meant. A bare hour ("7") is
/// refused rather than guessed: read as 07:00 it could send a check-in at breakfast time that was meant for the
/// evening, and a text in the small hours is the kind of mistake Buddy must not make.
/// </summary>
public static partial class TimeText
{
    public static bool TryParse(string? text, out TimeOnly time)
    {
        time = default;
        var typed = (text ?? "").Trim().ToLowerInvariant();
        if (typed is "noon" or "midday")
        {
            time = new TimeOnly(12, 0);
            return true;
        }

        if (typed == "midnight")
        {
            time = TimeOnly.MinValue;
            return true;
        }

        if (TwentyFourHour().Match(typed) is { Success: true } clock)
        {
            return TryMake(Number(clock.Groups["h"]), Number(clock.Groups["m"]), out time);
        }

        if (TwelveHour().Match(typed) is { Success: true } halfDay)
        {
            var hour = Number(halfDay.Groups["h"]);
            var minute = halfDay.Groups["m"].Success ? Number(halfDay.Groups["m"]) : 0;
            if (hour is < 1 or > 12)
            {
                return false;
            }

            var afternoon = halfDay.Groups["half"].Value.StartsWith('p');
            return TryMake((hour % 12) + (afternoon ? 12 : 0), minute, out time);
        }

        return false;
    }

    /// <summary>The message for a time that cannot be read, naming the field (for example "the check-in time").</summary>
    public static string Problem(string what) => $"Enter {what} as a 24-hour time, for example 19:00";

    /// <summary>"19:00": how Buddy writes a time back into a field.</summary>
    public static string Format(TimeOnly time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);

    private static bool TryMake(int hour, int minute, out TimeOnly time)
    {
        time = default;
        if (hour is < 0 or > 23 || minute is < 0 or > 59)
        {
            return false;
        }

        time = new TimeOnly(hour, minute);
        return true;
    }

    private static int Number(Group group) => int.Parse(group.Value, NumberStyles.None, CultureInfo.InvariantCulture);

    // 19:00, 19.00, 9:05, 1900, 0905, and 19:00:00 (what a browser's own time picker used to post).
    [GeneratedRegex(@"^(?<h>[01]?[0-9]|2[0-3])(?:[:.](?<m>[0-5][0-9])(?::00)?|(?<m>[0-5][0-9]))$")]
    private static partial Regex TwentyFourHour();

    // 7pm, 7 pm, 7:30pm, 7.30 p.m.
    [GeneratedRegex(@"^(?<h>[0-9]{1,2})(?:[:.](?<m>[0-5][0-9]))?\s*(?<half>a\.?m\.?|p\.?m\.?)$")]
    private static partial Regex TwelveHour();
}
