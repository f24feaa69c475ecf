using System.Globalization;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Buddy.Gateway.Manage;

/// <summary>
/// <c>&lt;nhs-input for="Input.Name" label="Name" hint="..."/&gt;</c>: an NHS.UK form group with label, hint,
/// inline error and input (or textarea), wired with aria-describedby, and the posted value kept on error.
/// A <see cref="DateInput"/> renders the NHS.UK date-input pattern (day, month and year boxes in a fieldset), and
/// type="time" a 24-hour text box: never a browser's own picker, which shows 07:00 PM or mm/dd/yyyy in some locales.
/// </summary>
[HtmlTargetElement("nhs-input", TagStructure = TagStructure.WithoutEndTag)]
public sealed class NhsInputTagHelper : TagHelper
{
    public required Microsoft.AspNetCore.Mvc.ViewFeatures.ModelExpression For { get; set; }

    public required string Label { get; set; }

    public string? Hint { get; set; }

    /// <summary>text, email, tel, time (a 24-hour text box), number, password, select or textarea; a <see cref="DateInput"/> is always a date.</summary>
    public string Type { get; set; } = "text";

    /// <summary>An NHS.UK width class such as nhsuk-input--width-10.</summary>
    public string? Width { get; set; }

    public int Rows { get; set; } = 4;

    /// <summary>For type="select": the choices, as value and words, in the order shown.</summary>
    public IEnumerable<KeyValuePair<string, string>>? Options { get; set; }

    public string? Step { get; set; }

    /// <summary>Extra data-* hooks for scripts, e.g. data-template-body.</summary>
    [HtmlAttributeName("script-hook")]
    public string? ScriptHook { get; set; }

    [ViewContext, HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var name = ViewContext.ViewData.TemplateInfo.GetFullHtmlFieldName(For.Name);
        var id = TagBuilder.CreateSanitizedId(name, "_");
        var state = ViewContext.ModelState.TryGetValue(name, out var entry) ? entry : null;
        var errors = state?.Errors.Select(e => e.ErrorMessage).Where(m => m.Length > 0).ToList() ?? [];
        var value = Type == "password" ? "" : state?.AttemptedValue ?? Format(For.Model);
        var enc = HtmlEncoder.Default;

        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", errors.Count > 0 ? "nhsuk-form-group nhsuk-form-group--error" : "nhsuk-form-group");
        if (For.Metadata.ModelType == typeof(DateInput))
        {
            output.Content.SetHtmlContent(DateInputHtml.Render(id, name, Label, Hint, errors, For.Model as DateInput ?? new DateInput()));
            return;
        }

        var describedBy = new List<string>();
        var html = new System.Text.StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $"<label class=\"nhsuk-label\" for=\"{id}\">{enc.Encode(Label)}</label>");
        if (Hint is not null)
        {
            html.Append(CultureInfo.InvariantCulture, $"<div class=\"nhsuk-hint\" id=\"{id}-hint\">{enc.Encode(Hint)}</div>");
            describedBy.Add($"{id}-hint");
        }

        if (errors.Count > 0)
        {
            html.Append(CultureInfo.InvariantCulture, $"<span class=\"nhsuk-error-message\" id=\"{id}-error\">{DateInputHtml.ErrorText(errors)}</span>");
            describedBy.Add($"{id}-error");
        }

        var aria = describedBy.Count > 0 ? $" aria-describedby=\"{string.Join(' ', describedBy)}\"" : "";
        var hook = ScriptHook is null ? "" : $" {ScriptHook}";
        if (Type == "select")
        {
            var css = errors.Count > 0 ? "nhsuk-select nhsuk-select--error" : "nhsuk-select";
            html.Append(CultureInfo.InvariantCulture, $"<select class=\"{css}\" id=\"{id}\" name=\"{name}\"{aria}{hook}>");
            foreach (var (optionValue, words) in Options ?? [])
            {
                var selected = string.Equals(optionValue, value, StringComparison.Ordinal) ? " selected" : "";
                html.Append(CultureInfo.InvariantCulture, $"<option value=\"{enc.Encode(optionValue)}\"{selected}>{enc.Encode(words)}</option>");
            }

            html.Append("</select>");
        }
        else if (Type == "textarea")
        {
            var css = errors.Count > 0 ? "nhsuk-textarea nhsuk-textarea--error" : "nhsuk-textarea";
            html.Append(CultureInfo.InvariantCulture,
                $"<textarea class=\"{css}\" id=\"{id}\" name=\"{name}\" rows=\"{Rows}\"{aria}{hook}>{enc.Encode(value)}</textarea>");
        }
        else
        {
            var css = string.Join(' ', new[] { "nhsuk-input", errors.Count > 0 ? "nhsuk-input--error" : null, Width }.Where(c => c is not null));
            var step = Step is null ? "" : $" step=\"{Step}\"";
            var (type, extra) = Type switch
            {
                "number" => ("number", " inputmode=\"decimal\""),
                "time" => ("text", " autocomplete=\"off\" spellcheck=\"false\""), // a 24-hour text box, not the locale's picker
                _ => (Type, ""),
            };
            html.Append(CultureInfo.InvariantCulture,
                $"<input class=\"{css}\" id=\"{id}\" name=\"{name}\" type=\"{type}\" value=\"{enc.Encode(value)}\"{step}{extra}{aria}{hook}>");
        }

        output.Content.SetHtmlContent(html.ToString());
    }

    internal static string Format(object? model) => model switch
    {
        null => "",
        TimeOnly t => Domain.Time.TimeText.Format(t),
        double x => x.ToString(CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => model.ToString() ?? "",
    };
}
