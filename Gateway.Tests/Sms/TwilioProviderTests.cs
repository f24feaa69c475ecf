using System.Net;
using Buddy.Domain.Sms;
using Buddy.Gateway.Data;
using Buddy.Tests.Sms.Twilio;
using Buddy.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Buddy.Tests.Sms;

/// <summary>The gateway configured for Twilio end to end: outbox row in, a Twilio API call out, status callback back.</summary>
public sealed class TwilioProviderTests
{
    [Fact]
    public async Task Outbox_WithTheTwilioProvider_SendsThroughTheApiAndFollowsTheStatusCallback()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var twilio = await FakeTwilio.StartAsync();
        // The real clock drives this host, so the organisation has no quiet hours: the check-in goes whenever the test runs.
        var (_, user) = await SmsTestData.AddPersonAsync(database, configureOrganisation: SmsTestData.NoQuietHours);
        await using var gateway = new SmsGateway(database, settings: new Dictionary<string, string?>
        {
            ["Sms:Provider"] = "Twilio",
            ["Twilio:AccountSid"] = FakeTwilio.AccountSid,
            ["Twilio:From"] = FakeTwilio.From,
            ["Twilio:BaseUrl"] = twilio.BaseUrl.ToString(),
            ["Twilio:PublicBaseUrl"] = "https://buddy.example.org",
        });
        _ = gateway.Server;

        // Not a routine kind: this runs on the wall clock, and a check-in after 21:30 in London is held for quiet hours.
        var row = await SmsTestData.AddOutboundAsync(database, user, OutboundKind.Help, DateTime.UtcNow);
        await SmsTestData.WaitUntilAsync(db => db.OutboundMessages.AnyAsync(m => m.Id == row.Id && m.Status == OutboundStatus.Queued), database, "the Twilio send");

        var request = Assert.Single(twilio.Requests);
        Assert.Equal(user.PhoneE164, request.Form["To"]);
        Assert.Equal($"https://buddy.example.org/sms/status?outbox={row.Id:N}", request.Form["StatusCallback"]);
        var sid = (await SmsTestData.ReloadAsync(database, row)).ProviderMessageId!;

        using var callback = await gateway.PostSignedAsync($"/sms/status?outbox={row.Id:N}", [new("MessageSid", sid), new("MessageStatus", "delivered")],
            signedUrl: request.Form["StatusCallback"]);

        Assert.Equal(HttpStatusCode.OK, callback.StatusCode);
        Assert.Equal(OutboundStatus.Delivered, (await SmsTestData.ReloadAsync(database, row)).Status);

        // The send went through the SDK with the gateway's own client: its process-wide static client was never set.
        Assert.Throws<global::Twilio.Exceptions.AuthenticationException>(global::Twilio.TwilioClient.GetRestClient);
    }

    [Fact]
    public async Task Webhook_WhenNoAuthTokenIsConfigured_RefusesEverything()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        // Only the simulator (Development) starts without a token; Twilio as the provider requires one at start-up.
        await using var gateway = new SmsGateway(database, "Development", settings: new Dictionary<string, string?> { ["Twilio:AuthToken"] = "" });

        using var response = await gateway.PostSignedAsync("/sms/inbound", SmsGateway.InboundForm(SmsTestData.NewPhone(), "hi"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
