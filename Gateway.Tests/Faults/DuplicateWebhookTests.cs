using System.Net;
using Buddy.Domain.CheckIns;
using Buddy.Domain.ServiceUsers;
using Buddy.Domain.Sms;
using Buddy.Gateway.Data;
using Buddy.Tests.Sms;
using Buddy.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Buddy.Tests.Faults;

/// <summary>
/// Twilio delivers webhooks at least once and in no promised order. Through the real gateway and database: a text
/// delivered twice (and several times at once) is stored and handled once; replies arriving out of order merge
/// into the one diary entry they answer; status callbacks repeated or reordered never move a text backwards.
/// </summary>
public sealed class DuplicateWebhookTests
{
    [Theory, InlineData(DatabaseProvider.Sqlite), PostgresData]
    public async Task Inbound_WhenARiskyTextIsDeliveredAgainAndConcurrently_IsStoredAndHandledOnce(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (user, _) = await SmsTestData.AddPersonWithOpenCheckInAsync(database);
        await using var gateway = new SmsGateway(database);
        var form = SmsGateway.InboundForm(user.PhoneE164!, "2 i want to die, cant do this anymore");

        using var first = await gateway.PostSignedAsync("/sms/inbound", form);
        var repeats = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => gateway.PostSignedAsync("/sms/inbound", form)));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.All(repeats, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode)); // Twilio must not keep retrying a stored text
        await SmsTestData.WaitUntilAsync(db => db.InboundMessages.AllAsync(m => m.State != InboundState.Received), database, "the text to be handled", seconds: 60);
        await SmsTestData.WaitUntilAsync(db => db.OutboundMessages.AnyAsync(m => m.Kind == OutboundKind.Crisis && m.ProviderMessageId != null), database, "the crisis reply to go", seconds: 60);

        await using var db = database.CreateContext();
        var inbound = await db.InboundMessages.SingleAsync();
        Assert.Equal(InboundState.Processed, inbound.State);
        var entry = await db.DiaryEntries.SingleAsync();
        Assert.Equal(inbound.DiaryEntryId, entry.Id);
        Assert.Equal(1, await db.Alerts.CountAsync());
        var crisis = await db.OutboundMessages.SingleAsync(m => m.Kind == OutboundKind.Crisis);
        Assert.Equal($"crisis:{inbound.Id}", crisis.DedupeKey);
        foreach (var response in repeats)
        {
            response.Dispose();
        }
    }

    [Theory, InlineData(DatabaseProvider.Sqlite), PostgresData]
    public async Task Inbound_WhenRepliesArriveOutOfOrderAndRepeated_MergeIntoTheCheckInsOneDiaryEntry(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (user, checkIn) = await SmsTestData.AddPersonWithOpenCheckInAsync(database);
        await using var gateway = new SmsGateway(database);

        // The person sent the score first and the news second; Twilio delivered them the other way round, then
        // delivered the score again.
        var score = SmsGateway.InboundForm(user.PhoneE164!, "6");
        var news = SmsGateway.InboundForm(user.PhoneE164!, "went to college and saw my friend");
        foreach (var form in new[] { news, score, score, news })
        {
            using var response = await gateway.PostSignedAsync("/sms/inbound", form);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            await SmsTestData.WaitUntilAsync(db => db.InboundMessages.AllAsync(m => m.State != InboundState.Received), database, "the reply to be handled", seconds: 60);
        }

        await using var db = database.CreateContext();
        Assert.Equal(2, await db.InboundMessages.CountAsync());
        var entry = await db.DiaryEntries.SingleAsync();
        Assert.Equal(checkIn.Id, entry.CheckInId);
        Assert.Equal(6, entry.MoodScore);
        Assert.Single(entry.EventText.Split('\n'), line => line.Contains("college", StringComparison.Ordinal));
        Assert.Equal(CheckInStatus.Answered, (await db.CheckIns.SingleAsync()).Status);
        Assert.All(await db.InboundMessages.ToListAsync(), m => Assert.Equal(entry.Id, m.DiaryEntryId));
    }

    [Theory, InlineData(DatabaseProvider.Sqlite), PostgresData]
    public async Task Status_WhenCallbacksAreRepeatedAndReordered_NeverMoveATextBackwards(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (user, _) = await SmsTestData.AddPersonWithOpenCheckInAsync(database);
        var sid = SmsGateway.NewSid();
        var row = await SmsTestData.AddOutboundAsync(database, user, OutboundKind.Crisis, DateTime.UtcNow.AddDays(1), m =>
        {
            m.Status = OutboundStatus.Queued;
            m.ProviderMessageId = sid;
        });
        await using var gateway = new SmsGateway(database);

        // "delivered" overtakes "sent"; then "sent" again, a late "failed", and a burst of all of them at once.
        foreach (var status in new[] { "delivered", "sent", "sent", "failed", "queued" })
        {
            using var response = await PostStatusAsync(gateway, sid, status);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(OutboundStatus.Delivered, (await SmsTestData.ReloadAsync(database, row)).Status);
        }

        var burst = await Task.WhenAll(new[] { "sent", "delivered", "undelivered", "failed", "queued", "delivered" }.Select(s => PostStatusAsync(gateway, sid, s)));
        Assert.All(burst, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var final = await SmsTestData.ReloadAsync(database, row);
        Assert.Equal(OutboundStatus.Delivered, final.Status);
        Assert.Null(final.ErrorCode);

        // A second text whose callbacks all arrive at once, in reverse: it ends at the furthest status, once.
        var other = SmsGateway.NewSid();
        var second = await SmsTestData.AddOutboundAsync(database, user, OutboundKind.Crisis, DateTime.UtcNow.AddDays(1), m =>
        {
            m.Status = OutboundStatus.Queued;
            m.ProviderMessageId = other;
        });
        await Task.WhenAll(new[] { "undelivered", "sent", "sent", "queued" }.Select(s => PostStatusAsync(gateway, other, s)));
        Assert.Equal(OutboundStatus.Undelivered, (await SmsTestData.ReloadAsync(database, second)).Status);
        foreach (var response in burst)
        {
            response.Dispose();
        }
    }

    /// <summary>A status callback as Twilio posts it; failures carry Twilio's carrier error code.</summary>
    private static Task<HttpResponseMessage> PostStatusAsync(SmsGateway gateway, string sid, string status)
    {
        List<KeyValuePair<string, string>> form = [new("MessageSid", sid), new("MessageStatus", status), new("AccountSid", Buddy.Tests.Sms.Twilio.FakeTwilio.AccountSid)];
        if (status is "failed" or "undelivered")
        {
            form.Add(new("ErrorCode", "30003"));
        }

        return gateway.PostSignedAsync("/sms/status", form);
    }
}
