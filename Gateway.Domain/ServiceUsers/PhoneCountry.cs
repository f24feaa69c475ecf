using System.Collections.Frozen;

namespace Buddy.Domain.ServiceUsers;

/// <summary>
/// The country an E.164 number belongs to, for the countries whose crisis numbers Buddy knows; null for any other (the
/// caller then falls back to the organisation's country). +1 is shared by the US, Canada and Caribbean countries, so
/// it is told apart by area code: Canada's and the other countries' codes are listed (the North American Numbering
/// Plan's published assignments), anything else on +1 is the US or one of its territories.
/// </summary>
public static class PhoneCountry
{
    // Alberta, British Columbia, Manitoba, New Brunswick, Newfoundland and Labrador, Nova Scotia and PEI, Ontario,
    // Quebec, Saskatchewan, the territories, and Canada's non-geographic codes.
    private static readonly FrozenSet<string> s_canada = FrozenSet.ToFrozenSet(
    [
        "368", "403", "587", "780", "825", "236", "250", "257", "604", "672", "778", "204", "431", "584", "428", "506",
        "709", "879", "782", "902", "226", "249", "289", "343", "365", "382", "387", "416", "437", "519", "548", "613",
        "647", "683", "705", "742", "753", "807", "905", "942", "263", "354", "367", "418", "438", "450", "468", "514",
        "579", "581", "819", "873", "306", "474", "639", "867", "600", "622", "633", "644", "655", "677", "688",
    ]);

    // +1 numbers of countries that are neither the US nor Canada: 911 and 988 may not reach anyone there.
    private static readonly FrozenSet<string> s_otherNanpCountries = FrozenSet.ToFrozenSet(
    [
        "242", "246", "264", "268", "284", "345", "441", "473", "649", "658", "664", "721", "758", "767", "784", "809",
        "829", "849", "868", "869", "876",
    ]);

    /// <summary>"GB", "IE", "US", "CA", "AU" or "NZ" for a number of that country; null for any other or no number.</summary>
    public static string? Of(string? e164)
    {
        if (e164 is null || e164.Length < 5 || e164[0] != '+')
        {
            return null;
        }

        if (e164.StartsWith("+1", StringComparison.Ordinal))
        {
            var areaCode = e164.Substring(2, 3);
            return s_canada.Contains(areaCode) ? "CA" : s_otherNanpCountries.Contains(areaCode) ? null : "US";
        }

        return e164 switch
        {
            _ when e164.StartsWith("+44", StringComparison.Ordinal) => "GB",
            _ when e164.StartsWith("+353", StringComparison.Ordinal) => "IE",
            _ when e164.StartsWith("+61", StringComparison.Ordinal) => "AU",
            _ when e164.StartsWith("+64", StringComparison.Ordinal) => "NZ",
            _ => null,
        };
    }
}
