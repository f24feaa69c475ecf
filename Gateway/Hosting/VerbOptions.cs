namespace Buddy.Gateway.Hosting;

/// <summary>
/// The <c>--name value</c> options of a command verb, and its value-less <c>--flag</c>s. Unknown or repeated
/// options are errors, so a typo never silently falls back to a default.
/// </summary>
public sealed class VerbOptions
{
    private readonly Dictionary<string, string> _values;
    private readonly HashSet<string> _flags;

    private VerbOptions(Dictionary<string, string> values, HashSet<string> flags)
    {
        _values = values;
        _flags = flags;
    }

    /// <summary>Returns null and sets <paramref name="error"/> to one sentence when the arguments do not fit.</summary>
    public static VerbOptions? Parse(IReadOnlyList<string> args, IReadOnlyCollection<string> allowed, out string error, IReadOnlyCollection<string>? flags = null)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var set = new HashSet<string>(StringComparer.Ordinal);
        flags ??= [];
        error = "";
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal) || arg.Length == 2)
            {
                error = $"Unexpected argument '{arg}'.";
                return null;
            }

            var name = arg[2..];
            if (flags.Contains(name))
            {
                set.Add(name);
                continue;
            }

            if (!allowed.Contains(name))
            {
                error = $"Unknown option --{name}; expected {string.Join(", ", allowed.Concat(flags).Select(a => "--" + a))}.";
                return null;
            }

            if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                error = $"Option --{name} needs a value.";
                return null;
            }

            if (!values.TryAdd(name, args[++i]))
            {
                error = $"Option --{name} is given twice.";
                return null;
            }
        }

        return new VerbOptions(values, set);
    }

    /// <summary>As <see cref="Parse"/>, and every option in <paramref name="required"/> must have a value ("Missing --a, --b." otherwise).</summary>
    public static VerbOptions? ParseRequired(IReadOnlyList<string> args, IReadOnlyCollection<string> allowed, IReadOnlyCollection<string> required, out string error)
    {
        var options = Parse(args, allowed, out error);
        if (options?.Missing([.. required]) is { } missing)
        {
            error = $"Missing {missing}.";
            return null;
        }

        return options;
    }

    /// <summary>True when the flag (e.g. "yes" for --yes) was given.</summary>
    public bool Has(string flag) => _flags.Contains(flag);

    public string? this[string name] => _values.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    /// <summary>The names of required options that are missing, as "--a, --b".</summary>
    public string? Missing(params string[] required)
    {
        var missing = required.Where(r => this[r] is null).Select(r => "--" + r).ToList();
        return missing.Count == 0 ? null : string.Join(", ", missing);
    }
}
