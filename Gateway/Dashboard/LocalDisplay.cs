using System.Globalization;
using Buddy.Domain.Time;

namespace Buddy.Gateway.Dashboard;

/// <summary>Times and dates as staff read them: the service user's local time, UK style.</summary>
public static class LocalDisplay
{
    private static readonly CultureInfo s_uk = CultureInfo.GetCultureInfo("en-GB");

    public static string DateTime(DateTime utc, string timeZoneId) =>
        LocalTimes.ToLocal(utc, timeZoneId).ToDateTimeUnspecified().ToString("ddd d MMM yyyy, HH:mm", s_uk);

    public static string Date(DateOnly date) => date.ToString("ddd d MMM yyyy", s_uk);

    public static string ShortDate(DateOnly date) => date.ToString("d MMM", s_uk);

    /// <summary>"Tue 2 Dec": a day within the summary's period, where the year goes without saying.</summary>
    public static string DayAndDate(DateOnly date) => date.ToString("ddd d MMM", s_uk);

    public static string Percent(double? rate) => rate is { } r ? r.ToString("0%", s_uk) : "No check-ins sent";

    public static string Number(double? value) => value is { } v ? v.ToString("0.#", s_uk) : "–";
}
