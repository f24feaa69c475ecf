using System.Net;
using Buddy.Domain.Safeguarding;
using Buddy.Domain.ServiceUsers;
using Buddy.Domain.Sms;
using Buddy.Gateway.Data;
using Buddy.Gateway.Replies;
using Buddy.Gateway.Safeguarding;
using Buddy.Gateway.Sms.Twilio;
using Buddy.Tests.Safeguarding;
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
    public async Task Post_WhenSigned_AnswersWithTheSecurityHeadersAndNoStore()
    {
        // The webhooks are short-circuited past authentication; the hardening before routing still covers them.
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var gateway = new SmsGateway(database, "Production");

        using var response = await gateway.PostSignedAsync("/sms/inbound", SmsGateway.InboundForm(SmsTestData.NewPhone(), "5 meh"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("nosniff", string.Join(",", response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Contains("frame-ancestors 'none'", string.Join(",", response.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
        Assert.True(response.Headers.CacheControl?.NoStore, "a webhook's answer must be marked no-store");
        Assert.Equal(response.Content.Headers.ContentLength, (await response.Content.ReadAsByteArrayAsync()).Length);
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
    public async Task Post_WhenTheReplyPipelineTakesTheReply_SavesItsWorkWithTheMessageAndGivesItTheRiskReadOnce(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (_, user) = await SmsTestData.AddPersonAsync(database);
        var seen = new List<RiskLevel>();
        await using var gateway = new SmsGateway(database, services: s =>
        {
            s.AddSingleton<IRiskReader>(new ScriptedRiskReader().Add("3 rough day", RiskLevel.Review, RiskSubject.Sender));
            s.AddScoped<IReplyPipeline>(_ => new RecordingPipeline(seen));
        });
        var sid = SmsGateway.NewSid();

        await gateway.PostSignedAsync("/sms/inbound", SmsGateway.InboundForm(user.PhoneE164!, "3 rough day", sid));

        await SmsTestData.WaitUntilAsync(db => db.InboundMessages.AnyAsync(m => m.ProviderMessageId == sid && m.State == InboundState.Processed), database, "processing");
        Assert.Equal([RiskLevel.Review], seen);
        await using var db = database.CreateContext();
        Assert.Equal("diary entry", (await db.InboundMessages.SingleAsync()).Outcome);
        Assert.Equal(["handled"], await db.AuditEvents.Select(a => a.Action).ToListAsync());
    }

    [Fact]
    public async Task Post_WhenTheReplyPipelineThrows_MarksTheMessageFailedAndKeepsNothingHalfDone()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var (_, user) = await SmsTestData.AddPersonAsync(database);
        await using var gateway = new SmsGateway(database, services: s => s.AddScoped<IReplyPipeline>(_ => new ThrowingPipeline()));
        var sid = SmsGateway.NewSid();

        await gateway.PostSignedAsync("/sms/inbound", SmsGateway.InboundForm(user.PhoneE164!, "5", sid));

        await SmsTestData.WaitUntilAsync(db => db.InboundMessages.AnyAsync(m => m.ProviderMessageId == sid && m.State == InboundState.Failed), database, "failure");
        await using var db = database.CreateContext();
        var failed = await db.InboundMessages.SingleAsync();
        Assert.Contains("InvalidOperationException", failed.Outcome);
        Assert.DoesNotContain(user.PhoneE164!, failed.Outcome);
        Assert.Equal(0, await db.AuditEvents.CountAsync());
    }

    [Theory, InlineData(DatabaseProvider.Sqlite), PostgresData]
    public async Task Post_WhenARiskyReplyIsDiary_SafeguardingRunsFirstAndTheDiaryLinksItsAlertWithTheRiskReadOnce(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (_, user) = await SmsTestData.AddPersonAsync(database);
        var reader = new CountingRiskReader(new ScriptedRiskReader().Add("4 wish I could disappear", RiskLevel.Review, RiskSubject.Sender));
        await using var gateway = new SmsGateway(database, services: s => s.AddSingleton<IRiskReader>(reader));
        var sid = SmsGateway.NewSid();

        await gateway.PostSignedAsync("/sms/inbound", SmsGateway.InboundForm(user.PhoneE164!, "4 wish I could disappear", sid));

        await SmsTestData.WaitUntilAsync(db => db.InboundMessages.AnyAsync(m => m.ProviderMessageId == sid && m.State == InboundState.Processed), database, "processing");
        await using var db = database.CreateContext();
        var message = await db.InboundMessages.SingleAsync();
        var entry = await db.DiaryEntries.SingleAsync();
        var alert = await db.Alerts.SingleAsync();
        Assert.Equal("safeguarding review; diary note", message.Outcome);
        Assert.Equal(entry.Id, message.DiaryEntryId);
        Assert.Equal(entry.Id, alert.DiaryEntryId);
        Assert.Equal(RiskLevel.Review, entry.RiskLevel);
        Assert.Equal(1, reader.Reads);
    }

    /// <summary>Records the risk each reply arrived with and writes an audit event, as a step's own work would.</summary>
    private sealed class RecordingPipeline(List<RiskLevel> seen) : IReplyPipeline
    {
        public Task<ReplyResult> HandleAsync(ReplyContext reply, CancellationToken cancellationToken)
        {
            seen.Add(reply.Risk.Level);
            reply.Db.AuditEvents.Add(new Domain.Audit.AuditEvent { Action = "handled", OccurredAtUtc = reply.NowUtc, ServiceUserId = reply.ServiceUser.Id });
            return Task.FromResult(new ReplyResult(ReplyStep.Diary, "diary entry"));
        }
    }

    /// <summary>Writes, then fails with the number in its message, as careless code might.</summary>
    private sealed class ThrowingPipeline : IReplyPipeline
    {
        public Task<ReplyResult> HandleAsync(ReplyContext reply, CancellationToken cancellationToken)
        {
            reply.Db.AuditEvents.Add(new Domain.Audit.AuditEvent { Action = "writes first", OccurredAtUtc = reply.NowUtc, ServiceUserId = reply.ServiceUser.Id });
            throw new InvalidOperationException($"Parser broke on a text from {reply.Message.FromPhone}");
        }
    }
}

/// <summary>Counts the readings, so a test sees how often a reply's risk was read.</summary>
internal sealed class CountingRiskReader(IRiskReader inner) : IRiskReader
{
    private int _reads;

    public int Reads => _reads;

    public RiskAssessment Assess(string? text, Domain.Organisations.MoodScale scale)
    {
        Interlocked.Increment(ref _reads);
        return inner.Assess(text, scale);
    }
}
