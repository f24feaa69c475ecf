using System.Globalization;
using Buddy.Domain.Time;

namespace Buddy.Gateway.Manage;

/// <summary>
/// A date as a form posts it in the NHS.UK date-input pattern: three text boxes named X.Day, X.Month and X.Year,
/// never a browser's date picker (which shows mm/dd/yyyy in some locales). <c>&lt;nhs-input for="X"/&gt;</c>
/// renders it; <see cref="Read"/> turns it into a date or the design system's error message.
/// </summary>
public sealed class DateInput
{
    public string? Day { get; set; }

    public string? Month { get; set; }

    public string? Year { get; set; }

    public bool IsBlank => string.IsNullOrWhiteSpace(Day) && string.IsNullOrWhiteSpace(Month) && string.IsNullOrWhiteSpace(Year);

    public static DateInput From(DateOnly? date) => date is { } d
        ? new DateInput { Day = d.Day.ToString(CultureInfo.InvariantCulture), Month = d.Month.ToString(CultureInfo.InvariantCulture), Year = d.Year.ToString(CultureInfo.InvariantCulture) }
        : new DateInput();

    /// <param name="what">The field in words, as a sentence starts: "The first day".</param>
    public DateReading Read(string what) => DateParts.Read(Day, Month, Year, what);

    /// <summary>The date, with its problem added to <paramref name="errors"/> under <paramref name="field"/>; null when blank or wrong.</summary>
    public DateOnly? Read(string what, string field, Domain.Validation.FieldErrors errors, bool required = false)
    {
        var reading = Read(what);
        if (reading.Problem is { } problem)
        {
            errors.Add(field, problem);
        }
        else if (reading.IsBlank && required)
        {
            errors.Add(field, $"Enter {char.ToLowerInvariant(what[0])}{what[1..]}");
        }

        return reading.Date;
    }

    /// <summary>The date as yyyy-MM-dd for links and the API's parsers, or null when not a date.</summary>
    public string? Iso(string what) => Read(what).Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
