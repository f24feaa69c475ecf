using Buddy.Domain.Organisations;
using Buddy.Domain.Templates;
using Buddy.Gateway.Manage;
using Buddy.Gateway.Organisations;
using Buddy.Gateway.Templates;
using Microsoft.AspNetCore.Mvc;

namespace Buddy.Gateway.Pages.Manage.Templates;

/// <summary>
/// Add or change a template. The preview and the length counter are rendered here on the server (so they work
/// without JavaScript and after "Preview"), and wwwroot/js/template-preview.js updates them as the manager types.
/// </summary>
public sealed class EditModel(TemplateCommands templates, OrganisationCommands organisations) : ManagePageModel
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

    public string Preview => TemplatePlaceholders.Fill(Input.Body ?? "", TemplatePlaceholders.SampleFirstName, Scale, OrganisationName);

    public SmsLength Length => SmsSegments.Measure(Preview);

    public async Task<IActionResult> OnGetAsync(Guid? id, CancellationToken cancellationToken)
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
            Input.Body = DefaultTexts.CheckIn;
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

        var (saved, errors) = await templates.SaveAsync(Scope, id, new TemplateInput(Input.Kind, Input.Name ?? "", Input.Body ?? "", Input.IsDefault), cancellationToken);
        if (saved is not null)
        {
            Confirmation = $"The template '{saved.Name}' was saved.";
            return RedirectToPage("Index");
        }

        if (errors.IsValid)
        {
            return NotFound();
        }

        AddErrors(errors);
        return Page();
    }

    private async Task LoadScaleAsync(CancellationToken cancellationToken)
    {
        var organisation = await organisations.GetAsync(Scope, cancellationToken);
        Scale = organisation.MoodScale;
        OrganisationName = organisation.Name;
    }
}
