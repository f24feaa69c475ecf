using System.Globalization;

namespace Buddy.Gateway.Hosting;

/// <summary>Reads single settings and refuses a bad one with a sentence naming it.</summary>
internal static class ConfigurationValues
{
    /// <summary>A number above zero, or <paramref name="fallback"/> when the setting is absent.</summary>
    public static double PositiveNumber(IConfiguration configuration, string key, double fallback)
    {
        var text = configuration[key];
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : throw new BadConfigurationException($"{key} is '{text}', but it must be a positive number.");
    }
}
