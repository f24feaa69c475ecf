using System.Text.RegularExpressions;
using Buddy.Domain.Conversations;
using Buddy.Domain.Goals;
using Buddy.Domain.Organisations;
using Buddy.Domain.ServiceUsers;
using Buddy.Domain.Sessions;

namespace Buddy.Domain.Templates;

/// <summary>
/// The template editor's view of placeholders. Each kind of text is filled by its own sender, so each has its own
/// set: a check-in knows {FirstName}, {ScaleRange} and {OrganisationName}; a goal reminder {FirstName} and {Goal};
/// an appointment reminder {FirstName}, {Therapist}, {When} and {Where}; the second step of a two-step check-in only
/// {FirstName}. A placeholder the kind's sender would not fill (even a malformed one such as "{Frist Name}") is an
/// error at edit time rather than something texted. The preview fills the general ones as
/// <see cref="TemplateRenderer"/> does and the rest with samples as long as real ones usually are.
/// </summary>
public static partial class TemplatePlaceholders
{
    /// <summary>The name the preview uses when the organisation has no service users yet.</summary>
    public const string SampleFirstName = "Alex";

    /// <summary>Samples for the placeholders only one kind of text has, in their longest usual form.</summary>
    public static readonly IReadOnlyDictionary<string, string> Samples = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["Goal"] = "walk to the shop twice this week",
        ["Therapist"] = "Priya",
        ["When"] = "tomorrow (Thu 26 Nov) at 10:00",
        ["Where"] = "at Riverside Centre, room 2",
    };

    public static IReadOnlyList<string> Known => TemplateRenderer.Placeholders;

    /// <summary>The placeholders the sender of <paramref name="kind"/> fills.</summary>
    public static IReadOnlyList<string> For(TemplateKind kind) => kind switch
    {
        TemplateKind.CheckInSecondStep => ["FirstName"],
        TemplateKind.GoalReminder => ["FirstName", "Goal"],
        TemplateKind.AppointmentReminder => ["FirstName", "Therapist", "When", "Where"],
        _ => TemplateRenderer.Placeholders,
    };

    /// <summary>Buddy's own wording for a kind, used while the organisation has no default template of it; null for one-off texts, which have none.</summary>
    public static string? StandardWording(TemplateKind kind) => kind switch
    {
        TemplateKind.CheckIn => DefaultTexts.CheckIn,
        TemplateKind.Reminder => DefaultTexts.Reminder,
        TemplateKind.CheckInFirstStep => DefaultTexts.TwoStepCheckIn,
        TemplateKind.CheckInSecondStep => TwoStepTexts.DefaultSecondStep,
        TemplateKind.AppointmentReminder => SessionTexts.DefaultReminder,
        TemplateKind.GoalReminder => GoalTexts.DefaultReminder,
        _ => null,
    };

    /// <summary>How the scale reads in a text, as <see cref="TemplateRenderer.ScaleRange"/> writes it.</summary>
    public static string DescribeScale(MoodScale scale) => TemplateRenderer.ScaleRange(scale);

    /// <summary>A check-in's text for a person called <paramref name="firstName"/> (the general placeholders only).</summary>
    public static string Fill(string body, string firstName, MoodScale scale, string organisationName = "") =>
        TemplateRenderer.Render(
            body,
            new ServiceUser { DisplayName = firstName, FirstName = firstName },
            new Organisation { Name = organisationName, MoodScale = scale });

    /// <summary>The text as a person called <paramref name="firstName"/> would get it, for a template of <paramref name="kind"/>.</summary>
    public static string Preview(TemplateKind kind, string body, string firstName, MoodScale scale, string organisationName)
    {
        var known = For(kind);
        if (known.SequenceEqual(TemplateRenderer.Placeholders))
        {
            return Fill(body, firstName, scale, organisationName);
        }

        var values = known.ToDictionary(name => name, name => name == "FirstName" ? firstName : Samples[name], StringComparer.Ordinal);
        return MessageText.Fill(body, values);
    }

    /// <summary>Placeholders in <paramref name="body"/> that Buddy cannot fill in a check-in, in order of first use.</summary>
    public static IReadOnlyList<string> Unknown(string body) => Unknown(body, TemplateKind.CheckIn);

    /// <summary>Placeholders in <paramref name="body"/> that the sender of <paramref name="kind"/> cannot fill, in order of first use.</summary>
    public static IReadOnlyList<string> Unknown(string body, TemplateKind kind) =>
        [.. Placeholder().Matches(body).Select(m => m.Groups[1].Value).Where(name => !For(kind).Contains(name)).Distinct()];

    [GeneratedRegex(@"\{([^{}]*)\}")]
    private static partial Regex Placeholder();
}
