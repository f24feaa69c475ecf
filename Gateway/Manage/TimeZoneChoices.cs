using NodaTime.TimeZones;

namespace Buddy.Gateway.Manage;

/// <summary>One time zone a form offers: the IANA id it saves and the words it shows.</summary>
public sealed record TimeZoneChoice(string Id, string Label);

/// <summary>
/// The time zones a manager chooses from instead of typing an IANA name: the organisation's zone first (most people
/// live there), the current value next when it differs, then every zone the time zone database places in a country,
/// by name, with the country said ("America/New_York (United States)").
/// </summary>
public static class TimeZoneChoices
{
    private static readonly Lazy<IReadOnlyList<TimeZoneChoice>> s_all = new(() =>
        [.. (TzdbDateTimeZoneSource.Default.ZoneLocations ?? [])
            .GroupBy(z => z.ZoneId, StringComparer.Ordinal)
            .Select(g => new TimeZoneChoice(g.Key, $"{g.Key.Replace('_', ' ')} ({string.Join(", ", g.Select(z => z.CountryName).Distinct())})"))
            .Append(new TimeZoneChoice("UTC", "UTC (no daylight saving)"))
            .OrderBy(z => z.Id, StringComparer.Ordinal)]);

    public static IReadOnlyList<TimeZoneChoice> For(string organisationZone, string? current)
    {
        var all = s_all.Value;
        var organisation = Find(all, organisationZone);
        var choices = new List<TimeZoneChoice> { organisation with { Label = $"{organisation.Label}, your organisation's zone" } };
        if (!string.IsNullOrWhiteSpace(current) && !string.Equals(current, organisationZone, StringComparison.Ordinal))
        {
            choices.Add(Find(all, current.Trim()));
        }

        choices.AddRange(all.Where(z => !choices.Any(c => c.Id == z.Id)));
        return choices;
    }

    /// <summary>The zone's choice; an id the list does not name (an old alias still valid) is offered as it is.</summary>
    private static TimeZoneChoice Find(IReadOnlyList<TimeZoneChoice> all, string id) =>
        all.FirstOrDefault(z => string.Equals(z.Id, id, StringComparison.Ordinal)) ?? new TimeZoneChoice(id, id.Replace('_', ' '));
}
