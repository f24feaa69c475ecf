using System.Globalization;

namespace Buddy.Benchmarks.Load;

/// <summary>
/// The load commands' arguments: <c>--name value</c> pairs, plus <c>--set Key=Value</c> (repeatable) for extra
/// gateway settings as environment variables (e.g. <c>--set Sms__Outbox__Concurrency=32</c>).
/// </summary>
internal sealed class LoadOptions
{
    private readonly Dictionary<string, string> _values = new(StringComparer.OrdinalIgnoreCase);

    public Dictionary<string, string> Settings { get; } = new(StringComparer.Ordinal);

    public static LoadOptions Parse(IReadOnlyList<string> args)
    {
        var options = new LoadOptions();
        for (var i = 0; i < args.Count; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Count)
            {
                throw new ArgumentException($"Expected '--name value' pairs, but got '{args[i]}'.");
            }

            var name = args[i][2..];
            var value = args[++i];
            if (name == "set")
            {
                var equals = value.IndexOf('=', StringComparison.Ordinal);
                if (equals <= 0)
                {
                    throw new ArgumentException($"--set needs Key=Value, but got '{value}'.");
                }

                options.Settings[value[..equals]] = value[(equals + 1)..];
            }
            else
            {
                options._values[name] = value;
            }
        }

        return options;
    }

    public string Text(string name, string fallback) => _values.TryGetValue(name, out var value) ? value : fallback;

    public double Number(string name, double fallback) =>
        !_values.TryGetValue(name, out var text) ? fallback
            : double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value > 0 ? value
            : throw new ArgumentException($"--{name} is '{text}', but it must be a positive number.");
}
