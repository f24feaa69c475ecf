using System.Collections.Frozen;
using Buddy.Domain.Organisations;
using Buddy.Domain.ServiceUsers;

namespace Buddy.Domain.Safeguarding;

/// <summary>
/// One country's crisis replies. <paramref name="Standard"/> gives the emergency number and a free helpline;
/// <paramref name="Discreet"/> is a neutral line and the emergency number only, for when someone else may read the
/// phone: it names no abuse, no helpline and no service, so it is safe for an abuser to see.
/// </summary>
public sealed record CrisisText(string CountryCode, string Standard, string Discreet);

/// <summary>
/// Which crisis reply a person gets. The country comes from their own number, so a +1 or +61 number never gets UK
/// numbers; a number Buddy has no texts for (or a number of the organisation's own country) uses the organisation's
/// country, and the UK when Buddy has no texts for that either. An organisation's own crisis message is sent to
/// numbers of its own country; it is never used for the discreet reply, which must stay neutral whatever the service
/// wrote. Every text fits in two SMS segments (GSM-7, at most 306 characters).
/// </summary>
public static class CrisisTexts
{
    private const string Worker = "These texts are not watched around the clock, but we have let your worker know.";

    public const string DefaultCountry = "GB";

    /// <summary>The numbers are the published ones: checked against each service's own pages (see the hazard log, H01).</summary>
    public static IReadOnlyDictionary<string, CrisisText> BuiltIn { get; } = new CrisisText[]
    {
        new("GB", DefaultTexts.Crisis, Discreet("999")),
        new("IE", $"We're worried about you. If you are in danger now, call 112 or 999. You can talk to Samaritans any time, free, on 116 123. {Worker}", Discreet("112 or 999")),
        new("US", $"We're worried about you. If you are in danger now, call 911. You can call or text 988 any time, free, to talk to someone. {Worker}", Discreet("911")),
        new("CA", $"We're worried about you. If you are in danger now, call 911. You can call or text 988 any time, free, to talk to someone. {Worker}", Discreet("911")),
        new("AU", $"We're worried about you. If you are in danger now, call 000. You can talk to Lifeline any time on 13 11 14, or text 0477 13 11 14. {Worker}", Discreet("000")),
        new("NZ", $"We're worried about you. If you are in danger now, call 111. You can call or text 1737 any time, free, to talk to someone. {Worker}", Discreet("111")),
    }.ToFrozenDictionary(t => t.CountryCode, StringComparer.OrdinalIgnoreCase);

    /// <summary>The crisis reply for a person with number <paramref name="phoneE164"/> in <paramref name="organisation"/>.</summary>
    /// <param name="discreet">Someone else may read the phone, or the risk comes from someone else.</param>
    public static string For(string? phoneE164, Organisation organisation, bool discreet)
    {
        var organisationCountry = organisation.CountryCode.Trim().ToUpperInvariant();
        var numberCountry = PhoneCountry.Of(phoneE164);
        var ownCountry = numberCountry is null || numberCountry == organisationCountry;
        var country = ownCountry ? organisationCountry : numberCountry!;
        var texts = BuiltIn.GetValueOrDefault(country) ?? BuiltIn[DefaultCountry];
        if (discreet)
        {
            return texts.Discreet;
        }

        return ownCountry && IsOrganisationsOwn(organisation.CrisisMessage) ? organisation.CrisisMessage.Trim() : texts.Standard;
    }

    /// <summary>
    /// True when the service wrote its own message; false for one of Buddy's built-in texts, which an organisation
    /// holds until a manager changes it (and which would be another country's numbers for a service outside the UK).
    /// </summary>
    public static bool IsOrganisationsOwn(string? message) =>
        !string.IsNullOrWhiteSpace(message) && !BuiltIn.Values.Any(t => string.Equals(t.Standard, message.Trim(), StringComparison.Ordinal));

    private static string Discreet(string number) => $"Thanks for your message. If you ever need help urgently, call {number}.";
}
