using Buddy.Domain.Privacy;
using Buddy.Gateway.Hosting;

namespace Buddy.Gateway.Privacy;

/// <summary>Reads the "DataProtection" section once at start-up; a bad value stops start-up naming the setting.</summary>
internal static class DataProtectionSettings
{
    public static RetentionPolicy From(IConfiguration configuration) => new(
        Days(configuration, "DataProtection:RetainAfterDischargeDays", RetentionPolicy.DefaultRetainAfterDischargeDays),
        Days(configuration, "DataProtection:RetainUnmatchedInboundDays", RetentionPolicy.DefaultRetainUnmatchedInboundDays));

    private static int Days(IConfiguration configuration, string key, int fallback)
    {
        var text = configuration[key];
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        return int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var days) && days is > 0 and <= 36_500
            ? days
            : throw new BadConfigurationException($"{key} is '{text}', but it must be a whole number of days from 1 to 36500.");
    }
}
