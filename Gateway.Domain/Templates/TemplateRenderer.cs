using System.Text.RegularExpressions;
using Buddy.Domain.Organisations;
using Buddy.Domain.ServiceUsers;

namespace Buddy.Domain.Templates;

/// <summary>
/// Turns a template into the text one person receives. Placeholders: {FirstName}, {ScaleRange} (from the
/// organisation's mood scale) and {OrganisationName}. Anything else in braces is left as written, and
/// <see cref="UnknownPlaceholders"/> lets the template editor refuse it before it is ever sent.
/// </summary>
public static partial class TemplateRenderer
{
    public static readonly IReadOnlyList<string> Placeholders = ["FirstName", "ScaleRange", "OrganisationName"];

    public static string Render(string body, ServiceUser person, Organisation organisation) =>
        Placeholder().Replace(body, match => match.Groups[1].Value switch
        {
            "FirstName" => person.GreetingName,
            "ScaleRange" => ScaleRange(organisation.MoodScale),
            "OrganisationName" => organisation.Name,
            _ => match.Value,
        });

    /// <summary>How a scale reads in a text: "0-10", "1-10", or Buddy's original five-point wording.</summary>
    public static string ScaleRange(MoodScale scale) => scale switch
    {
        MoodScale.ZeroToTen => "0-10",
        MoodScale.OneToTen => "1-10",
        MoodScale.OneToFive => "1 (well below average) to 5 (well above average)",
        _ => throw new ArgumentOutOfRangeException(nameof(scale)),
    };

    /// <summary>
    /// The wording for a kind of text: the named template when it exists and is of that kind, else the
    /// organisation's default for the kind, else Buddy's built-in default.
    /// </summary>
    public static string BodyFor(TemplateKind kind, Guid? templateId, IEnumerable<MessageTemplate> organisationTemplates)
    {
        var ofKind = organisationTemplates.Where(t => t.Kind == kind).ToList();
        return (templateId is { } id ? ofKind.FirstOrDefault(t => t.Id == id) : null)?.Body
            ?? ofKind.Where(t => t.IsDefault).OrderByDescending(t => t.UpdatedAtUtc).FirstOrDefault()?.Body
            ?? BuiltIn(kind);
    }

    /// <summary>
    /// A check-in's first text. A template chosen on the schedule wins; otherwise a two-step check-in asks Buddy's
    /// original "How are you feeling?" (the organisation's CheckInFirstStep default, else the built-in wording), never
    /// the one-message question that also asks what they did.
    /// </summary>
    public static string CheckInBodyFor(bool twoStep, Guid? templateId, IEnumerable<MessageTemplate> organisationTemplates)
    {
        var templates = organisationTemplates.ToList();
        if (!twoStep)
        {
            return BodyFor(TemplateKind.CheckIn, templateId, templates);
        }

        var chosen = templateId is { } id ? templates.FirstOrDefault(t => t.Id == id && t.Kind == TemplateKind.CheckIn) : null;
        return chosen?.Body ?? BodyFor(TemplateKind.CheckInFirstStep, null, templates);
    }

    public static IReadOnlyList<string> UnknownPlaceholders(string body) =>
        [.. Placeholder().Matches(body).Select(m => m.Groups[1].Value).Where(n => !Placeholders.Contains(n)).Distinct()];

    private static string BuiltIn(TemplateKind kind) => kind switch
    {
        TemplateKind.CheckIn => DefaultTexts.CheckIn,
        TemplateKind.Reminder => DefaultTexts.Reminder,
        TemplateKind.CheckInFirstStep => DefaultTexts.TwoStepCheckIn,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Buddy has no built-in wording for this kind; the organisation must define one."),
    };

    [GeneratedRegex(@"\{([A-Za-z]+)\}")]
    private static partial Regex Placeholder();
}
