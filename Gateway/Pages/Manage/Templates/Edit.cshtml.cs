using Buddy.Domain.Organisations;
using Buddy.Domain.Templates;
using Buddy.Domain.Validation;
using Buddy.Gateway.Display;
using Buddy.Gateway.Manage;
using Buddy.Gateway.Organisations;
using Buddy.Gateway.Templates;
using Microsoft.AspNetCore.Mvc;

namespace Buddy.Gateway.Pages.Manage.Templates;

/// <summary>
/// Add or change a template. The preview and the length counter are rendered here on the server (so they work
/// without JavaScript and after "Preview"), and wwwroot/js/template-preview.js updates them as the manager types.
/// Both measure with the organisation's own first name that makes the text longest (<see cref="PreviewNames"/>).
/// </summary>
public sealed class EditModel(TemplateCommands templates, OrganisationCommands organisations, PreviewNames names) : ManagePageModel
{
    public sealed class TemplateForm
    {
        public TemplateKind Kind { get; set; } = TemplateKind.CheckIn;
        public string? Name { get; set; }
        public string? Body { get; set; }
        public bool IsDefault { get; set; }
    }

    [BindProperty]
    public TemplateForm Input { get; set; } = new();

    public Guid? Id { get; private set; }

    public MoodScale Scale { get; private set; }

    public string OrganisationName { get; private set; } = "";

    /// <summary>The first names the length is measured with (one or two; see <see cref="PreviewNames"/>).</summary>
    public IReadOnlyList<string> Names { get; private set; } = [TemplatePlaceholders.SampleFirstName];

    /// <summary>True when the organisation has no current service users and the sample name stands in.</summary>
    public bool SampleName { get; private set; }

    public (string Name, string Text, SmsLength Length) Measured =>
        PreviewNames.Longest(Names, Enum.IsDefined(Input.Kind) ? Input.Kind : TemplateKind.CheckIn, Input.Body ?? "", Scale, OrganisationName);

    public async Task<IActionResult> OnGetAsync(Guid? id, TemplateKind? kind, CancellationToken cancellationToken)
    {
        await LoadScaleAsync(cancellationToken);
        Id = id;
        if (id is { } existingId)
        {
            var template = await templates.FindAsync(Scope, existingId, cancellationToken);
            if (template is null)
            {
                return NotFound();
            }

            Input = new TemplateForm { Kind = template.Kind, Name = template.Name, Body = template.Body, IsDefault = template.IsDefault };
        }
        else
        {
            // "Change this wording" on the list starts from Buddy's standard wording for that kind.
            Input.Kind = kind is { } chosen && Enum.IsDefined(chosen) ? chosen : TemplateKind.CheckIn;
            Input.Body = TemplatePlaceholders.StandardWording(Input.Kind) ?? "";
            Input.Name = kind is null ? null : DisplayWords.TemplateKind(Input.Kind);
            Input.IsDefault = kind is not null; // saved, it becomes the wording used for its kind
        }

        return Page();
    }

    /// <summary>"Preview" re-renders the page with the typed text, saving nothing (the no-JavaScript path).</summary>
    public async Task<IActionResult> OnPostPreviewAsync(Guid? id, CancellationToken cancellationToken)
    {
        await LoadScaleAsync(cancellationToken);
        Id = id;
        ModelState.Clear();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, CancellationToken cancellationToken)
    {
        await LoadScaleAsync(cancellationToken);
        Id = id;
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var change = await templates.SaveAsync(Scope, id, new TemplateInput(Input.Kind, Input.Name ?? "", Input.Body ?? "", Input.IsDefault), cancellationToken);
        if (change.Saved is { } saved)
        {
            Confirmation = $"The template '{saved.Name}' was saved.";
            return RedirectToPage("Index");
        }

        if (change.Outcome == ChangeOutcome.NotFound)
        {
            return NotFound();
        }

        AddErrors(change.Errors);
        return Page();
    }

    private async Task LoadScaleAsync(CancellationToken cancellationToken)
    {
        var organisation = await organisations.GetAsync(Scope, cancellationToken);
        Scale = organisation.MoodScale;
        OrganisationName = organisation.Name;
        (Names, SampleName) = await names.ForAsync(Scope, cancellationToken);
    }
}
