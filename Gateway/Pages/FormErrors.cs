using Buddy.Domain.Validation;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Buddy.Gateway.Pages;

/// <summary>
/// Problems onto a page's form, for the NHS.UK error summary and the inputs: the pages' one way to show field errors
/// and a change that was not saved (the API's is <c>ApiCaller.ToResult</c>).
/// </summary>
public static class FormErrors
{
    /// <summary>Each field's problems on the input named <c>{prefix}.{field}</c> (or the bare field name for no prefix).</summary>
    public static void AddErrors(this ModelStateDictionary modelState, FieldErrors errors, string prefix) =>
        modelState.AddErrors(errors, field => prefix.Length == 0 ? field : $"{prefix}.{field}");

    public static void AddErrors(this ModelStateDictionary modelState, FieldErrors errors, Func<string, string> inputOf)
    {
        foreach (var (field, messages) in errors)
        {
            foreach (var message in messages)
            {
                modelState.AddModelError(inputOf(field), message);
            }
        }
    }

    /// <summary>
    /// A change that was not saved: its field errors on their inputs, or a refusal's reason on <paramref name="refusalInput"/>
    /// (a sentence shown without its full stop, as the design system's messages are).
    /// </summary>
    public static void AddRefusal<T>(this ModelStateDictionary modelState, Change<T> change, string prefix, string refusalInput)
        where T : class
    {
        if (change.Outcome == ChangeOutcome.Refused)
        {
            modelState.AddModelError(refusalInput, change.Reason!.TrimEnd('.'));
            return;
        }

        modelState.AddErrors(change.Errors, prefix);
    }
}
