using System.Text.RegularExpressions;
using Buddy.Domain.Organisations;

namespace Buddy.Domain.Templates;

/// <summary>
/// The placeholders a message template may use, and how they are filled. An unknown placeholder is an error at
/// edit time rather than a "{Frist Name}" texted to a service user.
/// </summary>
public static partial class TemplatePlaceholders
{
    public const string FirstName = "FirstName";
    public const string ScaleRange = "ScaleRange";

    /// <summary>The name the preview uses when no service user is chosen.</summary>
    public const string SampleFirstName = "Alex";

    public static IReadOnlyList<string> Known { get; } = [FirstName, ScaleRange];

    /// <summary>"0-10", "1-10" or "1-5", as a service user reads it.</summary>
    public static string DescribeScale(MoodScale scale) => $"{scale.Minimum()}-{scale.Maximum()}";

    public static string Fill(string body, string firstName, MoodScale scale) =>
        Placeholder().Replace(body, m => m.Groups[1].Value switch
        {
            FirstName => firstName,
            ScaleRange => DescribeScale(scale),
            _ => m.Value,
        });

    /// <summary>Placeholders in <paramref name="body"/> that Buddy cannot fill, in order of first use.</summary>
    public static IReadOnlyList<string> Unknown(string body) =>
        [.. Placeholder().Matches(body).Select(m => m.Groups[1].Value).Where(name => !Known.Contains(name)).Distinct()];

    [GeneratedRegex(@"\{([^{}]*)\}")]
    private static partial Regex Placeholder();
}
