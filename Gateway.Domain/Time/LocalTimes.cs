using NodaTime;

namespace Buddy.Domain.Time;

/// <summary>Conversions between stored UTC instants and a service user's local calendar.</summary>
public static class LocalTimes
{
    /// <summary>The zone for an IANA id; throws with the id named when it is unknown.</summary>
    public static DateTimeZone Zone(string ianaId) =>
        DateTimeZoneProviders.Tzdb.GetZoneOrNull(ianaId)
        ?? throw new ArgumentException($"Unknown IANA time zone '{ianaId}'.", nameof(ianaId));

    public static bool IsKnownZone(string ianaId) => DateTimeZoneProviders.Tzdb.GetZoneOrNull(ianaId) is not null;

    public static LocalDateTime ToLocal(DateTime utc, string ianaId) =>
        Instant.FromDateTimeUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc)).InZone(Zone(ianaId)).LocalDateTime;

    /// <summary>
    /// The UTC instant of a local date and time. A time skipped by a clock change moves forward by the gap; a time
    /// that occurs twice resolves to the earlier instant.
    /// </summary>
    public static DateTime ToUtc(DateOnly date, TimeOnly time, string ianaId) =>
        LocalDateTime.FromDateTime(date.ToDateTime(time)).InZoneLeniently(Zone(ianaId)).ToDateTimeUtc();

    public static DateOnly LocalDate(DateTime utc, string ianaId) => ToLocal(utc, ianaId).Date.ToDateOnly();
}
