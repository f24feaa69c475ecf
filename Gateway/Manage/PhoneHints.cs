using System.Globalization;

namespace Buddy.Gateway.Manage;

/// <summary>
/// What the mobile number fields accept, said beside them: a number as dialled in the organisation's country (read
/// in that country), or any number with its country code. The one place this wording lives, so every form says the
/// same and it follows the organisation's country.
/// </summary>
public static class PhoneHints
{
    public static string Mobile(string countryCode) => countryCode.Equals("GB", StringComparison.OrdinalIgnoreCase)
        ? "For example 07700 900123, or +44 7700 900123 (a number from abroad needs its country code)"
        : $"A mobile number as dialled in {CountryName(countryCode)}, or any mobile number with its country code, for example +44 7700 900123";

    private static string CountryName(string countryCode)
    {
        try
        {
            return new RegionInfo(countryCode).EnglishName;
        }
        catch (ArgumentException)
        {
            return "your organisation's country";
        }
    }
}
