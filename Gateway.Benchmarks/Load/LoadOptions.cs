using System.Globalization;
using Buddy.Gateway.Data;

namespace Buddy.Benchmarks.Load;

/// <summary>
/// The load commands' arguments: <c>--name value</c> pairs, the switch <c>--pin</c>, plus <c>--set Key=Value</c>
/// (repeatable) for extra gateway settings as environment variables (e.g. <c>--set Sms__Outbox__Concurrency=32</c>).
/// </summary>
internal sealed class LoadOptions
{
    // Switches take no value: present means on.
    private static readonly HashSet<string> s_switches = new(StringComparer.OrdinalIgnoreCase) { "pin" };

    private readonly Dictionary<string, string> _values = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _switches = new(StringComparer.OrdinalIgnoreCase);

    public Dictionary<string, string> Settings { get; } = new(StringComparer.Ordinal);

    public static LoadOptions Parse(IReadOnlyList<string> args)
    {
        var options = new LoadOptions();
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i].StartsWith("--", StringComparison.Ordinal) && s_switches.Contains(args[i][2..]))
            {
                options._switches.Add(args[i][2..]);
                continue;
            }

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

    /// <summary><c>--pin</c>: the gateways on CPU 0, this tool (load generator, mock provider) on CPU 1.</summary>
    public bool Pin => _switches.Contains("pin");

    /// <summary>
    /// <c>--instances N</c> (1 by default): gateway processes sharing one database. Only PostgreSQL can be shared
    /// (SQLite is one file with one writer, for one gateway), so more than one on SQLite is refused.
    /// </summary>
    public int Instances(DatabaseProvider provider)
    {
        var number = Number("instances", 1);
        if (number != Math.Floor(number))
        {
            throw new ArgumentException($"--instances is '{Text("instances", "")}', but it must be a whole number.");
        }

        return number > 1 && provider != DatabaseProvider.Postgres
            ? throw new ArgumentException($"--instances {number:0} needs --database Postgres: several gateways can only share a PostgreSQL database (a SQLite file is for one gateway).")
            : (int)number;
    }

    public string Text(string name, string fallback) => _values.TryGetValue(name, out var value) ? value : fallback;

    public double Number(string name, double fallback) =>
        !_values.TryGetValue(name, out var text) ? fallback
            : double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value > 0 ? value
            : throw new ArgumentException($"--{name} is '{text}', but it must be a positive number.");
}
