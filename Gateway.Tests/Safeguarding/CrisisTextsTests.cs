using Buddy.Domain.Organisations;
using Buddy.Domain.Safeguarding;
using Buddy.Domain.ServiceUsers;
using Buddy.Domain.Templates;

namespace Buddy.Tests.Safeguarding;

/// <summary>Which crisis reply a person gets: their number's country, else their organisation's, else the UK's.</summary>
public sealed class CrisisTextsTests
{
    /// <summary>Words a discreet reply must never carry: a reader of the phone would learn of the abuse or the service.</summary>
    public static readonly string[] TellTaleWords =
    [
        "abuse", "abusive", "violence", "domestic", "safe", "worried", "worker", "service", "therapist", "support", "samaritans", "shout",
        "lifeline", "crisis", "suicide", "refuge", "helpline", "988", "116", "1737", "13 11 14", "buddy", "alert", "risk", "hurt",
    ];

    [Theory]
    [InlineData("+447700900123", "GB", "999", "116 123")]
    [InlineData("+353851234567", "GB", "112 or 999", "116 123")]
    [InlineData("+12025550123", "GB", "911", "988")]
    [InlineData("+14165550123", "GB", "911", "988")]
    [InlineData("+61412345678", "GB", "000", "13 11 14")]
    [InlineData("+64211234567", "GB", "111", "1737")]
    [InlineData("+33612345678", "GB", "999", "116 123")]
    [InlineData("+33612345678", "AU", "000", "13 11 14")]
    [InlineData("+18765550123", "NZ", "111", "1737")]
    [InlineData("+447700900123", "US", "999", "116 123")]
    public void For_PicksTheNumbersOfThePersonsCountry_ThenTheOrganisations_ThenTheUk(string phone, string organisationCountry, string emergency, string helpline)
    {
        var organisation = new Organisation { Name = "Service", CountryCode = organisationCountry };

        var text = CrisisTexts.For(phone, organisation, discreet: false);

        Assert.Contains($"call {emergency}", text, StringComparison.Ordinal);
        Assert.Contains(helpline, text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("+447700900123", "GB", true)]
    [InlineData("+33612345678", "GB", true)]
    [InlineData("+12025550123", "GB", false)]
    [InlineData("+447700900123", "IE", false)]
    [InlineData("+353851234567", "IE", true)]
    public void For_AnOrganisationsOwnMessage_GoesToNumbersOfItsOwnCountryOnly(string phone, string organisationCountry, bool own)
    {
        const string Own = "Call our out-of-hours team on 0300 123 4567, or 999 in an emergency.";
        var organisation = new Organisation { Name = "Service", CountryCode = organisationCountry, CrisisMessage = Own };

        Assert.Equal(own, CrisisTexts.For(phone, organisation, discreet: false) == Own);
    }

    [Fact]
    public void For_AnOrganisationAbroadStillOnBuddysUkWording_GetsItsOwnCountrysNumbers()
    {
        var organisation = new Organisation { Name = "Auckland service", CountryCode = "NZ" };
        Assert.Equal(DefaultTexts.Crisis, organisation.CrisisMessage);

        var text = CrisisTexts.For("+64211234567", organisation, discreet: false);

        Assert.Equal(CrisisTexts.BuiltIn["NZ"].Standard, text);
        Assert.DoesNotContain("999", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("+447700900123", "999")]
    [InlineData("+353851234567", "112 or 999")]
    [InlineData("+12025550123", "911")]
    [InlineData("+15145550123", "911")]
    [InlineData("+61412345678", "000")]
    [InlineData("+64211234567", "111")]
    public void For_Discreet_IsANeutralLineAndTheEmergencyNumber_EvenWhenTheOrganisationWroteItsOwn(string phone, string emergency)
    {
        var organisation = new Organisation { Name = "Service", CrisisMessage = "Women's Aid and our domestic abuse team: 0808 2000 247." };

        var text = CrisisTexts.For(phone, organisation, discreet: true);

        Assert.Equal($"Thanks for your message. If you ever need help urgently, call {emergency}.", text);
    }

    [Fact]
    public void BuiltIn_CoversTheCountriesBuddyServes_EachShortKindAndDiscreetWhereItMustBe()
    {
        Assert.Equal(["AU", "CA", "GB", "IE", "NZ", "US"], CrisisTexts.BuiltIn.Keys.Order(StringComparer.Ordinal));
        foreach (var texts in CrisisTexts.BuiltIn.Values)
        {
            foreach (var text in new[] { texts.Standard, texts.Discreet })
            {
                var length = SmsSegments.Measure(text);
                Assert.True(length is { Encoding: SmsEncoding.Gsm7, Segments: <= 2 }, $"{texts.CountryCode}: {length} for \"{text}\"");
            }

            Assert.StartsWith("We're worried about you. If you are in danger now, call ", texts.Standard, StringComparison.Ordinal);
            Assert.Equal(1, SmsSegments.Measure(texts.Discreet).Segments);
            Assert.All(TellTaleWords, word => Assert.DoesNotContain(word, texts.Discreet, StringComparison.OrdinalIgnoreCase));
        }
    }

    [Theory]
    [InlineData("+447700900123", "GB")]
    [InlineData("+441534123456", "GB")]
    [InlineData("+353851234567", "IE")]
    [InlineData("+12025550123", "US")]
    [InlineData("+17875550123", "US")]
    [InlineData("+14165550123", "CA")]
    [InlineData("+16045550123", "CA")]
    [InlineData("+18675550123", "CA")]
    [InlineData("+18765550123", null)]
    [InlineData("+12465550123", null)]
    [InlineData("+61412345678", "AU")]
    [InlineData("+64211234567", "NZ")]
    [InlineData("+33612345678", null)]
    [InlineData("+4915112345678", null)]
    [InlineData("07700900123", null)]
    [InlineData(null, null)]
    public void PhoneCountry_ReadsTheCountryFromTheCallingCodeAndNorthAmericanAreaCode(string? phone, string? country) =>
        Assert.Equal(country, PhoneCountry.Of(phone));
}
