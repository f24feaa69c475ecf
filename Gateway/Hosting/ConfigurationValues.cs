using System.Globalization;

namespace Buddy.Gateway.Hosting;

/// <summary>
/// Turns one setting's bound text into its value, or refuses it with a sentence that names the setting and quotes
/// what was typed. Blank means unset: the fallback.
/// </summary>
internal static class ConfigurationValues
{
    public delegate bool TryParse<T>(string text, out T value);

    /// <summary>A number above zero.</summary>
    public static double PositiveNumber(string? text, string key, double fallback)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : throw new BadConfigurationException($"{key} is '{text}', but it must be a positive number.");
    }

    /// <summary>
    /// A count above zero: a batch size or a number of attempts. A fraction is refused rather than cut down, because
    /// "0.5" read as 0 would leave a batch that never takes a row.
    /// </summary>
    public static int PositiveCount(string? text, string key, int fallback)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : throw new BadConfigurationException($"{key} is '{text}', but it must be a positive whole number.");
    }

    public static int WholeNumber(string? text, string key, int fallback, int minimum, int maximum)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= minimum && value <= maximum
            ? value
            : throw new BadConfigurationException($"{key} is '{text}', but it must be a whole number from {minimum} to {maximum}.");
    }

    public static bool TrueOrFalse(string? text, string key, bool fallback)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        return bool.TryParse(text, out var value)
            ? value
            : throw new BadConfigurationException($"{key} is '{text}', but it must be true or false.");
    }

    /// <summary>
    /// A list given as a JSON array (or Section__Key__0 variables) or as one comma-separated string, which is why it
    /// is bound as its <see cref="IConfigurationSection"/>: the binder's own lists read only the first form.
    /// </summary>
    public static List<T> Entries<T>(IConfigurationSection? list, string key, string shape, TryParse<T> parse)
    {
        var texts = list is null ? [] : list.GetChildren().Select(c => c.Value).Append(list.Value)
            .Where(v => !string.IsNullOrWhiteSpace(v))
            .SelectMany(v => v!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        var values = new List<T>();
        foreach (var text in texts)
        {
            values.Add(parse(text, out var value) ? value : throw new BadConfigurationException($"{key} holds '{text}', but each entry must be {shape}."));
        }

        return values;
    }
}
