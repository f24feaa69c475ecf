namespace Buddy.Domain.Phones;

/// <summary>
/// What was read from a typed phone number: the number in E.164 (the form stored and given to the SMS provider),
/// or a sentence naming what is wrong with it, fit to show beside the field.
/// </summary>
public sealed record PhoneReading(string? E164, string? Problem)
{
    public bool IsValid => E164 is not null;

    internal static PhoneReading Valid(string e164) => new(e164, null);

    internal static PhoneReading Wrong(string problem) => new(null, problem);
}
