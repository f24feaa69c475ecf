using System.Globalization;
using Buddy.Domain.Time;
using Buddy.Domain.Validation;

namespace Buddy.Gateway.Sessions;

/// <summary>
/// Reads a session as typed on the cycle page or sent to the API: a local date (yyyy-MM-dd), a local 24-hour time (19:00; see TimeText)
/// and a place or "video"/"phone". Errors are keyed Date, Time and Location; each caller prefixes them its own way.
/// </summary>
public static class SessionBookingParser
{
    public static SessionBooking? Parse(string? date, string? time, string? location, FieldErrors errors)
    {
        var parsedDate = ParseDate(date, "Date", "the session date", errors);
        var parsedTime = ParseTime(time, "Time", "the start time", errors);
        var place = location?.Trim() ?? "";
        if (place.Length == 0)
        {
            errors.Add("Location", "Say where the session is: a place, or video or phone");
        }
        else if (place.Length > SessionService.MaxLocationLength)
        {
            errors.Add("Location", $"The place must be {SessionService.MaxLocationLength} characters or fewer");
        }

        return parsedDate is { } d && parsedTime is { } t && errors.IsValid ? new SessionBooking(d, t, place) : null;
    }

    public static DateOnly? ParseDate(string? text, string field, string what, FieldErrors errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            errors.Add(field, $"Enter {what}");
            return null;
        }

        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        errors.Add(field, $"Enter {what} as a real date, for example 2026-12-03");
        return null;
    }

    public static TimeOnly? ParseTime(string? text, string field, string what, FieldErrors errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            errors.Add(field, $"Enter {what}, for example 14:30");
            return null;
        }

        if (TimeText.TryParse(text, out var time))
        {
            return time;
        }

        errors.Add(field, $"Enter {what} as a 24-hour time, for example 14:30");
        return null;
    }
}
