using System.Collections.Concurrent;
using Buddy.Domain.ServiceUsers;
using Buddy.Domain.Sms;
using Buddy.Gateway.Data;
using Buddy.Gateway.Replies;
using Buddy.Gateway.Sms.Inbound;
using Buddy.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Buddy.Tests.Sms.Inbound;

/// <summary>
/// Texts left waiting (stored by a gateway that stopped before handling them) are handled in batches at start-up:
/// several senders' texts in one transaction, each sender's in the order sent, and one bad text costs only itself.
/// </summary>
public sealed class InboundBatchTests
{
    private static readonly string[] s_texts = ["3 tired", "4 walked the dog", "6 better now"];

    [Theory, InlineData(DatabaseProvider.Sqlite), PostgresData]
    public async Task Start_WhenSeveralSendersTextsWait_HandlesThemTogetherInRoundsAndEachSendersInOrder(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var people = await SmsTestData.AddPeopleWithOpenCheckInsAsync(database, 3);

        await StoreWaitingAsync(database, people);
        var contexts = new ConcurrentQueue<BuddyDbContext>();
        await using var gateway = new SmsGateway(database, services: s =>
            s.AddScoped<IReplyPipeline>(sp => new Watched(sp.GetRequiredService<ReplyPipeline>(), contexts, failOn: null)));
        _ = gateway.Server;

        await SmsTestData.WaitUntilAsync(async db => !await db.InboundMessages.AnyAsync(m => m.State == InboundState.Received), database, "every text handled");
        await using var db = database.CreateContext();
        Assert.Equal(9, await db.InboundMessages.CountAsync(m => m.State == InboundState.Processed));
        foreach (var person in people)
        {
            var entry = await db.DiaryEntries.SingleAsync(e => e.ServiceUserId == person.Id);
            Assert.Equal(6, entry.MoodScore); // the latest score wins: the last text was handled last
            Assert.Equal("tired\nwalked the dog\nbetter now", entry.EventText);
        }

        // Three rounds (one text of each sender in each), one transaction each, rather than nine.
        Assert.Equal(9, contexts.Count);
        Assert.Equal(3, contexts.Distinct().Count());
    }

    [Theory, InlineData(DatabaseProvider.Sqlite), PostgresData]
    public async Task Start_WhenOneTextInABatchFails_MarksOnlyItFailedAndHandlesTheOthers(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var people = await SmsTestData.AddPeopleWithOpenCheckInsAsync(database, 3);

        await StoreWaitingAsync(database, people);
        var bad = people[1].PhoneE164!;
        await using var gateway = new SmsGateway(database, services: s =>
            s.AddScoped<IReplyPipeline>(sp => new Watched(sp.GetRequiredService<ReplyPipeline>(), new ConcurrentQueue<BuddyDbContext>(), failOn: (bad, "4 walked the dog"))));
        _ = gateway.Server;

        await SmsTestData.WaitUntilAsync(async db => !await db.InboundMessages.AnyAsync(m => m.State == InboundState.Received), database, "every text handled");
        await using var db = database.CreateContext();
        var failed = await db.InboundMessages.SingleAsync(m => m.State == InboundState.Failed);
        Assert.Equal((bad, "4 walked the dog"), (failed.FromPhone, failed.Body));
        Assert.Equal(8, await db.InboundMessages.CountAsync(m => m.State == InboundState.Processed));
        foreach (var person in new[] { people[0], people[2] })
        {
            Assert.Equal("tired\nwalked the dog\nbetter now", (await db.DiaryEntries.SingleAsync(e => e.ServiceUserId == person.Id)).EventText);
        }

        Assert.Equal("tired\nbetter now", (await db.DiaryEntries.SingleAsync(e => e.ServiceUserId == people[1].Id)).EventText);
    }

    // PostgreSQL only: the held reply keeps its transaction open, and on SQLite that holds the one write lock the
    // webhooks need to store the burst.
    [Theory, PostgresData]
    public async Task Inbound_WhenTheQueueIsFullDuringABurst_StoresEveryTextAndHandlesTheRefusedOnesWithoutWaitingForTheSweep(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var people = await SmsTestData.AddPeopleWithOpenCheckInsAsync(database, 5);

        var gate = new Gate();
        await using var gateway = new SmsGateway(database, settings: new Dictionary<string, string?>
        {
            ["Sms:Inbound:QueueCapacity"] = "1",
            ["Sms:Inbound:SweepSeconds"] = "3600", // the periodic sweep would come far too late for the wait below
        }, services: s => s.AddScoped<IReplyPipeline>(sp => new Gated(sp.GetRequiredService<ReplyPipeline>(), gate)));
        _ = gateway.Server;

        // The first text holds the processor; of the next four, one fits in the queue and three are refused by it.
        using (var first = await gateway.PostSignedAsync("/sms/inbound", SmsGateway.InboundForm(people[0].PhoneE164!, "5 first")))
        {
            Assert.Equal(System.Net.HttpStatusCode.OK, first.StatusCode);
        }

        await gate.Entered.Task.WaitAsync(TimeSpan.FromSeconds(15));
        foreach (var person in people.Skip(1))
        {
            using var response = await gateway.PostSignedAsync("/sms/inbound", SmsGateway.InboundForm(person.PhoneE164!, "6 later"));
            Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        }

        gate.Release.SetResult();

        await SmsTestData.WaitUntilAsync(async db => await db.InboundMessages.CountAsync(m => m.State == InboundState.Processed) == 5, database, "all five handled");
        await using var db = database.CreateContext();
        Assert.Equal(5, await db.DiaryEntries.CountAsync());
    }

    [Theory, InlineData(DatabaseProvider.Sqlite), PostgresData]
    public async Task PlanAsync_WhenAnIdIsQueuedTwice_PlansItOnceAfterItsSendersEarlierTexts(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (user, _) = await SmsTestData.AddPersonWithOpenCheckInAsync(database);
        var (other, _) = await SmsTestData.AddPersonWithOpenCheckInAsync(database);
        await StoreWaitingAsync(database, [user, other]);
        await using var db = database.CreateContext();
        var texts = await db.InboundMessages.OrderBy(m => m.ReceivedAtUtc).ToListAsync();
        var last = texts.Last(m => m.FromPhone == user.PhoneE164);
        var otherFirst = texts.First(m => m.FromPhone == other.PhoneE164);

        var rounds = await InboundRounds.PlanAsync(db, [last.Id, otherFirst.Id, last.Id], CancellationToken.None);

        var mine = texts.Where(m => m.FromPhone == user.PhoneE164).Select(m => m.Id).ToList();
        Assert.Equal(new List<List<Guid>> { new() { mine[0], otherFirst.Id }, new() { mine[1] }, new() { mine[2] } }, rounds);
    }

    /// <summary>Each person's three texts, stored a second apart and interleaved with the others', all still Received.</summary>
    private static async Task StoreWaitingAsync(TestDatabase database, List<ServiceUser> people)
    {
        var first = DateTime.UtcNow.AddMinutes(-5);
        await using var db = database.CreateContext();
        for (var t = 0; t < s_texts.Length; t++)
        {
            foreach (var person in people)
            {
                db.InboundMessages.Add(new InboundMessage
                {
                    ProviderMessageId = SmsGateway.NewSid(),
                    FromPhone = person.PhoneE164!,
                    ToPhone = "+15005550006",
                    Body = s_texts[t],
                    ReceivedAtUtc = first.AddSeconds(t),
                });
            }
        }

        await db.SaveChangesAsync();
    }

    /// <summary>The real pipeline, noting the database context each reply was handled in, and failing one chosen text.</summary>
    private sealed class Watched(ReplyPipeline pipeline, ConcurrentQueue<BuddyDbContext> contexts, (string Phone, string Body)? failOn) : IReplyPipeline
    {
        public Task<ReplyResult> HandleAsync(ReplyContext reply, CancellationToken cancellationToken)
        {
            contexts.Enqueue(reply.Db);
            if (failOn is { } fail && reply.Message.FromPhone == fail.Phone && reply.Message.Body == fail.Body)
            {
                throw new InvalidOperationException("This one text cannot be handled.");
            }

            return pipeline.HandleAsync(reply, cancellationToken);
        }
    }

    private sealed class Gate
    {
        public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    /// <summary>The real pipeline, holding the first reply until the test releases it.</summary>
    private sealed class Gated(ReplyPipeline pipeline, Gate gate) : IReplyPipeline
    {
        public async Task<ReplyResult> HandleAsync(ReplyContext reply, CancellationToken cancellationToken)
        {
            gate.Entered.TrySetResult();
            await gate.Release.Task.WaitAsync(cancellationToken);
            return await pipeline.HandleAsync(reply, cancellationToken);
        }
    }
}
