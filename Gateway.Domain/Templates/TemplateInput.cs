using Buddy.Domain.Validation;

namespace Buddy.Domain.Templates;

/// <summary>A message template as a manager edits it.</summary>
public sealed record TemplateInput(TemplateKind Kind, string Name, string Body, bool IsDefault)
{
    public const int MaxNameLength = 100;

    /// <summary>Four GSM-7 parts: longer than that is a letter, not a check-in, and costs every day.</summary>
    public const int MaxBodyLength = 612;

    public FieldErrors Validate()
    {
        var errors = new FieldErrors();
        if (!Enum.IsDefined(Kind))
        {
            errors.Add(nameof(Kind), "Choose what the template is for");
        }

        if (string.IsNullOrWhiteSpace(Name))
        {
            errors.Add(nameof(Name), "Enter a name for the template");
        }
        else if (Name.Trim().Length > MaxNameLength)
        {
            errors.Add(nameof(Name), $"Name must be {MaxNameLength} characters or fewer");
        }

        if (string.IsNullOrWhiteSpace(Body))
        {
            errors.Add(nameof(Body), "Enter the message");
        }
        else if (Body.Length > MaxBodyLength)
        {
            errors.Add(nameof(Body), $"The message must be {MaxBodyLength} characters or fewer");
        }
        else if (Enum.IsDefined(Kind) && TemplatePlaceholders.Unknown(Body, Kind) is { Count: > 0 } unknown)
        {
            errors.Add(nameof(Body),
                $"Buddy cannot fill {string.Join(", ", unknown.Select(u => "{" + u + "}"))} in this kind of text: use {string.Join(" or ", TemplatePlaceholders.For(Kind).Select(k => "{" + k + "}"))}");
        }

        return errors;
    }
}
