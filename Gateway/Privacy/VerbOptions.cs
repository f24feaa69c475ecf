namespace Buddy.Gateway.Privacy;

/// <summary>"--id G --format csv --yes" as named values and flags, for the data protection verbs.</summary>
internal sealed class VerbOptions
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);
    private readonly HashSet<string> _flags = new(StringComparer.Ordinal);

    private VerbOptions()
    {
    }

    public string? Error { get; private set; }

    public static VerbOptions Parse(IReadOnlyList<string> args, IReadOnlySet<string> valueNames, IReadOnlySet<string> flagNames)
    {
        var options = new VerbOptions();
        for (var i = 0; i < args.Count && options.Error is null; i++)
        {
            var name = args[i];
            if (flagNames.Contains(name))
            {
                options._flags.Add(name);
            }
            else if (valueNames.Contains(name) && i + 1 < args.Count)
            {
                options._values[name] = args[++i];
            }
            else
            {
                options.Error = valueNames.Contains(name) ? $"{name} needs a value." : $"Unknown option '{name}'.";
            }
        }

        return options;
    }

    public string? this[string name] => _values.GetValueOrDefault(name);

    public bool Has(string flag) => _flags.Contains(flag);

    /// <summary>Reads --id as a service user id, or says what is wrong.</summary>
    public Guid? ServiceUserId(TextWriter output)
    {
        if (Guid.TryParse(this["--id"], out var id))
        {
            return id;
        }

        output.WriteLine(this["--id"] is null ? "--id is required (the service user's id)." : $"--id '{this["--id"]}' is not a service user id (a GUID).");
        return null;
    }
}
