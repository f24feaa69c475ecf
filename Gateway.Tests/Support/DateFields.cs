using System.Globalization;

namespace Buddy.Tests.Support;

/// <summary>A form's date as the NHS.UK date input posts it: three fields, X.Day, X.Month and X.Year.</summary>
public static class DateFields
{
    public static Dictionary<string, string> WithDate(this Dictionary<string, string> values, string name, string day, string month, string year)
    {
        values[$"{name}.Day"] = day;
        values[$"{name}.Month"] = month;
        values[$"{name}.Year"] = year;
        return values;
    }

    public static Dictionary<string, string> WithDate(this Dictionary<string, string> values, string name, DateOnly date) =>
        values.WithDate(name, date.Day.ToString(CultureInfo.InvariantCulture), date.Month.ToString(CultureInfo.InvariantCulture), date.Year.ToString(CultureInfo.InvariantCulture));
}
