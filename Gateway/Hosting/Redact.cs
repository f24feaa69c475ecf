using System.Text.RegularExpressions;

namespace Buddy.Gateway.Hosting;

/// <summary>Masks personal data before it can reach a log line.</summary>
public static partial class Redact
{
    /// <summary>+447700900123 becomes +44*******123: enough to tell numbers apart in support, not to dial.</summary>
    public static string Phone(string? phone)
    {
        if (string.IsNullOrEmpty(phone))
        {
            return "(none)";
        }

        if (phone.Length <= 6)
        {
            return new string('*', phone.Length);
        }

        var keepStart = phone.StartsWith('+') ? 3 : 2;
        return string.Concat(phone.AsSpan(0, keepStart), new string('*', phone.Length - keepStart - 3), phone.AsSpan(phone.Length - 3));
    }

    /// <summary>A message body is never logged; its length is.</summary>
    public static string Body(string? body) => body is null ? "(none)" : $"[{body.Length} chars]";

    /// <summary>Masks anything in free text that looks like a phone number (a backstop for exception messages).</summary>
    public static string PhoneNumbersIn(string text) =>
        PhoneLike().Replace(text, m => Phone(m.Value));

    [GeneratedRegex(@"\+?\d[\d \-]{8,}\d")]
    private static partial Regex PhoneLike();
}
