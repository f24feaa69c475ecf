using System.Net;
using Buddy.Domain.Safeguarding;
using Buddy.Domain.ServiceUsers;
using Buddy.Domain.Sms;
using Buddy.Gateway.Data;
using Buddy.Gateway.Replies;
using Buddy.Gateway.Sms.Inbound;
using Buddy.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace Buddy.Tests.Sms.Inbound;

/// <summary>
/// Through signed webhooks and the real processor: a risky text or a STOP received behind a backlog of routine
/// replies is handled before them. The backlog's sender is held inside the pipeline (a reply handler we own),
/// so "before" is exact: while the first routine reply is held, nothing else routine has been handled.
/// </summary>
public sealed class UrgentLaneTests
{
    private const int Backlog = 2000;
    private const string Risky = "2 I want to kill myself";

    [Theory, InlineData(DatabaseProvider.Sqlite), PostgresData]
    public async Task Inbound_WhenARiskyTextArrivesBehindABacklog_AlertsAndRepliesBeforeTheBacklogIsHandled(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (_, busy) = await SmsTestData.AddPersonAsync(database);
        var (_, user) = await SmsTestData.AddPersonAsync(database);

        await using var run = await ReceiveBehindABacklogAsync(database, busy, "6 went to college, argued with mum", Backlog, (user, Risky));

        await SmsTestData.WaitUntilAsync(db => db.Alerts.AnyAsync(a => a.ServiceUserId == user.Id), database, "the safeguarding alert", seconds: 60);
        await using var db = database.CreateContext();
        var risky = await db.InboundMessages.SingleAsync(m => m.FromPhone == user.PhoneE164);
        Assert.Equal(InboundState.Processed, risky.State);
        Assert.Equal($"crisis:{risky.Id}", (await db.OutboundMessages.SingleAsync(m => m.Kind == OutboundKind.Crisis)).DedupeKey);
        Assert.Equal(1, await db.Alerts.CountAsync());
        Assert.True(await ReceivedFromAsync(db, busy) >= Backlog - 1, "at most the one routine reply held in the pipeline was taken before it");
    }

    [Theory, InlineData(DatabaseProvider.Sqlite), PostgresData]
    public async Task Inbound_WhenStopArrivesBehindABacklog_OptsOutBeforeTheBacklogIsHandled(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (_, busy) = await SmsTestData.AddPersonAsync(database);
        var (_, user) = await SmsTestData.AddPersonAsync(database);
        var reminder = await SmsTestData.AddOutboundAsync(database, user, OutboundKind.CheckIn, DateTime.UtcNow.AddHours(1));

        await using var run = await ReceiveBehindABacklogAsync(database, busy, "7", Backlog, (user, "STOP"));

        await SmsTestData.WaitUntilAsync(db => db.ServiceUsers.AnyAsync(u => u.Id == user.Id && u.Consent == ConsentState.OptedOut), database, "the opt-out", seconds: 60);
        await using var db = database.CreateContext();
        Assert.Equal(1, await db.OutboundMessages.CountAsync(m => m.ServiceUserId == user.Id && m.Kind == OutboundKind.OptOutConfirmation));
        Assert.Equal(OutboundStatus.Cancelled, (await SmsTestData.ReloadAsync(database, reminder)).Status);
        Assert.True(await ReceivedFromAsync(db, busy) >= Backlog - 1, "at most the one routine reply held in the pipeline was taken before it");
    }

    [Theory, InlineData(DatabaseProvider.Sqlite), PostgresData]
    public async Task Inbound_WhenARiskyReplyIsTakenAheadOfTheSendersEarlierReply_TheDiaryKeepsTheirOrderWithOneAlert(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (_, busy) = await SmsTestData.AddPersonAsync(database);
        var (user, checkIn) = await SmsTestData.AddPersonWithOpenCheckInAsync(database);

        await using var run = await ReceiveBehindABacklogAsync(database, busy, "7", 10, (user, "6 went to college and saw my friend"), (user, Risky));

        // The risky reply jumped the other person's backlog; its sender's earlier reply went with it, first.
        await SmsTestData.WaitUntilAsync(db => db.InboundMessages.AllAsync(m => m.FromPhone != user.PhoneE164 || m.State == InboundState.Processed),
            database, "both replies to be handled", seconds: 60);
        await using var db = database.CreateContext();
        var entry = await db.DiaryEntries.SingleAsync(e => e.ServiceUserId == user.Id);
        Assert.Equal(checkIn.Id, entry.CheckInId);
        Assert.Equal(["went to college and saw my friend", "I want to kill myself"], entry.EventText.Split('\n'));
        Assert.Equal(2, entry.MoodScore); // the latest reply's score
        Assert.Equal(RiskLevel.High, entry.RiskLevel);
        var alert = await db.Alerts.SingleAsync();
        Assert.Equal(entry.Id, alert.DiaryEntryId);
        Assert.Equal(1, await db.OutboundMessages.CountAsync(m => m.Kind == OutboundKind.Crisis));
        Assert.True(await ReceivedFromAsync(db, busy) >= 9, "at most the one routine reply held in the pipeline was taken before them");
    }

    [Theory, InlineData(DatabaseProvider.Sqlite), PostgresData]
    public async Task Start_WhenARiskyTextWasLeftReceivedBehindABacklog_TheSweepQueuesItFirst(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (_, busy) = await SmsTestData.AddPersonAsync(database);
        var (_, user) = await SmsTestData.AddPersonAsync(database);
        var backlog = InboundProcessor.SweepBatch + 100; // more than one sweep queues of routine texts
        await using (var db = database.CreateContext())
        {
            // Stored by a gateway that stopped before its processor got to them; the risky one last.
            var stoppedAt = DateTime.UtcNow.AddMinutes(-10);
            db.InboundMessages.AddRange(Enumerable.Range(0, backlog).Select(i => Stored(busy, "5 ok", stoppedAt.AddMilliseconds(i - backlog))));
            db.InboundMessages.Add(Stored(user, Risky, stoppedAt));
            await db.SaveChangesAsync();
        }

        await using var gateway = new SmsGateway(database, services: s => s.AddScoped<IReplyPipeline>(sp => new HeldReplies(busy.PhoneE164!, sp.GetRequiredService<ReplyPipeline>())));
        _ = gateway.Server;

        await SmsTestData.WaitUntilAsync(db => db.Alerts.AnyAsync(a => a.ServiceUserId == user.Id), database, "the safeguarding alert", seconds: 60);
        await using var check = database.CreateContext();
        Assert.Equal(1, await check.OutboundMessages.CountAsync(m => m.Kind == OutboundKind.Crisis));
        Assert.True(await ReceivedFromAsync(check, busy) >= backlog - 1, "at most the one routine reply held in the pipeline was taken before it");
    }

    [Theory, InlineData(DatabaseProvider.Sqlite), PostgresData]
    public async Task Inbound_WhenARiskyTextIsStoredWhileARoutineBatchWaitsForReception_HandlesItBeforeThatBatch(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (_, busy) = await SmsTestData.AddPersonAsync(database);
        var (_, user) = await SmsTestData.AddPersonAsync(database);

        // The processor's sweeps and the reception wait run on this clock, which moves only when the test moves it.
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow.AddHours(-1));
        var priority = new ReceptionPriority(clock);
        await using var gateway = new SmsGateway(database, settings: new Dictionary<string, string?> { ["RateLimiting:WebhookPermitsPerSecond"] = "0" }, services: s =>
        {
            s.Remove(s.Single(d => d.ServiceType == typeof(IHostedService) && d.ImplementationFactory?.Method.ReturnType == typeof(InboundProcessor)));
            s.AddSingleton(priority);
            s.AddSingleton(sp => ActivatorUtilities.CreateInstance<InboundProcessor>(sp, (TimeProvider)clock));
            s.AddScoped<IReplyPipeline>(sp => new HeldReplies(busy.PhoneE164!, sp.GetRequiredService<ReplyPipeline>()));
        });
        _ = gateway.Server;
        await PostAsync(gateway, [(busy, "7")]); // stored and queued routine; the processor is not running yet
        clock.SetUtcNow(DateTimeOffset.UtcNow); // so the start-up sweep finds it too and queues it a second time

        // A webhook waits for reception, so the routine batch the processor takes waits for the writer's next commit.
        // The start-up sweep queues before the first batch is read, so the batch takes both copies, and the lanes stay
        // empty after it: the next sweep is a minute away on the fake clock.
        priority.Arriving();
        var lanes = gateway.Services.GetRequiredService<InboundLanes>();
        var processor = gateway.Services.GetRequiredService<InboundProcessor>();
        await processor.StartAsync(CancellationToken.None);
        try
        {
            await SmsTestData.WaitUntilAsync(_ => Task.FromResult(lanes.IsEmpty), database, "the processor to take the routine batch");
            await PostAsync(gateway, [(user, Risky)]); // stored (a commit that wakes the batch), queued urgent first

            // Moving the clock by the longest wait lets the batch go even if it began to wait just after that commit;
            // either way the risky text must be handled first, since the routine one is then held in the pipeline for good.
            await SmsTestData.WaitUntilAsync(async db =>
            {
                clock.Advance(ReceptionPriority.MaxWait);
                return await db.Alerts.AnyAsync(a => a.ServiceUserId == user.Id);
            }, database, "the safeguarding alert", seconds: 60);
            await using var db = database.CreateContext();
            Assert.Equal(InboundState.Processed, (await db.InboundMessages.SingleAsync(m => m.FromPhone == user.PhoneE164)).State);
            Assert.Equal(1, await ReceivedFromAsync(db, busy));
        }
        finally
        {
            await processor.StopAsync(CancellationToken.None);
        }
    }

    /// <summary>
    /// The gateway with its inbound processor not started, so webhooks only store and queue: first a backlog of
    /// routine replies from <paramref name="busy"/> (whose replies are then held in the pipeline), then
    /// <paramref name="texts"/> one after another; only then the processor starts.
    /// </summary>
    private static async Task<HeldBacklog> ReceiveBehindABacklogAsync(
        TestDatabase database, ServiceUser busy, string routine, int count, params (ServiceUser From, string Body)[] texts)
    {
        var gateway = new SmsGateway(database, settings: new Dictionary<string, string?> { ["RateLimiting:WebhookPermitsPerSecond"] = "0" }, services: s =>
        {
            s.Remove(s.Single(d => d.ServiceType == typeof(IHostedService) && d.ImplementationFactory?.Method.ReturnType == typeof(InboundProcessor)));
            s.AddScoped<IReplyPipeline>(sp => new HeldReplies(busy.PhoneE164!, sp.GetRequiredService<ReplyPipeline>()));
        });
        _ = gateway.Server; // started once here: concurrent first requests would each start a host
        await PostAsync(gateway, Enumerable.Repeat((busy, routine), count));
        foreach (var text in texts)
        {
            await PostAsync(gateway, [text]);
        }

        var processor = gateway.Services.GetRequiredService<InboundProcessor>();
        await processor.StartAsync(CancellationToken.None);
        return new HeldBacklog(gateway, processor);
    }

    private static async Task PostAsync(SmsGateway gateway, IEnumerable<(ServiceUser From, string Body)> texts) =>
        await Parallel.ForEachAsync(texts, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (text, _) =>
        {
            using var response = await gateway.PostSignedAsync("/sms/inbound", SmsGateway.InboundForm(text.From.PhoneE164!, text.Body));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        });

    private static Task<int> ReceivedFromAsync(BuddyDbContext db, ServiceUser user) =>
        db.InboundMessages.CountAsync(m => m.FromPhone == user.PhoneE164 && m.State == InboundState.Received);

    private static InboundMessage Stored(ServiceUser from, string body, DateTime receivedAtUtc) => new()
    {
        ProviderMessageId = SmsGateway.NewSid(), FromPhone = from.PhoneE164!, ToPhone = "+15005550006", Body = body, ReceivedAtUtc = receivedAtUtc,
    };

    /// <summary>Stops the processor before the gateway goes.</summary>
    private sealed class HeldBacklog(SmsGateway gateway, InboundProcessor processor) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await processor.StopAsync(CancellationToken.None);
            await gateway.DisposeAsync();
        }
    }

    /// <summary>Holds every reply from one number inside the pipeline until the gateway stops: a backlog the processor is stuck in.</summary>
    private sealed class HeldReplies(string phone, ReplyPipeline pipeline) : IReplyPipeline
    {
        public async Task<ReplyResult> HandleAsync(ReplyContext reply, CancellationToken cancellationToken)
        {
            if (reply.Message.FromPhone == phone)
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }

            return await pipeline.HandleAsync(reply, cancellationToken);
        }
    }
}
