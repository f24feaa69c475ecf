using System.Globalization;
using PhoneNumbers;

namespace Buddy.Domain.Phones;

/// <summary>
/// Reads phone numbers as people type them ("07700 900123", "+44 (0)7700 900123", "0044 7700 900123") with
/// Google's libphonenumber metadata: a national number is read in the organisation's country, and only a number
/// that can receive texts passes where Buddy will text it. Every refusal names the problem.
/// </summary>
public static class PhoneNumberReader
{
    /// <summary>The country national numbers are read in when an organisation has not said otherwise.</summary>
    public const string DefaultCountry = "GB";

    private const int UkCallingCode = 44;

    // Ofcom keeps 07700 900000-900999 for drama and never allocates it, so libphonenumber calls it invalid. Buddy
    // accepts it as a UK mobile on purpose: the demo, the tests and training installations use it, and a text to
    // it can never reach a real person.
    private const ulong DramaMobileFirst = 7700900000;
    private const ulong DramaMobileLast = 7700900999;

    private static readonly PhoneNumberUtil s_util = PhoneNumberUtil.GetInstance();

    /// <summary>
    /// A mobile number Buddy can text: national format read in <paramref name="countryCode"/> (ISO 3166 alpha-2,
    /// e.g. GB), or international with + or 00. Landlines, freephone, premium-rate and other non-mobile numbers are
    /// refused by name. Where a country does not tell mobiles from landlines (the US), such a number passes.
    /// </summary>
    public static PhoneReading ReadMobile(string? typed, string? countryCode)
    {
        var region = KnownRegion(countryCode);
        if (Parse(typed, region, out var number) is { } problem)
        {
            return PhoneReading.Wrong(problem);
        }

        if (IsDramaMobile(number))
        {
            return PhoneReading.Valid(Format(number));
        }

        if (!s_util.IsValidNumber(number))
        {
            var mobile = Noun(RegionOf(number), "mobile number");
            return PhoneReading.Wrong(LengthProblem(number, PhoneNumberType.MOBILE, mobile) ?? $"That is not {mobile}: check the digits");
        }

        return s_util.GetNumberType(number) switch
        {
            PhoneNumberType.MOBILE or PhoneNumberType.FIXED_LINE_OR_MOBILE => PhoneReading.Valid(Format(number)),
            var other => PhoneReading.Wrong($"That is {Describe(other)}: Buddy sends texts, so enter a mobile number"),
        };
    }

    /// <summary>
    /// Any valid number written internationally (+ and the country code), for settings that belong to no
    /// organisation, such as the number Twilio sends from.
    /// </summary>
    public static PhoneReading ReadInternational(string? typed)
    {
        if (typed is not null && !typed.TrimStart().StartsWith('+'))
        {
            return PhoneReading.Wrong("Write it in international format: + and the country code, like +447700900123");
        }

        if (Parse(typed, "ZZ", out var number) is { } problem)
        {
            return PhoneReading.Wrong(problem);
        }

        if (IsDramaMobile(number) || s_util.IsValidNumber(number))
        {
            return PhoneReading.Valid(Format(number));
        }

        var noun = Noun(RegionOf(number), "phone number");
        return PhoneReading.Wrong(LengthProblem(number, PhoneNumberType.UNKNOWN, noun) ?? $"That is not {noun}: check the digits");
    }

    /// <summary>A hint for a phone field: the national and international forms of a sample number in that country.</summary>
    public static string Example(string? countryCode)
    {
        var region = KnownRegion(countryCode);
        if (region == DefaultCountry)
        {
            return "07700 900123 or +44 7700 900123";
        }

        return s_util.GetExampleNumberForType(region, PhoneNumberType.MOBILE) is { } sample
            ? $"{s_util.Format(sample, PhoneNumberFormat.NATIONAL)} or {s_util.Format(sample, PhoneNumberFormat.INTERNATIONAL)}"
            : "+44 7700 900123";
    }

    private static string? Parse(string? typed, string region, out PhoneNumber number)
    {
        number = new PhoneNumber();
        if (string.IsNullOrWhiteSpace(typed))
        {
            return "Enter a phone number";
        }

        // libphonenumber reads letters as keypad digits (0800 FLOWERS); nobody types a mobile that way, and a
        // letter is far more likely a slip, so it is refused rather than dialled.
        if (typed.Any(char.IsLetter))
        {
            return $"Use digits only, like {Example(region)}";
        }

        try
        {
            number = s_util.Parse(typed, region);
            return null;
        }
        catch (NumberParseException ex)
        {
            var noun = Noun(region, "phone number");
            return ex.ErrorType switch
            {
                ErrorType.INVALID_COUNTRY_CODE when typed.TrimStart().StartsWith('+') || typed.TrimStart().StartsWith("00", StringComparison.Ordinal) =>
                    "No country has the dialling code at the start of that number: check the digits after + (44 for the UK)",
                ErrorType.INVALID_COUNTRY_CODE => "Write it in international format: + and the country code, like +447700900123",
                ErrorType.TOO_SHORT_NSN or ErrorType.TOO_SHORT_AFTER_IDD => $"Too few digits for {noun}",
                ErrorType.TOO_LONG => $"Too many digits for {noun}",
                _ => $"That is not a phone number: use digits, like {Example(region)}",
            };
        }
    }

    private static string? LengthProblem(PhoneNumber number, PhoneNumberType type, string noun) =>
        s_util.IsPossibleNumberForTypeWithReason(number, type) switch
        {
            // A number only dialable locally (without its area code) is too short to be texted or to text from.
            PhoneNumberUtil.ValidationResult.TOO_SHORT or PhoneNumberUtil.ValidationResult.IS_POSSIBLE_LOCAL_ONLY => $"Too few digits for {noun}",
            PhoneNumberUtil.ValidationResult.TOO_LONG => $"Too many digits for {noun}",
            PhoneNumberUtil.ValidationResult.INVALID_LENGTH => $"Wrong number of digits for {noun}",
            _ => null,
        };

    private static bool IsDramaMobile(PhoneNumber number) =>
        number.CountryCode == UkCallingCode && number.NationalNumber is >= DramaMobileFirst and <= DramaMobileLast;

    private static string Format(PhoneNumber number) => s_util.Format(number, PhoneNumberFormat.E164);

    /// <summary>The organisation's country if libphonenumber knows it, else the default (GB).</summary>
    private static string KnownRegion(string? countryCode)
    {
        var code = countryCode?.Trim().ToUpperInvariant();
        return code is { Length: 2 } && s_util.GetSupportedRegions().Contains(code) ? code : DefaultCountry;
    }

    /// <summary>Where a number belongs: its own region, or the main region of its calling code.</summary>
    private static string? RegionOf(PhoneNumber number) =>
        s_util.GetRegionCodeForNumber(number) ?? s_util.GetRegionCodeForCountryCode(number.CountryCode);

    /// <summary>"a UK mobile number", "a mobile number in France", "a phone number".</summary>
    private static string Noun(string? region, string kind)
    {
        switch (region)
        {
            case null or "ZZ" or "001":
                return $"a {kind}";
            case "GB":
                return $"a UK {kind}";
            case "US":
                return $"a US {kind}";
        }

        try
        {
            return $"a {kind} in {new RegionInfo(region).EnglishName}";
        }
        catch (ArgumentException)
        {
            return $"a {kind} in {region}";
        }
    }

    private static string Describe(PhoneNumberType type) => type switch
    {
        PhoneNumberType.FIXED_LINE => "a landline number",
        PhoneNumberType.TOLL_FREE => "a freephone number",
        PhoneNumberType.PREMIUM_RATE => "a premium-rate number",
        PhoneNumberType.SHARED_COST => "a shared-cost number",
        PhoneNumberType.VOIP => "an internet (VoIP) number",
        PhoneNumberType.PERSONAL_NUMBER => "a personal (follow-me) number",
        PhoneNumberType.PAGER => "a pager number",
        PhoneNumberType.UAN => "a company's non-geographic number",
        PhoneNumberType.VOICEMAIL => "a voicemail access number",
        _ => "not a number that can receive texts",
    };
}
