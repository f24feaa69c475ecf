using Buddy.Domain.Organisations;
using Buddy.Domain.Templates;
using Buddy.Gateway.Manage;
using Buddy.Gateway.Organisations;
using Buddy.Gateway.Templates;

namespace Buddy.Gateway.Pages.Manage.Templates;

/// <summary>
/// What each kind of text says now (the organisation's default template, or Buddy's standard wording while it has
/// none), then the organisation's own templates. Lengths are measured as the editor measures them: with the first
/// name among the organisation's service users that makes the text longest.
/// </summary>
public sealed class IndexModel(TemplateCommands templates, OrganisationCommands organisations, PreviewNames names) : ManagePageModel
{
    /// <summary>One kind of text: its default template, or null while Buddy's standard wording (<see cref="Standard"/>) is used.</summary>
    public sealed record KindWording(TemplateKind Kind, MessageTemplate? Default, string? Standard);

    public IReadOnlyList<MessageTemplate> Templates { get; private set; } = [];

    public IReadOnlyList<KindWording> Kinds { get; private set; } = [];

    private IReadOnlyList<string> _names = [TemplatePlaceholders.SampleFirstName];
    private MoodScale _scale;
    private string _organisationName = "";

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Templates = await templates.ListAsync(Scope, cancellationToken);
        var organisation = await organisations.GetAsync(Scope, cancellationToken);
        (_scale, _organisationName) = (organisation.MoodScale, organisation.Name);
        (_names, _) = await names.ForAsync(Scope, cancellationToken);
        Kinds = [.. Enum.GetValues<TemplateKind>().Select(kind => new KindWording(
            kind,
            Templates.Where(t => t.Kind == kind && t.IsDefault).OrderByDescending(t => t.UpdatedAtUtc).FirstOrDefault(),
            TemplatePlaceholders.StandardWording(kind)))];
    }

    /// <summary>The text's length for the organisation's longest-making first name.</summary>
    public SmsLength Length(TemplateKind kind, string body) => PreviewNames.Longest(_names, kind, body, _scale, _organisationName).Length;
}
