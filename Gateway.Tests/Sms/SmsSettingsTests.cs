using Buddy.Gateway.Hosting;
using Buddy.Gateway.Sms;
using Buddy.Gateway.Sms.Twilio;
using Microsoft.Extensions.Configuration;

namespace Buddy.Tests.Sms;

public sealed class SmsSettingsTests
{
    [Fact]
    public void From_WhenNothingIsSet_UsesTheSimulator()
    {
        var settings = SmsSettings.From(Configuration([]));

        Assert.Equal(SmsProvider.Simulator, settings.Provider);
        Assert.Equal(TimeSpan.FromSeconds(2), settings.OutboxPoll);
    }

    [Fact]
    public void From_WhenTheProviderIsUnknown_NamesTheSetting()
    {
        var problem = Assert.Throws<BadConfigurationException>(() => SmsSettings.From(Configuration(new() { ["Sms:Provider"] = "Pigeon" })));

        Assert.Equal("Sms:Provider is 'Pigeon', but Buddy supports only Simulator or Twilio.", problem.Message);
    }

    [Fact]
    public void From_WhenAnIntervalIsNotPositive_NamesTheSetting()
    {
        var problem = Assert.Throws<BadConfigurationException>(() => SmsSettings.From(Configuration(new() { ["Sms:Outbox:PollSeconds"] = "0" })));

        Assert.StartsWith("Sms:Outbox:PollSeconds", problem.Message);
    }

    [Theory]
    [InlineData(null, null, 50, 50)]
    [InlineData("500", null, 500, 500)]
    [InlineData("20", "80", 20, 80)]
    public void From_InboundBatchSizes_DefaultTheBacklogSizeToTheQuietOne(string? batch, string? burst, int expectedBatch, int expectedBurst)
    {
        var settings = SmsSettings.From(Configuration(new() { ["Sms:Inbound:BatchSize"] = batch, ["Sms:Inbound:BurstBatchSize"] = burst }));

        Assert.Equal((expectedBatch, expectedBurst), (settings.InboundBatchSize, settings.InboundBurstBatchSize));
    }

    [Fact]
    public void From_WhenTheBacklogBatchSizeIsBelowTheQuietOne_NamesBothSettings()
    {
        var problem = Assert.Throws<BadConfigurationException>(
            () => SmsSettings.From(Configuration(new() { ["Sms:Inbound:BatchSize"] = "100", ["Sms:Inbound:BurstBatchSize"] = "50" })));

        Assert.StartsWith("Sms:Inbound:BurstBatchSize is 50, less than Sms:Inbound:BatchSize (100)", problem.Message);
    }

    [Theory]
    [InlineData("Twilio:AccountSid", null, "Twilio:AccountSid is required")]
    [InlineData("Twilio:AccountSid", "12345", "Twilio:AccountSid must be")]
    [InlineData("Twilio:AuthToken", null, "Twilio:AuthToken is required")]
    [InlineData("Twilio:From", null, "Twilio:From or Twilio:MessagingServiceSid is required")]
    [InlineData("Twilio:From", "notaphone", "Twilio:From must be the Twilio number texts are sent from")]
    [InlineData("Twilio:From", "+999999999999", "Twilio:From must be the Twilio number texts are sent from")]
    [InlineData("Twilio:From", "07700 900001", "Twilio:From must be the Twilio number texts are sent from")]
    [InlineData("Twilio:From", "+44 7911", "Twilio:From must be the Twilio number texts are sent from")]
    [InlineData("Twilio:BaseUrl", "api.twilio.com", "Twilio:BaseUrl is 'api.twilio.com'")]
    [InlineData("Twilio:PublicBaseUrl", "/sms", "Twilio:PublicBaseUrl is '/sms'")]
    public void FromConfiguration_WhenATwilioSettingIsMissingOrWrong_NamesIt(string key, string? value, string expected)
    {
        var values = new Dictionary<string, string?>
        {
            ["Twilio:AccountSid"] = Buddy.Tests.Sms.Twilio.FakeTwilio.AccountSid,
            ["Twilio:AuthToken"] = "token",
            ["Twilio:From"] = "+15005550006",
            [key] = value,
        };

        var problem = Assert.Throws<BadConfigurationException>(() => TwilioSettings.FromConfiguration(Configuration(values), SmsProvider.Twilio));

        Assert.StartsWith(expected, problem.Message);
    }

    [Fact]
    public void FromConfiguration_WhenFromIsWrittenWithSpaces_SendsFromItsE164Form()
    {
        var settings = TwilioSettings.FromConfiguration(Configuration(new()
        {
            ["Twilio:AccountSid"] = Buddy.Tests.Sms.Twilio.FakeTwilio.AccountSid,
            ["Twilio:AuthToken"] = "token",
            ["Twilio:From"] = "+44 (0)7700 900001",
        }), SmsProvider.Twilio);

        Assert.Equal("+447700900001", settings.From);
    }

    [Fact]
    public void FromConfiguration_WithTheSimulator_NeedsNoTwilioAccount()
    {
        var settings = TwilioSettings.FromConfiguration(Configuration([]), SmsProvider.Simulator);

        Assert.Equal(new Uri("https://api.twilio.com"), settings.BaseUrl);
        Assert.Null(settings.PublicUrl("/sms/status"));
    }

    [Fact]
    public void PublicUrl_KeepsAPathPrefixOnThePublicBaseUrl()
    {
        var settings = TwilioSettings.FromConfiguration(Configuration(new() { ["Twilio:PublicBaseUrl"] = "https://care.example.org/buddy/" }), SmsProvider.Simulator);

        Assert.Equal("https://care.example.org/buddy/sms/status", settings.PublicUrl("/sms/status")!.AbsoluteUri);
    }

    private static IConfiguration Configuration(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build();
}
