using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Buddy.Domain.Time;

namespace Buddy.Gateway.Manage;

/// <summary>
/// The NHS.UK date-input markup for <see cref="NhsInputTagHelper"/>: a fieldset whose legend is the label, then the
/// hint, the error and the day, month and year boxes. The day box carries the field's own id, so an error summary
/// link to the field lands on it; only the boxes the problem is in are marked as wrong.
/// </summary>
internal static class DateInputHtml
{
    public static string Render(string id, string name, string label, string? hint, IReadOnlyList<string> errors, DateInput model)
    {
        var enc = HtmlEncoder.Default;
        var describedBy = new List<string>();
        var html = new StringBuilder();
        var wrong = errors.Count == 0 ? DatePart.None
            : model.Read("The date").WrongParts is var parts && parts != DatePart.None ? parts : DatePart.All;

        html.Append(CultureInfo.InvariantCulture, $"<legend class=\"nhsuk-fieldset__legend nhsuk-fieldset__legend--s\">{enc.Encode(label)}</legend>");
        html.Append(CultureInfo.InvariantCulture, $"<div class=\"nhsuk-hint\" id=\"{id}-hint\">{enc.Encode(hint ?? "For example, 27 3 2026")}</div>");
        describedBy.Add($"{id}-hint");
        if (errors.Count > 0)
        {
            html.Append(CultureInfo.InvariantCulture, $"<span class=\"nhsuk-error-message\" id=\"{id}-error\">{ErrorText(errors)}</span>");
            describedBy.Add($"{id}-error");
        }

        html.Append(CultureInfo.InvariantCulture, $"<div class=\"nhsuk-date-input\" id=\"{id}-parts\">");
        foreach (var (part, box, value, width) in new[]
        {
            (DatePart.Day, "Day", model.Day, 2), (DatePart.Month, "Month", model.Month, 2), (DatePart.Year, "Year", model.Year, 4),
        })
        {
            var boxId = part == DatePart.Day ? id : $"{id}_{box}";
            var error = wrong.HasFlag(part) ? " nhsuk-input--error" : "";
            html.Append(CultureInfo.InvariantCulture,
                $"<div class=\"nhsuk-date-input__item\"><div class=\"nhsuk-form-group\"><label class=\"nhsuk-label nhsuk-date-input__label\" for=\"{boxId}\">{box}</label>" +
                $"<input class=\"nhsuk-input nhsuk-date-input__input nhsuk-input--width-{width}{error}\" id=\"{boxId}\" name=\"{name}.{box}\" type=\"text\" inputmode=\"numeric\" " +
                $"autocomplete=\"off\" value=\"{enc.Encode(value ?? "")}\"></div></div>");
        }

        html.Append("</div>");
        return $"<fieldset class=\"nhsuk-fieldset\" role=\"group\" aria-describedby=\"{string.Join(' ', describedBy)}\">{html}</fieldset>";
    }

    /// <summary>An error message's inner markup, with the "Error:" prefix screen readers announce.</summary>
    public static string ErrorText(IEnumerable<string> errors) =>
        $"<span class=\"nhsuk-u-visually-hidden\">Error:</span> {HtmlEncoder.Default.Encode(string.Join(". ", errors))}";
}
