using Buddy.Domain.Time;
using Buddy.Domain.Validation;

namespace Buddy.Gateway.Manage;

/// <summary>A 24-hour text time field as a form posts it (see <see cref="TimeText"/> for what it accepts).</summary>
public static class TimeField
{
    /// <summary>Null when blank (an error too when <paramref name="required"/>) or unreadable, with the problem in <paramref name="errors"/>.</summary>
    /// <param name="what">The field in words, for the message: "the check-in time".</param>
    public static TimeOnly? Read(string? text, string field, string what, FieldErrors errors, bool required)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            if (required)
            {
                errors.Add(field, $"Enter {what}, for example 19:00");
            }

            return null;
        }

        if (TimeText.TryParse(text, out var time))
        {
            return time;
        }

        errors.Add(field, TimeText.Problem(what));
        return null;
    }
}
