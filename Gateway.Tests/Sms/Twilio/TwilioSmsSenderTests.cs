using System.Diagnostics;
using System.Text;
using Buddy.Domain.Sms;
using Buddy.Gateway.Sms;
using Buddy.Gateway.Sms.Twilio;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;

namespace Buddy.Tests.Sms.Twilio;

/// <summary>The Twilio client against a local fake answering Twilio's documented error JSON.</summary>
public sealed class TwilioSmsSenderTests : IAsyncLifetime
{
    private FakeTwilio _twilio = null!;

    public async Task InitializeAsync() => _twilio = await FakeTwilio.StartAsync();

    public async Task DisposeAsync() => await _twilio.DisposeAsync();

    [Fact]
    public async Task SendAsync_WhenTwilioAccepts_PostsTheDocumentedFormWithBasicAuth()
    {
        var outcome = await Sender().SendAsync(new SmsRequest("+447700900123", "How was today?", new Uri("https://buddy.example.org/sms/status")), default);

        var accepted = Assert.IsType<SendOutcome.Accepted>(outcome);
        Assert.StartsWith("SM", accepted.ProviderMessageId);
        Assert.Equal(OutboundStatus.Queued, accepted.Status);
        var request = Assert.Single(_twilio.Requests);
        Assert.Equal(FakeTwilio.AccountSid, request.AccountSid);
        Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{FakeTwilio.AccountSid}:{FakeTwilio.AuthToken}")), request.Authorization);
        Assert.Equal("+447700900123", request.Form["To"]);
        Assert.Equal(FakeTwilio.From, request.Form["From"]);
        Assert.Equal("How was today?", request.Form["Body"]);
        Assert.Equal("https://buddy.example.org/sms/status", request.Form["StatusCallback"]);
        Assert.False(request.Form.ContainsKey("MessagingServiceSid"));
    }

    [Fact]
    public async Task SendAsync_WhenAMessagingServiceIsConfigured_SendsItInsteadOfFrom()
    {
        var sender = Sender(new() { ["Twilio:From"] = null, ["Twilio:MessagingServiceSid"] = FakeTwilio.MessagingServiceSid });

        await sender.SendAsync(new SmsRequest("+447700900123", "Hi", null), default);

        var request = Assert.Single(_twilio.Requests);
        Assert.Equal(FakeTwilio.MessagingServiceSid, request.Form["MessagingServiceSid"]);
        Assert.False(request.Form.ContainsKey("From"));
        Assert.False(request.Form.ContainsKey("StatusCallback"));
    }

    [Fact]
    public async Task SendAsync_When429WithShortRetryAfter_WaitsThatLongAndRetries()
    {
        _twilio.ThenError(429, 20429, "Too Many Requests", retryAfter: TimeSpan.FromSeconds(1));

        var outcome = await Sender().SendAsync(new SmsRequest("+447700900123", "Hi", null), default);

        Assert.IsType<SendOutcome.Accepted>(outcome);
        var requests = _twilio.Requests.ToList();
        Assert.Equal(2, requests.Count);
        Assert.True(requests[1].At - requests[0].At >= TimeSpan.FromSeconds(0.95), $"Retried after {requests[1].At - requests[0].At}");
    }

    [Fact]
    public async Task SendAsync_When429WithLongRetryAfter_ReturnsRetryLaterWithoutHoldingTheCall()
    {
        _twilio.ThenError(429, 20429, "Too Many Requests", retryAfter: TimeSpan.FromMinutes(2));
        var watch = Stopwatch.StartNew();

        var outcome = await Sender().SendAsync(new SmsRequest("+447700900123", "Hi", null), default);

        var retry = Assert.IsType<SendOutcome.RetryLater>(outcome);
        Assert.Equal(TimeSpan.FromMinutes(2), retry.RetryAfter);
        Assert.Equal("20429", retry.Code);
        Assert.Single(_twilio.Requests);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task SendAsync_When500ThenSuccess_RetriesAndSucceeds()
    {
        _twilio.ThenError(500, 20500, "Internal Server Error");

        var outcome = await Sender().SendAsync(new SmsRequest("+447700900123", "Hi", null), default);

        Assert.IsType<SendOutcome.Accepted>(outcome);
        Assert.Equal(2, _twilio.Requests.Count);
    }

    [Fact]
    public async Task SendAsync_When5xxPersists_ReturnsRetryLaterAfterBoundedAttempts()
    {
        _twilio.ThenError(503, 20503, "Service Unavailable").ThenPlain(502, "<html>Bad gateway</html>").ThenError(500, 20500, "Internal Server Error");

        var outcome = await Sender().SendAsync(new SmsRequest("+447700900123", "Hi", null), default);

        var retry = Assert.IsType<SendOutcome.RetryLater>(outcome);
        Assert.Equal("20500", retry.Code);
        Assert.Equal(3, _twilio.Requests.Count);
    }

    [Fact]
    public async Task SendAsync_When21211_ReturnsPermanentFailureWithoutRetrying()
    {
        _twilio.ThenError(400, 21211, "The 'To' number +4477 is not a valid phone number.");

        var outcome = await Sender().SendAsync(new SmsRequest("+4477", "Hi", null), default);

        var failure = Assert.IsType<SendOutcome.PermanentFailure>(outcome);
        Assert.Equal("21211", failure.Code);
        Assert.Single(_twilio.Requests);
    }

    [Fact]
    public async Task SendAsync_When21614_ReturnsPermanentFailure()
    {
        _twilio.ThenError(400, 21614, "'To' number is not a valid mobile number");

        var outcome = await Sender().SendAsync(new SmsRequest("+441632960000", "Hi", null), default);

        Assert.Equal("21614", Assert.IsType<SendOutcome.PermanentFailure>(outcome).Code);
    }

    [Fact]
    public async Task SendAsync_When21610_ReturnsRecipientUnsubscribed()
    {
        _twilio.ThenError(400, 21610, "Attempt to send to unsubscribed recipient");

        var outcome = await Sender().SendAsync(new SmsRequest("+447700900123", "Hi", null), default);

        Assert.Equal("21610", Assert.IsType<SendOutcome.RecipientUnsubscribed>(outcome).Code);
        Assert.Single(_twilio.Requests);
    }

    [Fact]
    public async Task SendAsync_WhenTwilioNeverAnswers_ReturnsRetryLaterWithoutRepeatingTheRequest()
    {
        _twilio.ThenSilence(TimeSpan.FromSeconds(30)).ThenSilence(TimeSpan.FromSeconds(30)).ThenSilence(TimeSpan.FromSeconds(30));
        var watch = Stopwatch.StartNew();

        var outcome = await Sender(new() { ["Twilio:RequestTimeoutSeconds"] = "0.3" }).SendAsync(new SmsRequest("+447700900123", "Hi", null), default);

        // Twilio may have taken it: repeating the POST could text twice, so the outbox asks Twilio before retrying.
        var retry = Assert.IsType<SendOutcome.RetryLater>(outcome);
        Assert.Equal("timeout", retry.Code);
        Assert.True(retry.MayHaveBeenSent);
        Assert.Single(_twilio.Requests);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(15), $"Took {watch.Elapsed}");
    }

    [Fact]
    public async Task SendAsync_WhenTwilioIsNotListening_RetriesAtOnceBecauseNothingCanHaveBeenSent()
    {
        var closed = new Uri($"http://127.0.0.1:{FreePort()}");

        var outcome = await Sender(new() { ["Twilio:BaseUrl"] = closed.ToString() }).SendAsync(new SmsRequest("+447700900123", "Hi", null), default);

        var retry = Assert.IsType<SendOutcome.RetryLater>(outcome);
        Assert.Equal("network", retry.Code);
        Assert.False(retry.MayHaveBeenSent);
    }

    [Fact]
    public async Task FindSentAsync_AsksTheListWithTheDocumentedFiltersAndReturnsOnlyTheSameText()
    {
        var since = DateTime.UtcNow.AddMinutes(-1);
        var sender = Sender();
        var sent = Assert.IsType<SendOutcome.Accepted>(await sender.SendAsync(new SmsRequest("+447700900123", "How was today?", null), default));
        await sender.SendAsync(new SmsRequest("+447700900123", "Another text", null), default);
        await sender.SendAsync(new SmsRequest("+447700900999", "How was today?", null), default);

        var lookup = await sender.FindSentAsync(new SmsRequest("+447700900123", "How was today?", null), since, default);

        var text = Assert.Single(Assert.IsType<SentLookup.Answered>(lookup).Texts);
        Assert.Equal(sent.ProviderMessageId, text.ProviderMessageId);
        Assert.Equal(OutboundStatus.Delivered, text.Status);
        var queries = _twilio.Lookups.Select(System.Web.HttpUtility.ParseQueryString).ToList();
        Assert.Equal(2, queries.Count);
        Assert.All(queries, q => Assert.Equal(("+447700900123", FakeTwilio.From), (q["To"], q["From"])));
        Assert.Equal($"{since:yyyy-MM-ddTHH:mm:ss}Z", queries[0]["DateSent>"]);
        Assert.Null(queries[1]["DateSent>"]); // the newest page, where a text still queued (no date_sent) shows
    }

    [Fact]
    public async Task FindSentAsync_WhenTwilioStillHoldsTheTextQueued_FindsItWithoutADateSent()
    {
        _twilio.HoldInQueue = true;
        var sender = Sender();
        var sent = Assert.IsType<SendOutcome.Accepted>(await sender.SendAsync(new SmsRequest("+447700900123", "How was today?", null), default));

        var lookup = await sender.FindSentAsync(new SmsRequest("+447700900123", "How was today?", null), DateTime.UtcNow.AddMinutes(-1), default);

        var text = Assert.Single(Assert.IsType<SentLookup.Answered>(lookup).Texts);
        Assert.Equal((sent.ProviderMessageId, OutboundStatus.Queued), (text.ProviderMessageId, text.Status));
    }

    [Fact]
    public async Task FindSentAsync_FollowsNextPageUri()
    {
        var sender = Sender();
        for (var i = 0; i < 3; i++)
        {
            await sender.SendAsync(new SmsRequest("+447700900123", "Same words", null), default);
        }

        for (var i = 0; i < 250; i++)
        {
            await sender.SendAsync(new SmsRequest("+447700900123", $"Later text {i}", null), default);
        }

        var lookup = await sender.FindSentAsync(new SmsRequest("+447700900123", "Same words", null), DateTime.UtcNow.AddMinutes(-1), default);

        Assert.Equal(3, Assert.IsType<SentLookup.Answered>(lookup).Texts.Count);
        Assert.Equal(3 + 1, _twilio.Lookups.Count); // every page of sent texts, then the newest page for queued ones
    }

    [Fact]
    public async Task FindSentAsync_WhenTwilioCannotAnswer_SaysUnavailableRatherThanNothingSent()
    {
        _twilio.ThenListError(503, 20503, "Service unavailable");

        var lookup = await Sender().FindSentAsync(new SmsRequest("+447700900123", "Hi", null), DateTime.UtcNow, default);

        Assert.Equal("20503", Assert.IsType<SentLookup.Unavailable>(lookup).Code);
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    [Fact]
    public async Task SendAsync_WhenCredentialsAreRefused_ReturnsRetryLaterSoNoTextIsLostToAConfigSlip()
    {
        _twilio.ThenError(401, 20003, "Authenticate").ThenError(401, 20003, "Authenticate").ThenError(401, 20003, "Authenticate");

        var outcome = await Sender().SendAsync(new SmsRequest("+447700900123", "Hi", null), default);

        Assert.Equal("20003", Assert.IsType<SendOutcome.RetryLater>(outcome).Code);
    }

    [Fact]
    public void Describe_ForCommonCodes_GivesPlainWords()
    {
        Assert.Contains("STOP", TwilioErrorCodes.Describe("21610"));
        Assert.Contains("landline", TwilioErrorCodes.Describe("21614"));
        Assert.Contains("99999", TwilioErrorCodes.Describe("99999"));
    }

    private TwilioSmsSender Sender(Dictionary<string, string?>? overrides = null) => CreateSender(_twilio, overrides);

    internal static TwilioSmsSender CreateSender(FakeTwilio twilio, Dictionary<string, string?>? overrides = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Twilio:AccountSid"] = FakeTwilio.AccountSid,
            ["Twilio:AuthToken"] = FakeTwilio.AuthToken,
            ["Twilio:From"] = FakeTwilio.From,
            ["Twilio:BaseUrl"] = twilio.BaseUrl.ToString(),
        };
        foreach (var (key, value) in overrides ?? [])
        {
            settings[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var twilioSettings = TwilioSettings.Read(configuration, SmsProvider.Twilio);
        return new TwilioSmsSender(SingleClientFactory.ClientsFor(twilioSettings, twilioSettings.RequestTimeout), NullLogger<TwilioSmsSender>.Instance, TimeProvider.System);
    }
}
