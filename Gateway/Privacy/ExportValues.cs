using System.Collections;
using System.Globalization;
using Buddy.Domain.Time;

namespace Buddy.Gateway.Privacy;

/// <summary>One text form per value type, shared by the CSV and HTML writers so both read the same.</summary>
internal static class ExportValues
{
    public static string Format(object? value) => value switch
    {
        null => "",
        string text => text,
        DateTime utc => utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        TimeOnly time => time.ToString("HH:mm", CultureInfo.InvariantCulture),
        bool flag => flag ? "yes" : "no",
        Enum e => e.ToString(),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        IEnumerable list => string.Join(", ", list.Cast<object?>().Select(Format)),
        _ => value.ToString() ?? "",
    };

    /// <summary>A UTC time as the person saw it, e.g. "2026-03-29 02:30" in Europe/London.</summary>
    public static string Local(DateTime? utc, string timeZoneId) =>
        utc is { } value ? LocalTimes.ToLocal(value, timeZoneId).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : "";
}
