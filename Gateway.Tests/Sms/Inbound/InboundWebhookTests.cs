using System.Net;
using Buddy.Domain.ServiceUsers;
using Buddy.Domain.Sms;
using Buddy.Gateway.Data;
using Buddy.Gateway.Replies;
using Buddy.Gateway.Sms.Twilio;
using Buddy.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Buddy.Tests.Sms.Inbound;

/// <summary>POST /sms/inbound through the real gateway: signature, idempotency, and what the processor makes of it.</summary>
public sealed class InboundWebhookTests
{
    [Theory, InlineData(DatabaseProvider.Sqlite), PostgresData]
    public async Task Post_WhenSigned_AnswersEmptyTwimlAndStoresTheMessage(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (_, user) = await SmsTestData.AddPersonAsync(database);
        await using var gateway = new SmsGateway(database);
        var sid = SmsGateway.NewSid();

        using var response = await gateway.PostSignedAsync("/sms/inbound", SmsGateway.InboundForm(user.PhoneE164!, "7 went swimming", sid));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/xml", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("""<?xml version="1.0" encoding="UTF-8"?><Response/>""", await response.Content.ReadAsStringAsync());
        await SmsTestData.WaitUntilAsync(db => db.InboundMessages.AnyAsync(m => m.ProviderMessageId == sid && m.State != InboundState.Received), database, "processing");
        await using var check = database.CreateContext();
        var stored = await check.InboundMessages.SingleAsync(m => m.ProviderMessageId == sid);
        Assert.Equal("7 went swimming", stored.Body);
        Assert.Equal(user.Id, stored.ServiceUserId);
        Assert.Equal(user.OrganisationId, stored.OrganisationId);
        Assert.Equal(InboundState.Processed, stored.State);
        Assert.NotNull(stored.DiaryEntryId); // the real pipeline: the diary handler owns an ordinary reply
        Assert.Equal(7, (await check.DiaryEntries.SingleAsync(e => e.Id == stored.DiaryEntryId)).MoodScore);
    }

    [Fact]
    public async Task Post_WhenBehindAProxy_ValidatesAgainstThePublicBaseUrl()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var gateway = new SmsGateway(database, settings: new Dictionary<string, string?> { ["Twilio:PublicBaseUrl"] = "https://buddy.example.org" });
        var form = SmsGateway.InboundForm(SmsTestData.NewPhone(), "hi");

        using var local = await gateway.PostSignedAsync("/sms/inbound", form);
        using var viaProxy = await gateway.PostSignedAsync("/sms/inbound", form, signedUrl: "https://buddy.example.org/sms/inbound");

        Assert.Equal(HttpStatusCode.Forbidden, local.StatusCode);
        Assert.Equal(HttpStatusCode.OK, viaProxy.StatusCode);
    }

    [Theory, InlineData(DatabaseProvider.Sqlite), PostgresData]
    public async Task Post_WhenTwilioRepeatsAMessageSid_StoresItOnce(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (_, user) = await SmsTestData.AddPersonAsync(database);
        await using var gateway = new SmsGateway(database);
        var form = SmsGateway.InboundForm(user.PhoneE164!, "STOP", SmsGateway.NewSid());

        // Twice one after the other, then five at once (the unique index decides between them).
        var responses = new List<HttpResponseMessage> { await gateway.PostSignedAsync("/sms/inbound", form), await gateway.PostSignedAsync("/sms/inbound", form) };
        var concurrentForm = SmsGateway.InboundForm(user.PhoneE164!, "6 ok", SmsGateway.NewSid());
        responses.AddRange(await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => gateway.PostSignedAsync("/sms/inbound", concurrentForm))));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        await SmsTestData.WaitUntilAsync(db => db.InboundMessages.AllAsync(m => m.State != InboundState.Received), database, "processing");
        await using var db = database.CreateContext();
        Assert.Equal(2, await db.InboundMessages.CountAsync());
        Assert.Equal(1, await db.OutboundMessages.CountAsync(m => m.Kind == OutboundKind.OptOutConfirmation));
        Assert.Equal(1, await db.AuditEvents.CountAsync(a => a.Action == "consent.opted-out"));
    }

    [Theory, InlineData(DatabaseProvider.Sqlite), PostgresData]
    public async Task Post_FromAnUnknownNumber_StoresItUnmatchedAndSendsNothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var gateway = new SmsGateway(database);
        var sid = SmsGateway.NewSid();

        using var response = await gateway.PostSignedAsync("/sms/inbound", SmsGateway.InboundForm(SmsTestData.NewPhone(), "who is this? STOP", sid));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await SmsTestData.WaitUntilAsync(db => db.InboundMessages.AnyAsync(m => m.ProviderMessageId == sid && m.State == InboundState.Unmatched), database, "unmatched");
        await using var db = database.CreateContext();
        var stored = await db.InboundMessages.SingleAsync();
        Assert.Null(stored.ServiceUserId);
        Assert.Equal("unknown sender", stored.Outcome);
        Assert.Equal(0, await db.OutboundMessages.CountAsync());
    }

    [Theory, InlineData(DatabaseProvider.Sqlite), PostgresData]
    public async Task Post_WhenAHandlerClaimsTheReply_RunsHandlersInOrderAndSavesTheirWorkWithTheMessage(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (_, user) = await SmsTestData.AddPersonAsync(database);
        var order = new List<string>();
        await using var gateway = new SmsGateway(database, services: s =>
        {
            s.RemoveAll<IReplyHandler>(); // only the recording handlers, so the order they ran in is all that shows
            s.AddSingleton<IReplyHandler>(new RecordingHandler(order, "diary", 1000, claims: true));
            s.AddSingleton<IReplyHandler>(new RecordingHandler(order, "safeguarding", 0, claims: false));
            s.AddSingleton<IReplyHandler>(new RecordingHandler(order, "never", 2000, claims: true));
        });
        var sid = SmsGateway.NewSid();

        await gateway.PostSignedAsync("/sms/inbound", SmsGateway.InboundForm(user.PhoneE164!, "3 rough day", sid));

        await SmsTestData.WaitUntilAsync(db => db.InboundMessages.AnyAsync(m => m.ProviderMessageId == sid && m.State == InboundState.Processed), database, "processing");
        Assert.Equal(["safeguarding", "diary"], order);
        await using var db = database.CreateContext();
        Assert.Equal("diary entry", (await db.InboundMessages.SingleAsync()).Outcome);
        Assert.Equal(["handled:diary", "handled:safeguarding"], (await db.AuditEvents.Select(a => a.Action).ToListAsync()).Order());
    }

    [Fact]
    public async Task Post_WhenAHandlerThrows_MarksTheMessageFailedAndKeepsNothingHalfDone()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var (_, user) = await SmsTestData.AddPersonAsync(database);
        await using var gateway = new SmsGateway(database, services: s =>
        {
            s.RemoveAll<IReplyHandler>();
            s.AddSingleton<IReplyHandler>(new RecordingHandler([], "writes first", 0, claims: false));
            s.AddSingleton<IReplyHandler>(new ThrowingHandler());
        });
        var sid = SmsGateway.NewSid();

        await gateway.PostSignedAsync("/sms/inbound", SmsGateway.InboundForm(user.PhoneE164!, "5", sid));

        await SmsTestData.WaitUntilAsync(db => db.InboundMessages.AnyAsync(m => m.ProviderMessageId == sid && m.State == InboundState.Failed), database, "failure");
        await using var db = database.CreateContext();
        var failed = await db.InboundMessages.SingleAsync();
        Assert.Contains("InvalidOperationException", failed.Outcome);
        Assert.DoesNotContain(user.PhoneE164!, failed.Outcome);
        Assert.Equal(0, await db.AuditEvents.CountAsync());
    }

    private sealed class RecordingHandler(List<string> order, string name, int handlerOrder, bool claims) : IReplyHandler
    {
        public int Order => handlerOrder;

        public Task<bool> TryHandleAsync(ReplyContext reply, CancellationToken cancellationToken)
        {
            order.Add(name);
            reply.Db.AuditEvents.Add(new Domain.Audit.AuditEvent { Action = $"handled:{name}", OccurredAtUtc = reply.NowUtc, ServiceUserId = reply.ServiceUser.Id });
            if (claims)
            {
                reply.Outcome = "diary entry";
            }

            return Task.FromResult(claims);
        }
    }

    private sealed class ThrowingHandler : IReplyHandler
    {
        public int Order => 1000;

        public Task<bool> TryHandleAsync(ReplyContext reply, CancellationToken cancellationToken) =>
            throw new InvalidOperationException($"Parser broke on a text from {reply.Message.FromPhone}");
    }
}
