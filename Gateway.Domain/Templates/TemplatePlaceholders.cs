using System.Text.RegularExpressions;
using Buddy.Domain.Organisations;
using Buddy.Domain.ServiceUsers;

namespace Buddy.Domain.Templates;

/// <summary>
/// The template editor's view of placeholders. Filling is <see cref="TemplateRenderer"/>'s, so the preview a
/// manager sees is exactly the text a service user gets; an unknown placeholder (even a malformed one such as
/// "{Frist Name}") is an error at edit time rather than something texted.
/// </summary>
public static partial class TemplatePlaceholders
{
    /// <summary>The name the preview uses when no service user is chosen.</summary>
    public const string SampleFirstName = "Alex";

    public static IReadOnlyList<string> Known => TemplateRenderer.Placeholders;

    /// <summary>How the scale reads in a text, as <see cref="TemplateRenderer.ScaleRange"/> writes it.</summary>
    public static string DescribeScale(MoodScale scale) => TemplateRenderer.ScaleRange(scale);

    public static string Fill(string body, string firstName, MoodScale scale, string organisationName = "") =>
        TemplateRenderer.Render(
            body,
            new ServiceUser { DisplayName = firstName, FirstName = firstName },
            new Organisation { Name = organisationName, MoodScale = scale });

    /// <summary>Placeholders in <paramref name="body"/> that Buddy cannot fill, in order of first use.</summary>
    public static IReadOnlyList<string> Unknown(string body) =>
        [.. Placeholder().Matches(body).Select(m => m.Groups[1].Value).Where(name => !Known.Contains(name)).Distinct()];

    [GeneratedRegex(@"\{([^{}]*)\}")]
    private static partial Regex Placeholder();
}
