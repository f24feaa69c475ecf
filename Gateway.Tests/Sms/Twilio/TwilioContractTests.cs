using Buddy.Domain.Sms;
using Buddy.Gateway.Sms;
using Buddy.Gateway.Sms.Twilio;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;

namespace Buddy.Tests.Sms.Twilio;

/// <summary>
/// The Twilio client against a mock generated from Twilio's official OpenAPI description: a request the
/// description would reject (bad path parameter, missing credentials, wrong encoding) fails these tests.
/// The description defines no error bodies, so error paths are covered by <see cref="TwilioSmsSenderTests"/>.
/// </summary>
public sealed class TwilioContractTests(PrismMock prism) : IClassFixture<PrismMock>
{
    private const string AccountSid = FakeTwilio.AccountSid;

    [PrismFact]
    public async Task SendAsync_FromANumber_IsAValidCreateMessageRequest()
    {
        var outcome = await Sender(new() { ["Twilio:From"] = "+15005550006" })
            .SendAsync(new SmsRequest("+447700900123", "Hi Sam, how was today? Reply with a mood 0-10 and what you did.", new Uri("https://buddy.example.org/sms/status")), default);

        var accepted = Assert.IsType<SendOutcome.Accepted>(outcome);
        Assert.False(string.IsNullOrWhiteSpace(accepted.ProviderMessageId));
    }

    [PrismFact]
    public async Task SendAsync_ThroughAMessagingService_IsAValidCreateMessageRequest()
    {
        var outcome = await Sender(new() { ["Twilio:MessagingServiceSid"] = FakeTwilio.MessagingServiceSid })
            .SendAsync(new SmsRequest("+447700900123", "Hello", null), default);

        Assert.IsType<SendOutcome.Accepted>(outcome);
    }

    [PrismFact]
    public async Task SendAsync_WithAnAccountSidTwilioWouldReject_IsRefusedByTheMock()
    {
        // Proves the mock validates: the same client with a malformed account sid must not be "accepted".
        var outcome = await Sender(new() { ["Twilio:From"] = "+15005550006" }, accountSid: "AC123")
            .SendAsync(new SmsRequest("+447700900123", "Hello", null), default);

        Assert.Equal("http-422", Assert.IsType<SendOutcome.PermanentFailure>(outcome).Code);
    }

    [PrismFact]
    public async Task Mock_WhenCredentialsAreMissing_RefusesTheRequest()
    {
        using var http = new HttpClient();
        using var response = await http.PostAsync(new Uri(prism.BaseUrl, $"/2010-04-01/Accounts/{AccountSid}/Messages.json"),
            new FormUrlEncodedContent([new("To", "+447700900123"), new("From", "+15005550006"), new("Body", "Hi")]));

        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private TwilioSmsSender Sender(Dictionary<string, string?> settings, string accountSid = AccountSid)
    {
        settings["Twilio:AccountSid"] = accountSid;
        settings["Twilio:AuthToken"] = "contract-test-token";
        settings["Twilio:BaseUrl"] = prism.BaseUrl.ToString();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();

        // Read without the start-up checks so a deliberately malformed sid can reach the mock.
        var twilio = TwilioSettings.FromConfiguration(configuration, SmsProvider.Simulator);
        return new TwilioSmsSender(SingleClientFactory.ClientsFor(twilio, TimeSpan.FromSeconds(30)), NullLogger<TwilioSmsSender>.Instance, TimeProvider.System);
    }
}
