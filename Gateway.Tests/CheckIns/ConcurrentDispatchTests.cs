using Buddy.Gateway.CheckIns;
using Buddy.Gateway.Data;
using Buddy.Tests.Support;
using static Buddy.Tests.Schedules.CheckInRulesTests;

namespace Buddy.Tests.CheckIns;

/// <summary>
/// Two (or four) dispatchers on one database, as two gateway instances would be (or one job overlapping a
/// failover): every due text is written exactly once, and the claims, not the unique keys, keep them apart.
/// </summary>
public sealed class ConcurrentDispatchTests
{
    private const int People = 120;

    [PostgresFact]
    public async Task DispatchDue_FourDispatchersOnOnePostgresDatabase_WriteEachDueTextOnce()
    {
        await AssertEachTextWrittenOnceAsync(DatabaseProvider.Postgres, dispatchers: 4);
    }

    [Fact]
    public async Task DispatchDue_TwoDispatchersOnOneSqliteFile_WriteEachDueTextOnce()
    {
        await AssertEachTextWrittenOnceAsync(DatabaseProvider.Sqlite, dispatchers: 2);
    }

    private static async Task AssertEachTextWrittenOnceAsync(DatabaseProvider provider, int dispatchers)
    {
        await using var world = await SchedulingWorld.CreateAsync(provider, "2026-03-10T19:00:30Z");
        for (var i = 0; i < People; i++)
        {
            await world.AddPersonAsync("19:00", schedule: s => s.NextDueAtUtc = Utc("2026-03-10T19:00:00Z"));
        }

        // Each dispatcher has its own contexts and connections; they start together and each runs twice.
        var instances = Enumerable.Range(0, dispatchers).Select(_ => world.NewDispatcher()).ToList();
        using var start = new SemaphoreSlim(0);
        var runs = instances.Select(dispatcher => Task.Run(async () =>
        {
            await start.WaitAsync();
            var first = await dispatcher.DispatchDueAsync(1000);
            var second = await dispatcher.DispatchDueAsync(1000);
            return new[] { first, second };
        })).ToList();
        start.Release(dispatchers);
        var counts = (await Task.WhenAll(runs)).SelectMany(c => c).ToList();

        var messages = await world.MessagesAsync();
        Assert.Equal(People, messages.Count);
        Assert.Equal(People, messages.Select(m => m.DedupeKey).Distinct().Count());
        Assert.Equal(People, (await world.CheckInsAsync()).Count);
        Assert.Equal(People, counts.Sum(c => c.Created));
        Assert.Equal(0, counts.Sum(c => c.AlreadyDone + c.Failed));
        if (provider == DatabaseProvider.Postgres)
        {
            // SKIP LOCKED let them share the work rather than queue behind one another.
            Assert.True(counts.Count(c => c.Created > 0) > 1, "Only one dispatcher did any work.");
        }
    }
}
