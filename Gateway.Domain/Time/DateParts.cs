using System.Globalization;

namespace Buddy.Domain.Time;

/// <summary>Which of a date's three boxes a problem is in, so a form can mark just those.</summary>
[Flags]
public enum DatePart
{
    None = 0,
    Day = 1,
    Month = 2,
    Year = 4,
    All = Day | Month | Year,
}

/// <summary>What was read from a date typed as day, month and year: a date, nothing at all, or a problem.</summary>
/// <param name="Problem">A sentence for beside the field; null when the date was read or all three boxes were empty.</param>
/// <param name="WrongParts">The boxes the problem is in.</param>
public sealed record DateReading(DateOnly? Date, string? Problem, DatePart WrongParts)
{
    public bool IsBlank => Date is null && Problem is null;
}

/// <summary>
/// Reads a date typed in the NHS.UK date-input pattern (three boxes: day, month, year), with the design system's
/// error wording: "[The date] must include a month", "[The date] must be a real date". A month may be typed as a
/// number or a name ("3", "Mar", "March"); the year needs four figures, so "26" is never guessed to mean 2026.
/// </summary>
public static class DateParts
{
    /// <param name="what">The field in words, as a sentence starts: "The first day", "The restart date".</param>
    public static DateReading Read(string? day, string? month, string? year, string what)
    {
        var (d, m, y) = (day?.Trim() ?? "", month?.Trim() ?? "", year?.Trim() ?? "");
        var missing = (d.Length == 0 ? DatePart.Day : 0) | (m.Length == 0 ? DatePart.Month : 0) | (y.Length == 0 ? DatePart.Year : 0);
        if (missing == DatePart.All)
        {
            return new DateReading(null, null, DatePart.None);
        }

        if (missing != DatePart.None)
        {
            return new DateReading(null, $"{what} must include {Describe(missing)}", missing);
        }

        if (y.Length != 4 || !int.TryParse(y, NumberStyles.None, CultureInfo.InvariantCulture, out var yearNumber) || yearNumber < 1)
        {
            return new DateReading(null, $"{what} must include a year with 4 numbers, for example 2026", DatePart.Year);
        }

        var wrong = (int.TryParse(d, NumberStyles.None, CultureInfo.InvariantCulture, out var dayNumber) && dayNumber is >= 1 and <= 31 ? 0 : DatePart.Day)
            | (MonthNumber(m) is { } monthNumber ? 0 : DatePart.Month);
        if (wrong != DatePart.None || dayNumber > DateTime.DaysInMonth(yearNumber, MonthNumber(m)!.Value))
        {
            return new DateReading(null, $"{what} must be a real date", wrong == DatePart.None ? DatePart.Day : wrong);
        }

        return new DateReading(new DateOnly(yearNumber, MonthNumber(m)!.Value, dayNumber), null, DatePart.None);
    }

    /// <summary>"a day", "a month and year", "a day and month".</summary>
    private static string Describe(DatePart missing)
    {
        var names = new[] { (DatePart.Day, "day"), (DatePart.Month, "month"), (DatePart.Year, "year") }
            .Where(p => missing.HasFlag(p.Item1)).Select(p => p.Item2).ToList();
        return "a " + string.Join(" and ", names);
    }

    private static int? MonthNumber(string text)
    {
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            return number is >= 1 and <= 12 ? number : null;
        }

        var names = CultureInfo.InvariantCulture.DateTimeFormat;
        for (var month = 1; month <= 12; month++)
        {
            if (string.Equals(text, names.GetMonthName(month), StringComparison.OrdinalIgnoreCase) ||
                string.Equals(text, names.GetAbbreviatedMonthName(month), StringComparison.OrdinalIgnoreCase) ||
                (text.Length == 4 && string.Equals(text, "sept", StringComparison.OrdinalIgnoreCase) && month == 9))
            {
                return month;
            }
        }

        return null;
    }
}
