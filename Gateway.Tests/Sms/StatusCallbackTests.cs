using System.Net;
using Buddy.Domain.ServiceUsers;
using Buddy.Domain.Sms;
using Buddy.Gateway.Data;
using Buddy.Gateway.Sms;
using Buddy.Gateway.Sms.Outbox;
using Buddy.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Buddy.Tests.Sms;

/// <summary>POST /sms/status: signed, forward-only, tolerant of callbacks for messages it never sent (out-of-order and repeated callbacks: Faults/DuplicateWebhookTests).</summary>
public sealed class StatusCallbackTests
{
    [Fact]
    public async Task Post_WhenCallbacksArriveInOrder_RecordsEachStepAndTheErrorCode()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var (_, user) = await SmsTestData.AddPersonAsync(database);
        var sid = SmsGateway.NewSid();
        var row = await AddQueuedAsync(database, user, sid);
        await using var gateway = new SmsGateway(database);

        await PostStatusAsync(gateway, sid, "sent");
        Assert.Equal(OutboundStatus.Sent, (await SmsTestData.ReloadAsync(database, row)).Status);
        await PostStatusAsync(gateway, sid, "undelivered", "30003");

        var final = await SmsTestData.ReloadAsync(database, row);
        Assert.Equal(OutboundStatus.Undelivered, final.Status);
        Assert.Equal("30003", final.ErrorCode);
        Assert.Contains("unreachable", final.ErrorMessage);
    }

    [Fact]
    public async Task Post_WhenTheFailureIs21610_MarksThePersonOptedOut()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var (_, user) = await SmsTestData.AddPersonAsync(database);
        var sid = SmsGateway.NewSid();
        await AddQueuedAsync(database, user, sid);
        await using var gateway = new SmsGateway(database);

        await PostStatusAsync(gateway, sid, "failed", "21610");

        Assert.Equal(ConsentState.OptedOut, (await SmsTestData.ReloadAsync(database, user)).Consent);
    }

    [Theory, InlineData(DatabaseProvider.Sqlite), PostgresData]
    public async Task Post_WhenTheReportNamesARowWhoseSendAnswerWasLost_RecordsTheTextThereSoItIsNeverSentAgain(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (_, user) = await SmsTestData.AddPersonAsync(database);
        var now = DateTime.UtcNow;
        var lostRows = new[]
        {
            // The call timed out; the row waits to ask Twilio.
            await SmsTestData.AddOutboundAsync(database, user, OutboundKind.Crisis, now.AddMinutes(1), m => (m.UnconfirmedSinceUtc, m.ErrorCode) = (now.AddSeconds(-5), "timeout")),
            // Retries ran out on timeouts: given up on, though the text did go.
            await SmsTestData.AddOutboundAsync(database, user, OutboundKind.Help, now, m => (m.Status, m.UnconfirmedSinceUtc, m.ErrorCode) = (OutboundStatus.Failed, now.AddMinutes(-5), "timeout")),
            // The sender died holding it: the lease ran out. Out of attempts too, so should the running dispatcher
            // re-claim it first, it gives up on it (Failed, in doubt) rather than sending: the report claims it either way.
            await SmsTestData.AddOutboundAsync(database, user, OutboundKind.Reminder, now, m => (m.Status, m.LeaseUntilUtc, m.Attempts) = (OutboundStatus.Sending, now.AddMinutes(-1), 99)),
        };
        await using var gateway = new SmsGateway(database);

        foreach (var row in lostRows)
        {
            var sid = SmsGateway.NewSid();
            using var response = await PostStatusAsync(gateway, sid, "sent", outboxId: row.Id);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var recorded = await SmsTestData.ReloadAsync(database, row);
            Assert.Equal((sid, OutboundStatus.Sent, null, null), (recorded.ProviderMessageId, recorded.Status, recorded.UnconfirmedSinceUtc, recorded.ErrorCode));
        }

        await using var db = database.CreateContext();
        Assert.Empty((await OutboxClaims.ClaimAsync(db, now.AddHours(1), now.AddHours(2), 10, default)).Ids);
    }

    [Theory, InlineData(DatabaseProvider.Sqlite), PostgresData]
    public async Task Post_WhenTheNamedRowIsWithALiveSenderOrHasItsOwnText_LeavesTheRowAlone(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (_, user) = await SmsTestData.AddPersonAsync(database);
        var now = DateTime.UtcNow;
        var sending = await SmsTestData.AddOutboundAsync(database, user, OutboundKind.CheckIn, now, m =>
        {
            m.Status = OutboundStatus.Sending;
            m.LeaseUntilUtc = now.AddMinutes(2); // a live sender will record its own answer
        });
        var ownSid = SmsGateway.NewSid();
        var recorded = await AddQueuedAsync(database, user, ownSid);
        await using var gateway = new SmsGateway(database);

        using (var toLive = await PostStatusAsync(gateway, SmsGateway.NewSid(), "sent", outboxId: sending.Id))
        using (var toRecorded = await PostStatusAsync(gateway, SmsGateway.NewSid(), "delivered", outboxId: recorded.Id))
        {
            Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (toLive.StatusCode, toRecorded.StatusCode));
        }

        var stillSending = await SmsTestData.ReloadAsync(database, sending);
        Assert.Equal((null, OutboundStatus.Sending), (stillSending.ProviderMessageId, stillSending.Status));
        var unchanged = await SmsTestData.ReloadAsync(database, recorded);
        Assert.Equal((ownSid, OutboundStatus.Queued), (unchanged.ProviderMessageId, unchanged.Status));
    }

    [Fact]
    public async Task Post_ForAnUnknownMessageSid_Answers200AndStoresNothing()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var gateway = new SmsGateway(database);

        using var response = await PostStatusAsync(gateway, SmsGateway.NewSid(), "delivered");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var db = database.CreateContext();
        Assert.Equal(0, await db.OutboundMessages.CountAsync());
    }

    [Fact]
    public async Task Post_WhenUnsigned_Answers403()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var gateway = new SmsGateway(database);

        using var response = await gateway.CreateClient().PostAsync("/sms/status",
            new FormUrlEncodedContent([new("MessageSid", SmsGateway.NewSid()), new("MessageStatus", "delivered")]));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Post_WhenTheStatusIsMissing_Answers400()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var gateway = new SmsGateway(database);

        using var response = await gateway.PostSignedAsync("/sms/status", [new("MessageSid", SmsGateway.NewSid())]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Post_WhenTheSidIsRepeatedOrNotTwiliosShape_Answers400AndChangesNothing()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var (_, user) = await SmsTestData.AddPersonAsync(database);
        var sid = SmsGateway.NewSid();
        var row = await AddQueuedAsync(database, user, sid);
        await using var gateway = new SmsGateway(database);

        using var twice = await gateway.PostSignedAsync("/sms/status", [new("MessageSid", sid), new("MessageSid", SmsGateway.NewSid()), new("MessageStatus", "delivered")]);
        using var shapeless = await gateway.PostSignedAsync("/sms/status", [new("MessageSid", sid + "," + sid), new("MessageStatus", "delivered")]);

        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest), (twice.StatusCode, shapeless.StatusCode));
        Assert.Contains("MessageSid is given 2 times", await twice.Content.ReadAsStringAsync());
        Assert.Equal(OutboundStatus.Queued, (await SmsTestData.ReloadAsync(database, row)).Status);
    }

    /// <summary>A text the provider has accepted as <paramref name="sid"/>, awaiting its callbacks.</summary>
    private static Task<OutboundMessage> AddQueuedAsync(TestDatabase database, ServiceUser user, string sid) =>
        SmsTestData.AddOutboundAsync(database, user, OutboundKind.CheckIn, DateTime.UtcNow, m =>
        {
            m.Status = OutboundStatus.Queued;
            m.ProviderMessageId = sid;
        });

    private static Task<HttpResponseMessage> PostStatusAsync(SmsGateway gateway, string sid, string status, string? errorCode = null, Guid? outboxId = null)
    {
        var form = new List<KeyValuePair<string, string>>
        {
            new("AccountSid", Buddy.Tests.Sms.Twilio.FakeTwilio.AccountSid),
            new("MessageSid", sid),
            new("SmsSid", sid),
            new("MessageStatus", status),
            new("SmsStatus", status),
            new("ApiVersion", "2010-04-01"),
        };
        if (errorCode is not null)
        {
            form.Add(new("ErrorCode", errorCode));
        }

        return gateway.PostSignedAsync(outboxId is { } id ? StatusCallback.PathFor(id) : "/sms/status", form);
    }
}
