using System.Collections.Concurrent;
using System.Text.Json;
using Buddy.Domain.Sms;
using Buddy.Gateway.Sms;
using Buddy.Gateway.Sms.Inbound;
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
    public async Task InboundLog_ReadingOneNumbersTexts_IsAValidListRequestWhoseAnswerIsRead()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Twilio:AccountSid"] = AccountSid,
            ["Twilio:AuthToken"] = "contract-test-token",
            ["Twilio:From"] = "+15005550006",
            ["Twilio:BaseUrl"] = prism.BaseUrl.ToString(),
        }).Build();
        var twilio = TwilioSettings.Read(configuration, SmsProvider.Twilio);
        var answers = new ConcurrentQueue<string>();
        var log = new TwilioInboundLog(new TwilioClients(new SingleClientFactory(twilio.BaseUrl, TimeSpan.FromSeconds(30), answers), twilio),
            InboundRecoverySettings.Read(configuration, SmsProvider.Twilio));

        // Prism answers with Twilio's own example list, which breaks the description's "uri" format (its page links
        // are relative), so with --errors it reports the answer, not our request, as invalid. A request it would
        // refuse (a filter the description does not allow, a bad value) is answered 422 with the query, path or
        // body as the location instead.
        await Assert.ThrowsAsync<global::Twilio.Exceptions.ApiException>(() => log.ReadAsync("+15005550006", new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc), default));

        using var answer = JsonDocument.Parse(Assert.Single(answers));
        var problems = answer.RootElement.GetProperty("validation").EnumerateArray().Select(v => v.GetProperty("location")[0].GetString()).ToList();
        Assert.NotEmpty(problems);
        Assert.All(problems, where => Assert.Equal("response", where));
    }

    [PrismFact]
    public async Task InboundLog_WithAFilterTheDescriptionForbids_IsRefusedByTheMock()
    {
        // Proves the check above can fail: PageSize above the description's maximum of 1,000 is a request violation.
        var answers = new ConcurrentQueue<string>();
        using var http = new SingleClientFactory(prism.BaseUrl, TimeSpan.FromSeconds(30), answers).CreateClient("twilio");
        http.DefaultRequestHeaders.Authorization = new("Basic", Convert.ToBase64String(System.Text.Encoding.ASCII.GetBytes($"{AccountSid}:contract-test-token")));
        using var response = await http.GetAsync(new Uri($"https://api.twilio.com/2010-04-01/Accounts/{AccountSid}/Messages.json?To=%2B15005550006&PageSize=5000"));

        using var answer = JsonDocument.Parse(Assert.Single(answers));
        Assert.Equal(422, (int)response.StatusCode);
        Assert.Contains(answer.RootElement.GetProperty("validation").EnumerateArray(), v => v.GetProperty("location")[0].GetString() == "query");
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
        var twilio = TwilioSettings.Read(configuration, SmsProvider.Simulator);
        return new TwilioSmsSender(SingleClientFactory.ClientsFor(twilio, TimeSpan.FromSeconds(30)), NullLogger<TwilioSmsSender>.Instance, TimeProvider.System);
    }
}
