using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Buddy.Gateway.Hosting;

/// <summary>
/// Turns what .NET throws for a bad setting (a settings file that is not JSON, a value the configuration binder
/// cannot convert, an options check that fails) into the same one-sentence <see cref="BadConfigurationException"/> as Buddy's own checks, so an
/// operator never gets a stack trace for a typo.
/// </summary>
internal static partial class ConfigurationErrors
{
    /// <summary>Checks every options section registered with ValidateOnStart now, before the database is touched.</summary>
    public static void ValidateOptions(IServiceProvider services) => services.GetService<IStartupValidator>()?.Validate();

    /// <summary>The one sentence for a configuration problem, or null when <paramref name="error"/> is not one.</summary>
    public static BadConfigurationException? Explain(Exception error) => error switch
    {
        BadConfigurationException bad => bad,
        OptionsValidationException invalid => new BadConfigurationException(string.Join(" ", invalid.Failures)),
        AggregateException many => many.InnerExceptions.Select(Explain).FirstOrDefault(e => e is not null),
        InvalidDataException { InnerException: FormatException format } =>
            new BadConfigurationException($"{error.Message.TrimEnd('.')} because it is not valid JSON: {(format.InnerException ?? format).Message}"),
        InvalidOperationException when FailedConversion().Match(error.Message) is { Success: true } match =>
            new BadConfigurationException($"{match.Groups["key"].Value} could not be read: it must be {Expected(match.Groups["type"].Value)}."),
        _ => error.InnerException is { } inner ? Explain(inner) : null,
    };

    // The value itself is left out: it may be a secret.
    private static string Expected(string type) => type switch
    {
        "System.Int32" or "System.Int64" => "a whole number",
        "System.Double" or "System.Decimal" or "System.Single" => "a number",
        "System.Boolean" => "true or false",
        "System.TimeSpan" => "a duration such as 00:30:00",
        _ => $"a value of type {type}",
    };

    // The binder's wording: "Failed to convert configuration value ['abc' ]at 'Section:Key' to type 'System.Int32'."
    [GeneratedRegex(@"^Failed to convert configuration value (?:'.*' )?at '(?<key>[^']+)' to type '(?<type>[^']+)'", RegexOptions.Singleline)]
    private static partial Regex FailedConversion();
}
