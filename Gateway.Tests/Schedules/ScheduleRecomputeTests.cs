using Buddy.Gateway.Data;
using Buddy.Gateway.Schedules;
using Buddy.Tests.CheckIns;
using Buddy.Tests.Support;
using static Buddy.Tests.Schedules.CheckInRulesTests;

namespace Buddy.Tests.Schedules;

/// <summary>Recomputing a schedule after a change: the very next occurrence follows it, in its own transaction or the caller's.</summary>
public sealed class ScheduleRecomputeTests
{
    [Theory, InlineData(DatabaseProvider.Sqlite), PostgresData]
    public async Task Recompute_AfterATimeChange_TheVeryNextOccurrenceFollowsIt(DatabaseProvider provider)
    {
        await using var world = await SchedulingWorld.CreateAsync(provider, "2026-03-10T12:00:00Z");
        var (_, schedule) = await world.AddPersonAsync("19:00", schedule: s => s.NextDueAtUtc = Utc("2026-03-10T19:00:00Z"));

        await world.UpdateAsync<Domain.Schedules.CheckInSchedule>(schedule.Id, s => (s.LocalTime, s.Days) = (new TimeOnly(17, 30), Domain.Schedules.CheckInDays.Weekdays));
        var next = await world.RecomputeAsync(schedule.Id);

        Assert.Equal(Utc("2026-03-10T17:30:00Z"), next);
        world.SetNow("2026-03-10T17:30:04Z");
        Assert.Equal(1, (await world.DispatchAsync()).Created);
        Assert.Equal(Utc("2026-03-11T17:30:00Z"), (await world.ScheduleAsync(schedule.Id)).NextDueAtUtc);
    }

    [Theory, InlineData(DatabaseProvider.Sqlite), PostgresData]
    public async Task Apply_InTheCallersContext_CommitsTheChangeAndItsEffectTogether(DatabaseProvider provider)
    {
        await using var world = await SchedulingWorld.CreateAsync(provider, "2026-03-10T12:00:00Z");
        var (person, schedule) = await world.AddPersonAsync("19:00", schedule: s => s.NextDueAtUtc = Utc("2026-03-10T19:00:00Z"));

        await using (var db = world.Contexts.CreateDbContext())
        {
            var tracked = await db.CheckInSchedules.FindAsync(schedule.Id);
            (await db.ServiceUsers.FindAsync(person.Id))!.PausedUntil = new DateOnly(2026, 3, 20);
            Assert.Equal(Utc("2026-03-20T19:00:00Z"), await ScheduleRecompute.ApplyAsync(db, tracked!, world.Now, default));
            await db.SaveChangesAsync();
        }

        Assert.Equal(Utc("2026-03-20T19:00:00Z"), (await world.ScheduleAsync(schedule.Id)).NextDueAtUtc);
    }
}
