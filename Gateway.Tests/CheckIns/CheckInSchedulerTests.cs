using Buddy.Domain.ServiceUsers;
using Buddy.Domain.Sms;
using Buddy.Gateway.Data;
using Buddy.Tests.Support;
using static Buddy.Tests.Schedules.CheckInRulesTests;

namespace Buddy.Tests.CheckIns;

/// <summary>What the manager console calls: recompute after a change, and one-off messages.</summary>
public sealed class CheckInSchedulerTests
{
    [Theory, InlineData(DatabaseProvider.Sqlite), PostgresData]
    public async Task Recompute_AfterATimeChange_TheVeryNextOccurrenceFollowsIt(DatabaseProvider provider)
    {
        await using var world = await SchedulingWorld.CreateAsync(provider, "2026-03-10T12:00:00Z");
        var (_, schedule) = await world.AddPersonAsync("19:00", schedule: s => s.NextDueAtUtc = Utc("2026-03-10T19:00:00Z"));

        await world.UpdateAsync<Domain.Schedules.CheckInSchedule>(schedule.Id, s => (s.LocalTime, s.Days) = (new TimeOnly(17, 30), Domain.Schedules.CheckInDays.Weekdays));
        var next = await world.Scheduler.RecomputeAsync(schedule.Id);

        Assert.Equal(Utc("2026-03-10T17:30:00Z"), next);
        world.SetNow("2026-03-10T17:30:04Z");
        Assert.Equal(1, (await world.DispatchAsync()).Created);
        Assert.Equal(Utc("2026-03-11T17:30:00Z"), (await world.ScheduleAsync(schedule.Id)).NextDueAtUtc);
    }

    [Theory, InlineData(DatabaseProvider.Sqlite), PostgresData]
    public async Task RecomputeOrganisation_WhenQuietHoursNowCoverTheTime_StopsThoseCheckIns(DatabaseProvider provider)
    {
        await using var world = await SchedulingWorld.CreateAsync(provider, "2026-03-10T12:00:00Z");
        var (_, evening) = await world.AddPersonAsync("19:00", schedule: s => s.NextDueAtUtc = Utc("2026-03-10T19:00:00Z"));
        var (_, afternoon) = await world.AddPersonAsync("16:00", schedule: s => s.NextDueAtUtc = Utc("2026-03-10T16:00:00Z"));

        await world.UpdateAsync<Domain.Organisations.Organisation>(world.Organisation.Id, o => o.QuietHoursStart = new TimeOnly(18, 30));
        Assert.Equal(2, await world.Scheduler.RecomputeOrganisationAsync(world.Organisation.Id));

        Assert.Null((await world.ScheduleAsync(evening.Id)).NextDueAtUtc);
        Assert.Equal(Utc("2026-03-10T16:00:00Z"), (await world.ScheduleAsync(afternoon.Id)).NextDueAtUtc);
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
            Assert.Equal(Utc("2026-03-20T19:00:00Z"), await world.Scheduler.ApplyAsync(db, tracked!));
            await db.SaveChangesAsync();
        }

        Assert.Equal(Utc("2026-03-20T19:00:00Z"), (await world.ScheduleAsync(schedule.Id)).NextDueAtUtc);
    }

    [Theory, InlineData(DatabaseProvider.Sqlite), PostgresData]
    public async Task SendOneOff_OutsideQuietHours_QueuesItNow(DatabaseProvider provider)
    {
        await using var world = await SchedulingWorld.CreateAsync(provider, "2026-03-10T12:00:00Z");
        var (person, _) = await world.AddPersonAsync("19:00");
        var staff = await world.AddStaffAsync(world.Organisation.Id);

        var result = await world.Scheduler.SendOneOffAsync(person.Id, "  Hi {FirstName}, your session on Friday is moved to 3pm. ", staff.Id);

        Assert.True(result.Queued);
        var message = Assert.Single(await world.MessagesAsync());
        Assert.Equal((OutboundKind.OneOff, OutboundStatus.Pending, world.Now), (message.Kind, message.Status, message.NotBeforeUtc));
        Assert.Equal("Hi Sam, your session on Friday is moved to 3pm.", message.Body);
    }

    [Theory, InlineData(DatabaseProvider.Sqlite), PostgresData]
    public async Task SendOneOff_InsideQuietHours_WaitsForThemToEnd(DatabaseProvider provider)
    {
        await using var world = await SchedulingWorld.CreateAsync(provider, "2026-03-10T23:15:00Z");
        var (person, _) = await world.AddPersonAsync("19:00");
        var staff = await world.AddStaffAsync(world.Organisation.Id);

        var result = await world.Scheduler.SendOneOffAsync(person.Id, "Checking in after today's call.", staff.Id);

        Assert.Equal(Utc("2026-03-11T08:00:00Z"), result.NotBeforeUtc);
        Assert.Equal(Utc("2026-03-11T08:00:00Z"), Assert.Single(await world.MessagesAsync()).NotBeforeUtc);
    }

    [Theory, InlineData(DatabaseProvider.Sqlite), PostgresData]
    public async Task SendOneOff_WhenOptedOutOrAnotherOrganisation_IsRefusedAndWritesNothing(DatabaseProvider provider)
    {
        await using var world = await SchedulingWorld.CreateAsync(provider, "2026-03-10T12:00:00Z");
        var (optedOut, _) = await world.AddPersonAsync("19:00", person: p => p.Consent = ConsentState.OptedOut);
        var (other, _) = await world.AddPersonAsync("19:00");
        var staff = await world.AddStaffAsync(world.Organisation.Id);
        var stranger = await world.AddStaffAsync(await AddOrganisationAsync(world));

        var refusedOptOut = await world.Scheduler.SendOneOffAsync(optedOut.Id, "Hello", staff.Id);
        var refusedStranger = await world.Scheduler.SendOneOffAsync(other.Id, "Hello", stranger.Id);
        var refusedEmpty = await world.Scheduler.SendOneOffAsync(other.Id, "   ", staff.Id);

        Assert.Equal("They have opted out of texts (STOP).", refusedOptOut.Refusal);
        Assert.Equal("That service user is not in your organisation.", refusedStranger.Refusal);
        Assert.False(refusedEmpty.Queued);
        Assert.Empty(await world.MessagesAsync());
    }

    private static async Task<Guid> AddOrganisationAsync(SchedulingWorld world)
    {
        var organisation = new Domain.Organisations.Organisation { Name = $"Elsewhere {Guid.NewGuid():N}", CreatedAtUtc = world.Now };
        await using var db = world.Contexts.CreateDbContext();
        db.Organisations.Add(organisation);
        await db.SaveChangesAsync();
        return organisation.Id;
    }
}
