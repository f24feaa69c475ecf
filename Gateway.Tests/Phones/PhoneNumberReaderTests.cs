using Buddy.Domain.Phones;

namespace Buddy.Tests.Phones;

public class PhoneNumberReaderTests
{
    [Theory]
    [InlineData("07911 123456", "+447911123456")]
    [InlineData("07911123456", "+447911123456")]
    [InlineData("+44 7911 123456", "+447911123456")]
    [InlineData("+44 (0)7911 123456", "+447911123456")]
    [InlineData("+44(0)7911-123-456", "+447911123456")]
    [InlineData("0044 7911 123456", "+447911123456")]
    [InlineData("(07911) 123 456", "+447911123456")]
    [InlineData("07911-123-456", "+447911123456")]
    [InlineData("  07911.123.456  ", "+447911123456")]
    [InlineData("07700 900123", "+447700900123")]
    [InlineData("07700900000", "+447700900000")]
    [InlineData("+447700900999", "+447700900999")]
    [InlineData("+44 (0) 7700 900 555", "+447700900555")]
    [InlineData("07624 123456", "+447624123456")]
    [InlineData("+33 6 12 34 56 78", "+33612345678")]
    [InlineData("+353 85 123 4567", "+353851234567")]
    [InlineData("+1 (415) 555-2671", "+14155552671")]
    public void ReadMobile_InGreatBritain_AcceptsNationalAndInternationalFormsOfMobiles(string typed, string e164)
    {
        var reading = PhoneNumberReader.ReadMobile(typed, "GB");

        Assert.Null(reading.Problem);
        Assert.Equal(e164, reading.E164);
    }

    [Theory]
    [InlineData("020 7946 0123", "landline")]
    [InlineData("+44 20 7946 0123", "landline")]
    [InlineData("0161 496 0123", "landline")]
    [InlineData("0800 123 4567", "freephone")]
    [InlineData("09098 790123", "premium-rate")]
    [InlineData("07911 12345", "Too few digits for a UK mobile")]
    [InlineData("0791112", "Too few digits for a UK mobile")]
    [InlineData("07911 1234567", "Too many digits for a UK mobile")]
    [InlineData("07700 9001234", "Too many digits for a UK mobile")]
    [InlineData("+4407911123456789", "Too many digits for a UK mobile")]
    [InlineData("+999999999999", "No country has the dialling code")]
    [InlineData("+999 7911 123456", "No country has the dialling code")]
    [InlineData("notaphone", "digits only")]
    [InlineData("07911 12345x", "digits only")]
    [InlineData("0800 FLOWERS", "digits only")]
    [InlineData("+", "not a phone number")]
    [InlineData("---", "not a phone number")]
    [InlineData("  ", "Enter a phone number")]
    [InlineData(null, "Enter a phone number")]
    [InlineData("+33 1 23 45 67 89", "landline")]
    [InlineData("+1 500 555 0006", "personal")]
    public void ReadMobile_WhenNotAMobile_NamesTheProblem(string? typed, string problem)
    {
        var reading = PhoneNumberReader.ReadMobile(typed, "GB");

        Assert.Null(reading.E164);
        Assert.False(reading.IsValid);
        Assert.Contains(problem, reading.Problem, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("06 12 34 56 78", "FR", "+33612345678")]
    [InlineData("085 123 4567", "IE", "+353851234567")]
    [InlineData("(415) 555-2671", "US", "+14155552671")]
    [InlineData("+44 7911 123456", "FR", "+447911123456")]
    [InlineData("07911 123456", null, "+447911123456")]
    [InlineData("07911 123456", "", "+447911123456")]
    [InlineData("07911 123456", "XX", "+447911123456")]
    [InlineData("07911 123456", "gb", "+447911123456")]
    public void ReadMobile_ReadsNationalNumbersInTheOrganisationsCountry(string typed, string? country, string e164) =>
        Assert.Equal(e164, PhoneNumberReader.ReadMobile(typed, country).E164);

    [Fact]
    public void ReadMobile_WhenAFrenchLandlineIsTypedNationallyInFrance_SaysLandline() =>
        Assert.Contains("landline", PhoneNumberReader.ReadMobile("01 23 45 67 89", "FR").Problem, StringComparison.Ordinal);

    [Fact]
    public void ReadMobile_WhenTheOrganisationIsInFrance_ReadsAUkNationalNumberAsFrench() =>
        Assert.False(PhoneNumberReader.ReadMobile("07911 123456", "FR").IsValid);

    [Theory]
    [InlineData("+15005550006", "+15005550006")]
    [InlineData("+44 7700 900001", "+447700900001")]
    [InlineData("+44 20 7946 0123", "+442079460123")]
    [InlineData("+447911123456", "+447911123456")]
    public void ReadInternational_AcceptsAnyValidNumberWithItsCountryCode(string typed, string e164) =>
        Assert.Equal(e164, PhoneNumberReader.ReadInternational(typed).E164);

    [Theory]
    [InlineData("notaphone", "international format")]
    [InlineData("07700 900001", "international format")]
    [InlineData("+999999999999", "No country has the dialling code")]
    [InlineData("+44 7911", "Too few digits")]
    [InlineData("+44 7911 1234567890", "Too many digits")]
    [InlineData("+4412", "Too few digits")]
    [InlineData("+ABC", "digits only")]
    public void ReadInternational_WhenNotAUsableNumber_NamesTheProblem(string typed, string problem) =>
        Assert.Contains(problem, PhoneNumberReader.ReadInternational(typed).Problem, StringComparison.OrdinalIgnoreCase);

    [Fact]
    public void Example_ForGreatBritain_UsesTheDramaRange() =>
        Assert.Equal("07700 900123 or +44 7700 900123", PhoneNumberReader.Example("GB"));

    [Fact]
    public void Example_ForAnotherCountry_ShowsItsOwnForms() =>
        Assert.StartsWith("0", PhoneNumberReader.Example("FR"), StringComparison.Ordinal);
}
