using System.Text.RegularExpressions;

namespace Buddy.Domain.ServiceUsers;

/// <summary>Phone numbers are stored in E.164 (+ then 8 to 15 digits, no leading zero), the form SMS providers take.</summary>
public static partial class PhoneNumbers
{
    /// <summary>
    /// Accepts E.164 typed with the spaces, dashes or brackets people add for readability ("+44 7700 900123");
    /// anything else, including a national number without its country code, is refused rather than guessed.
    /// </summary>
    public static bool TryNormalise(string? input, out string e164)
    {
        e164 = "";
        if (string.IsNullOrWhiteSpace(input))
        {
            return false;
        }

        var compact = Separators().Replace(input.Trim(), "");
        if (!E164().IsMatch(compact))
        {
            return false;
        }

        e164 = compact;
        return true;
    }

    [GeneratedRegex(@"[\s\-().]")]
    private static partial Regex Separators();

    [GeneratedRegex(@"^\+[1-9][0-9]{7,14}$")]
    private static partial Regex E164();
}
