using Buddy.Domain.CheckIns;
using Buddy.Domain.Diary;
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
/// A routine batch's rows (each text's new state, its diary entry, the check-in it answered) are written by multi-row
/// statements (<see cref="InboundWrites"/>), not a SaveChanges statement a row, and land exactly as SaveChanges wrote
/// them; a text another worker handled meanwhile keeps that handling (exactly once).
/// </summary>
public sealed class InboundWritesTests
{
    [Theory, InlineData(DatabaseProvider.Sqlite), PostgresData]
    public async Task ProcessBatch_WhenThirtyPeopleAnswerTheirCheckIns_WritesEveryRowWithoutAStatementPerRow(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var counter = new CommandLog();
        await using var gateway = Gateway(database, s => s.ConfigureDbContext<BuddyDbContext>(options => options.AddInterceptors(counter)));
        var people = await SmsTestData.AddPeopleWithOpenCheckInsAsync(database, 30);
        var texts = await SmsTestData.StoreReceivedAsync(database, people, "6 went to college", urgent: false);

        using (counter.Record())
        {
            await gateway.Services.GetRequiredService<InboundProcessor>().ProcessBatchAsync(texts, CancellationToken.None);
        }

        // On SQLite EF's own commands were reads only: the writes went as bulk statements on the transaction's
        // connection. PostgreSQL's SaveChanges already sends the rows in a few round trips and keeps them.
        if (provider == DatabaseProvider.Sqlite)
        {
            Assert.DoesNotContain(counter.Commands, c => !c.TrimStart().StartsWith("SELECT", StringComparison.OrdinalIgnoreCase));
        }

        await using var db = database.CreateContext();
        var ids = texts.Select(t => t.Id).ToList();
        var messages = await db.InboundMessages.Where(m => ids.Contains(m.Id)).ToListAsync();
        var entries = await db.DiaryEntries.ToDictionaryAsync(e => e.Id);
        var checkIns = await db.CheckIns.ToDictionaryAsync(c => c.ServiceUserId);
        Assert.Equal(30, messages.Count);
        Assert.All(messages, m =>
        {
            var person = people.Single(p => p.PhoneE164 == m.FromPhone);
            Assert.Equal((InboundState.Processed, person.Id, person.OrganisationId, "diary reply"), (m.State, m.ServiceUserId, m.OrganisationId, m.Outcome));
            Assert.NotNull(m.ProcessedAtUtc);
            var entry = entries[m.DiaryEntryId!.Value];
            Assert.Equal((person.Id, 6d, "went to college", DiaryEntryKind.CheckInReply), (entry.ServiceUserId, entry.MoodScore, entry.EventText, entry.Kind));
            Assert.Equal(checkIns[person.Id].Id, entry.CheckInId);
            Assert.Equal((CheckInStatus.Answered, m.ProcessedAtUtc), (checkIns[person.Id].Status, checkIns[person.Id].AnsweredAtUtc));
        });
        Assert.Equal(30, entries.Count);
    }

    [Theory, InlineData(DatabaseProvider.Sqlite), PostgresData]
    public async Task ProcessBatch_WhenPeopleTextAgain_MergesIntoTheirEntriesInPlace(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var gateway = Gateway(database);
        var people = await SmsTestData.AddPeopleWithOpenCheckInsAsync(database, InboundWrites.MinRows + 2);
        var processor = gateway.Services.GetRequiredService<InboundProcessor>();

        await processor.ProcessBatchAsync(await SmsTestData.StoreReceivedAsync(database, people, "3 tired", urgent: false), CancellationToken.None);
        await processor.ProcessBatchAsync(await SmsTestData.StoreReceivedAsync(database, people, "7 walked the dog", urgent: false), CancellationToken.None);

        await using var db = database.CreateContext();
        var entries = await db.DiaryEntries.ToListAsync();
        Assert.Equal(people.Count, entries.Count);
        Assert.All(entries, e => Assert.Equal((7d, "tired\nwalked the dog"), (e.MoodScore, e.EventText)));
        Assert.Equal(2 * people.Count, await db.InboundMessages.CountAsync(m => m.State == InboundState.Processed && m.DiaryEntryId != null));
    }

    // The other worker commits while the batch is being handled: on SQLite too, as the batch takes the write lock only
    // for its writes. With more than MinRows texts, SQLite's bulk update is what finds the text already handled.
    [Theory, InlineData(DatabaseProvider.Sqlite), PostgresData]
    public async Task ProcessBatch_WhenAnotherWorkerHandledATextMeanwhile_KeepsItsHandlingAndHandlesTheRest(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var people = await SmsTestData.AddPeopleWithOpenCheckInsAsync(database, InboundWrites.MinRows + 2);
        var taken = people[1].PhoneE164!;
        var once = new Once();
        await using var gateway = Gateway(database, s => s.AddScoped<IReplyPipeline>(sp => new OtherWorkerFirst(sp.GetRequiredService<ReplyPipeline>(), database, taken, once)));
        var texts = await SmsTestData.StoreReceivedAsync(database, people, "5 ok", urgent: false);

        await gateway.Services.GetRequiredService<InboundProcessor>().ProcessBatchAsync(texts, CancellationToken.None);

        await using var db = database.CreateContext();
        var messages = await db.InboundMessages.ToListAsync();
        Assert.Equal(OtherWorkerFirst.Outcome, messages.Single(m => m.FromPhone == taken).Outcome);
        Assert.Null(messages.Single(m => m.FromPhone == taken).DiaryEntryId);
        Assert.All(messages.Where(m => m.FromPhone != taken), m => Assert.Equal((InboundState.Processed, "diary reply"), (m.State, m.Outcome)));
        Assert.Equal(people.Count - 1, await db.DiaryEntries.CountAsync());
        Assert.Empty(await db.DiaryEntries.Where(e => e.ServiceUserId == people[1].Id).ToListAsync());
    }

    private static SmsGateway Gateway(TestDatabase database, Action<IServiceCollection>? services = null)
    {
        var gateway = new SmsGateway(database, settings: new Dictionary<string, string?> { ["Sms:Inbound:SweepSeconds"] = "3600" }, services: s =>
        {
            s.AddSingleton(new InboundLanes(routineCapacity: 0)); // the background processor is given nothing: the test hands it each batch
            services?.Invoke(s);
        });
        _ = gateway.Server;
        return gateway;
    }

    /// <summary>The real pipeline; the first time it meets the chosen sender's text, another worker handles that text first and commits.</summary>
    private sealed class OtherWorkerFirst(ReplyPipeline pipeline, TestDatabase database, string phone, Once once) : IReplyPipeline
    {
        public const string Outcome = "handled by the other worker";

        public async Task<ReplyResult> HandleAsync(ReplyContext reply, CancellationToken cancellationToken)
        {
            if (reply.Message.FromPhone == phone && once.First())
            {
                await using var other = database.CreateContext();
                await other.InboundMessages.Where(m => m.Id == reply.Message.Id && m.State == InboundState.Received)
                    .ExecuteUpdateAsync(u => u.SetProperty(m => m.State, InboundState.Processed).SetProperty(m => m.Outcome, Outcome), cancellationToken);
            }

            return await pipeline.HandleAsync(reply, cancellationToken);
        }
    }

    /// <summary>True the first time only (the pipeline is made per scope, so the flag lives outside it).</summary>
    private sealed class Once
    {
        private int _done;

        public bool First() => Interlocked.Exchange(ref _done, 1) == 0;
    }
}
