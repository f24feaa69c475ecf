using System.Text.RegularExpressions;

namespace Buddy.Domain.Privacy;

/// <summary>
/// Removes a person's known identifiers (names, phone number, external reference) from free text that must be
/// kept, such as an operator's reason for an erasure or an audit detail that named them.
/// </summary>
public sealed class IdentifierScrubber
{
    private readonly Regex? _pattern;

    /// <param name="identifiers">Null, blank and one-letter values are ignored: they would match everywhere.</param>
    public IdentifierScrubber(IEnumerable<string?> identifiers)
    {
        var values = new List<string>();
        foreach (var identifier in identifiers)
        {
            if (string.IsNullOrWhiteSpace(identifier) || identifier.Trim().Length < 2)
            {
                continue;
            }

            var value = identifier.Trim();
            values.Add(value);
            if (value.StartsWith('+') && value.Length > 4)
            {
                // A number is often written without the '+', and a UK one nationally: +447700900123 as 07700900123.
                values.Add(value[1..]);
                if (value.StartsWith("+44", StringComparison.Ordinal))
                {
                    values.Add("0" + value[3..]);
                }
            }
        }

        if (values.Count > 0)
        {
            // Longest first, so "Sam Jones" goes whole before "Sam" could leave "[redacted] Jones"; whole words
            // only, so "Sam" does not eat "Sample".
            var alternatives = values.Distinct(StringComparer.OrdinalIgnoreCase).OrderByDescending(v => v.Length).Select(Regex.Escape);
            _pattern = new Regex(
                $@"(?<![\p{{L}}\p{{N}}])(?:{string.Join('|', alternatives)})(?![\p{{L}}\p{{N}}])",
                RegexOptions.IgnoreCase | RegexOptions.CultureInvariant,
                TimeSpan.FromSeconds(1));
        }
    }

    public bool Matches(string? text) => text is not null && _pattern is not null && _pattern.IsMatch(text);

    public string? Scrub(string? text) =>
        text is null || _pattern is null ? text : _pattern.Replace(text, PersonalDataStub.RedactedIdentifier);
}
