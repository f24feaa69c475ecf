using System.Text.RegularExpressions;

namespace Buddy.Gateway.Sms.Twilio;

/// <summary>
/// What a Twilio webhook's fields can be: one value each (Twilio never repeats a field; a repeated MessageSid would be
/// read as the two joined by a comma), a message sid of Twilio's shape, and a body no longer than a text can be.
/// A request outside these is not Twilio's, or is corrupt: it is refused with the reason, and nothing is stored.
/// </summary>
internal static partial class TwilioFields
{
    /// <summary>Twilio's limit for one message's body (longer is refused with error 21617).</summary>
    public const int MaxBodyLength = 1600;

    /// <summary>A phone number, short code or alphanumeric sender id is far shorter; this only stops junk.</summary>
    public const int MaxAddressLength = 32;

    /// <summary>The single value of <paramref name="name"/> (null when absent), or a sentence saying why it is refused.</summary>
    public static string? Single(IFormCollection form, string name, out string? problem)
    {
        problem = null;
        if (!form.TryGetValue(name, out var values) || values.Count == 0)
        {
            return null;
        }

        if (values.Count > 1)
        {
            problem = $"{name} is given {values.Count} times; Twilio sends each field once.";
            return null;
        }

        return values[0] ?? "";
    }

    /// <summary>Null when <paramref name="sid"/> is a message sid as Twilio writes them ("SM" or "MM" and 32 hex digits).</summary>
    public static string? MessageSidProblem(string sid) =>
        MessageSidShape().IsMatch(sid) ? null : "MessageSid is not a Twilio message sid (SM or MM followed by 32 hexadecimal digits).";

    [GeneratedRegex("^(SM|MM)[0-9a-fA-F]{32}$")]
    private static partial Regex MessageSidShape();
}
