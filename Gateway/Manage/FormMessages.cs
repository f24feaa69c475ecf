using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;

namespace Buddy.Gateway.Manage;

/// <summary>
/// The framework's own messages for a value a form field cannot hold ("The value 'abc' is not valid for
/// ReminderAfterMinutes.") name the C# property: these say it in words and leave the property name off the page.
/// Dates and times are read as text by the pages themselves, so what reaches these is a number or a choice.
/// </summary>
public static class FormMessages
{
    public static void Use(DefaultModelBindingMessageProvider messages)
    {
        messages.SetAttemptedValueIsInvalidAccessor((value, _) => $"Enter a number or choose from the list ('{value}' cannot be used here)");
        messages.SetNonPropertyAttemptedValueIsInvalidAccessor(value => $"Enter a number or choose from the list ('{value}' cannot be used here)");
        messages.SetUnknownValueIsInvalidAccessor(_ => "Enter a number or choose from the list");
        messages.SetNonPropertyUnknownValueIsInvalidAccessor(() => "Enter a number or choose from the list");
        messages.SetValueIsInvalidAccessor(value => $"'{value}' cannot be used here");
        messages.SetValueMustBeANumberAccessor(_ => "Enter a number");
        messages.SetNonPropertyValueMustBeANumberAccessor(() => "Enter a number");
        messages.SetValueMustNotBeNullAccessor(_ => "Enter a value or choose from the list");
        messages.SetMissingBindRequiredValueAccessor(_ => "Enter a value or choose from the list");
        messages.SetMissingKeyOrValueAccessor(() => "Enter a value");
        messages.SetMissingRequestBodyRequiredValueAccessor(() => "The form was empty: fill it in and send it again");
    }
}
