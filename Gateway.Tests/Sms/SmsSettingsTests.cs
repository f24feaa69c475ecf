using Buddy.Gateway.Hosting;
using Buddy.Gateway.Sms;
using Buddy.Gateway.Sms.Inbound;
using Buddy.Gateway.Sms.Twilio;
using Microsoft.Extensions.Configuration;

namespace Buddy.Tests.Sms;

public sealed class SmsSettingsTests
{
    [Fact]
    public void Read_WhenNothingIsSet_UsesTheSimulator()
    {
        var settings = SmsSettings.Read(Configuration([]));

        Assert.Equal(SmsProvider.Simulator, settings.Provider);
        Assert.Equal(TimeSpan.FromSeconds(2), settings.OutboxPoll);
    }

    [Fact]
    public void Read_WhenTheProviderIsUnknown_NamesTheSetting()
    {
        var problem = Assert.Throws<BadConfigurationException>(() => SmsSettings.Read(Configuration(new() { ["Sms:Provider"] = "Pigeon" })));

        Assert.Equal("Sms:Provider is 'Pigeon', but Buddy supports only Simulator or Twilio.", problem.Message);
    }

    [Fact]
    public void Read_WhenAnIntervalIsNotPositive_NamesTheSetting()
    {
        var problem = Assert.Throws<BadConfigurationException>(() => SmsSettings.Read(Configuration(new() { ["Sms:Outbox:PollSeconds"] = "0" })));

        Assert.StartsWith("Sms:Outbox:PollSeconds", problem.Message);
    }

    [Theory]
    [InlineData(null, null, 50, 50)]
    [InlineData("500", null, 500, 500)]
    [InlineData("20", "80", 20, 80)]
    public void Read_InboundBatchSizes_DefaultTheBacklogSizeToTheQuietOne(string? batch, string? burst, int expectedBatch, int expectedBurst)
    {
        var settings = SmsSettings.Read(Configuration(new() { ["Sms:Inbound:BatchSize"] = batch, ["Sms:Inbound:BurstBatchSize"] = burst }));

        Assert.Equal((expectedBatch, expectedBurst), (settings.InboundBatchSize, settings.InboundBurstBatchSize));
    }

    [Fact]
    public void Read_WhenTheBacklogBatchSizeIsBelowTheQuietOne_NamesBothSettings()
    {
        var problem = Assert.Throws<BadConfigurationException>(
            () => SmsSettings.Read(Configuration(new() { ["Sms:Inbound:BatchSize"] = "100", ["Sms:Inbound:BurstBatchSize"] = "50" })));

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
    public void Read_WhenATwilioSettingIsMissingOrWrong_NamesIt(string key, string? value, string expected)
    {
        var values = new Dictionary<string, string?>
        {
            ["Twilio:AccountSid"] = Buddy.Tests.Sms.Twilio.FakeTwilio.AccountSid,
            ["Twilio:AuthToken"] = "token",
            ["Twilio:From"] = "+15005550006",
            [key] = value,
        };

        var problem = Assert.Throws<BadConfigurationException>(() => TwilioSettings.Read(Configuration(values), SmsProvider.Twilio));

        Assert.StartsWith(expected, problem.Message);
    }

    [Fact]
    public void Read_WhenFromIsWrittenWithSpaces_SendsFromItsE164Form()
    {
        var settings = TwilioSettings.Read(Configuration(new()
        {
            ["Twilio:AccountSid"] = Buddy.Tests.Sms.Twilio.FakeTwilio.AccountSid,
            ["Twilio:AuthToken"] = "token",
            ["Twilio:From"] = "+44 (0)7700 900001",
        }), SmsProvider.Twilio);

        Assert.Equal("+447700900001", settings.From);
    }

    [Fact]
    public void Read_WithTheSimulator_NeedsNoTwilioAccount()
    {
        var settings = TwilioSettings.Read(Configuration([]), SmsProvider.Simulator);

        Assert.Equal(new Uri("https://api.twilio.com"), settings.BaseUrl);
        Assert.Null(settings.PublicUrl("/sms/status"));
    }

    [Fact]
    public void PublicUrl_KeepsAPathPrefixOnThePublicBaseUrl()
    {
        var settings = TwilioSettings.Read(Configuration(new() { ["Twilio:PublicBaseUrl"] = "https://care.example.org/buddy/" }), SmsProvider.Simulator);

        Assert.Equal("https://care.example.org/buddy/sms/status", settings.PublicUrl("/sms/status")!.AbsoluteUri);
    }

    [Theory]
    [InlineData("Sms:Outbox:PollSeconds", "0", "Sms:Outbox:PollSeconds is '0', but it must be a positive number.")]
    [InlineData("Sms:Inbound:BatchSize", "lots", "Sms:Inbound:BatchSize is 'lots', but it must be a positive whole number.")]
    [InlineData("Sms:Outbox:BatchSize", "0.5", "Sms:Outbox:BatchSize is '0.5', but it must be a positive whole number.")]
    [InlineData("Sms:Outbox:MaxAttempts", "2.5", "Sms:Outbox:MaxAttempts is '2.5', but it must be a positive whole number.")]
    [InlineData("Twilio:RequestTimeoutSeconds", "-1", "Twilio:RequestTimeoutSeconds is '-1', but it must be a positive number.")]
    [InlineData("Twilio:BaseUrl", "api.twilio.com", "Twilio:BaseUrl is 'api.twilio.com', but it must be an absolute http(s) URL such as https://buddy.example.org.")]
    [InlineData("Sms:Inbound:Recovery:Enabled", "maybe", "Sms:Inbound:Recovery:Enabled is 'maybe', but it must be true or false.")]
    [InlineData("Sms:Inbound:Recovery:IntervalSeconds", "soon", "Sms:Inbound:Recovery:IntervalSeconds is 'soon', but it must be a positive number.")]
    [InlineData("Sms:Inbound:Recovery:Numbers", "+447700900123, 07700 900123", "Sms:Inbound:Recovery:Numbers holds '07700 900123', but each entry must be a number in E.164 form such as +447700900123.")]
    public void Read_WhenAValueIsWrong_QuotesWhatWasTypedInOneSentence(string key, string value, string expected)
    {
        var configuration = Configuration(new() { [key] = value });

        var problem = Assert.Throws<BadConfigurationException>(() =>
        {
            SmsSettings.Read(configuration);
            TwilioSettings.Read(configuration, SmsProvider.Simulator);
            InboundRecoverySettings.Read(configuration, SmsProvider.Twilio);
        });

        Assert.Equal(expected, problem.Message);
    }

    [Fact]
    public void Read_RecoveryNumbers_AsAnArrayOrACommaList_OnceEach()
    {
        var settings = InboundRecoverySettings.Read(Configuration(new()
        {
            ["Sms:Inbound:Recovery:Numbers:0"] = "+447700900123",
            ["Sms:Inbound:Recovery:Numbers:1"] = "+447700900124, +447700900123",
        }), SmsProvider.Twilio);

        Assert.Equal(["+447700900123", "+447700900124"], settings.Numbers);
        Assert.True(settings.Enabled); // on by default with Twilio
    }

    private static IConfiguration Configuration(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build();
}
