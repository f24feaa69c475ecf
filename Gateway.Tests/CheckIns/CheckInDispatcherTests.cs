using Buddy.Domain.CheckIns;
using Buddy.Domain.ServiceUsers;
using Buddy.Domain.Sms;
using Buddy.Gateway.CheckIns;
using Buddy.Gateway.Data;
using Buddy.Tests.Support;
using static Buddy.Tests.Schedules.CheckInRulesTests;

namespace Buddy.Tests.CheckIns;

/// <summary>The dispatch job's logic against a real database and a fake clock, on both engines.</summary>
public sealed class CheckInDispatcherTests
{
    [Theory, InlineData(DatabaseProvider.Sqlite), PostgresData]
    public async Task DispatchDue_WhenDue_WritesOneCheckInAndOnePendingOutboxMessage(DatabaseProvider provider)
    {
        await using var world = await SchedulingWorld.CreateAsync(provider, "2026-03-10T18:00:00Z");
        var (person, schedule) = await world.AddPersonAsync("19:00");

        var first = await world.DispatchAsync();
        Assert.Equal(1, first.Initialised);
        Assert.Equal(0, first.Created);
        Assert.Equal(Utc("2026-03-10T19:00:00Z"), (await world.ScheduleAsync(schedule.Id)).NextDueAtUtc);

        world.SetNow("2026-03-10T19:00:07Z");
        var second = await world.DispatchAsync();

        Assert.Equal(1, second.Created);
        var message = Assert.Single(await world.MessagesAsync());
        Assert.Equal(OutboundKind.CheckIn, message.Kind);
        Assert.Equal(OutboundStatus.Pending, message.Status);
        Assert.Equal($"checkin:{person.Id}:2026-03-10", message.DedupeKey);
        Assert.Equal(world.Now, message.NotBeforeUtc);
        Assert.Equal(person.PhoneE164, message.ToPhone);
        Assert.Equal("Hi Sam, how was today? Reply with a mood 1-10 and what you did.", message.Body);
        var checkIn = Assert.Single(await world.CheckInsAsync());
        Assert.Equal((CheckInStatus.Sent, new DateOnly(2026, 3, 10), message.Id), (checkIn.Status, checkIn.LocalDate, checkIn.OutboundMessageId));
        Assert.Equal(Utc("2026-03-10T19:00:00Z"), checkIn.DueAtUtc);
        Assert.Equal(Utc("2026-03-11T19:00:00Z"), (await world.ScheduleAsync(schedule.Id)).NextDueAtUtc);

        // A repeated run (a misfire, a restart) finds nothing due.
        Assert.Equal(0, (await world.DispatchAsync()).Created);
        Assert.Single(await world.MessagesAsync());
    }

    [Theory, InlineData(DatabaseProvider.Sqlite), PostgresData]
    public async Task DispatchDue_WhenTheTimeIsChangedAfterTodaysTextWasSent_DoesNotSendASecondOneToday(DatabaseProvider provider)
    {
        await using var world = await SchedulingWorld.CreateAsync(provider, "2026-03-10T19:00:05Z");
        var (person, schedule) = await world.AddPersonAsync("19:00", schedule: s => s.NextDueAtUtc = Utc("2026-03-10T19:00:00Z"));
        Assert.Equal(1, (await world.DispatchAsync()).Created);

        // The manager moves the time to 20:00 and the console recomputes: the next text is tomorrow's.
        world.SetNow("2026-03-10T19:30:00Z");
        await world.UpdateAsync<Domain.Schedules.CheckInSchedule>(schedule.Id, s => s.LocalTime = new TimeOnly(20, 0));
        Assert.Equal(Utc("2026-03-11T20:00:00Z"), await world.RecomputeAsync(schedule.Id));

        // Even a stale due time pointing at today's 20:00 (a change made straight in the database) sends nothing more.
        await world.UpdateAsync<Domain.Schedules.CheckInSchedule>(schedule.Id, s => s.NextDueAtUtc = Utc("2026-03-10T20:00:00Z"));
        world.SetNow("2026-03-10T20:00:05Z");
        await world.DispatchAsync();

        Assert.Single(await world.MessagesAsync(person.Id));
        Assert.Equal(Utc("2026-03-11T20:00:00Z"), (await world.ScheduleAsync(schedule.Id)).NextDueAtUtc);
        world.SetNow("2026-03-11T20:00:05Z");
        Assert.Equal(1, (await world.DispatchAsync()).Created);
        Assert.Equal(2, (await world.MessagesAsync(person.Id)).Count);
    }

    [Theory, InlineData(DatabaseProvider.Sqlite), PostgresData]
    public async Task DispatchDue_WhenOptedOut_SendsNothingAndRecordsNothing(DatabaseProvider provider)
    {
        await using var world = await SchedulingWorld.CreateAsync(provider, "2026-03-10T12:00:00Z");
        var (person, schedule) = await world.AddPersonAsync("19:00", schedule: s => s.NextDueAtUtc = Utc("2026-03-10T19:00:00Z"));
        await world.UpdateAsync<ServiceUser>(person.Id, p => p.Consent = ConsentState.OptedOut);

        // STOP arrived but nobody recomputed yet: the dispatcher applies the current rule anyway.
        world.SetNow("2026-03-10T19:00:05Z");
        await world.DispatchAsync();
        world.SetNow("2026-03-11T19:00:05Z");
        await world.DispatchAsync();

        Assert.Empty(await world.MessagesAsync());
        Assert.Empty(await world.CheckInsAsync());
        Assert.Null((await world.ScheduleAsync(schedule.Id)).NextDueAtUtc);
    }

    [Theory, InlineData(DatabaseProvider.Sqlite), PostgresData]
    public async Task DispatchDue_WhenPausedThenResumed_SkipsThePausedDaysOnly(DatabaseProvider provider)
    {
        await using var world = await SchedulingWorld.CreateAsync(provider, "2026-03-10T12:00:00Z");
        var (person, schedule) = await world.AddPersonAsync("19:00", schedule: s => s.NextDueAtUtc = Utc("2026-03-10T19:00:00Z"));

        await world.UpdateAsync<ServiceUser>(person.Id, p => (p.Status, p.PausedUntil) = (ServiceUserStatus.Paused, new DateOnly(2026, 3, 13)));
        Assert.Equal(Utc("2026-03-13T19:00:00Z"), await world.RecomputeForServiceUserAsync(person.Id));

        foreach (var day in new[] { "10", "11", "12" })
        {
            world.SetNow($"2026-03-{day}T19:00:05Z");
            await world.DispatchAsync();
        }

        Assert.Empty(await world.MessagesAsync());
        world.SetNow("2026-03-13T19:00:05Z");
        Assert.Equal(1, (await world.DispatchAsync()).Created);
        Assert.Equal(new DateOnly(2026, 3, 13), Assert.Single(await world.CheckInsAsync()).LocalDate);
    }

    [Theory, InlineData(DatabaseProvider.Sqlite), PostgresData]
    public async Task DispatchDue_WhenDischarged_StopsForGood(DatabaseProvider provider)
    {
        await using var world = await SchedulingWorld.CreateAsync(provider, "2026-03-10T19:00:05Z");
        var (person, schedule) = await world.AddPersonAsync("19:00", schedule: s => s.NextDueAtUtc = Utc("2026-03-10T19:00:00Z"));
        Assert.Equal(1, (await world.DispatchAsync()).Created);

        await world.UpdateAsync<ServiceUser>(person.Id, p => (p.Status, p.DischargedAtUtc) = (ServiceUserStatus.Discharged, world.Now));
        Assert.Null(await world.RecomputeForServiceUserAsync(person.Id));
        world.SetNow("2026-03-11T19:00:05Z");
        await world.DispatchAsync();
        await world.Housekeeping.RunAsync();

        Assert.Single(await world.MessagesAsync());
        Assert.Null((await world.ScheduleAsync(schedule.Id)).NextDueAtUtc);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite, "2026-03-10T20:55:00Z", CheckInStatus.Sent)] // 115 minutes late: sent
    [InlineData(DatabaseProvider.Sqlite, "2026-03-10T21:05:00Z", CheckInStatus.Missed)] // 125 minutes late: missed
    [PostgresCatchUpData]
    public async Task DispatchDue_AfterDowntime_SendsLateOnlyInsideTheCatchUpWindow(DatabaseProvider provider, string restartedAt, CheckInStatus expected)
    {
        await using var world = await SchedulingWorld.CreateAsync(provider, "2026-03-10T18:00:00Z");
        var (person, schedule) = await world.AddPersonAsync("19:00", schedule: s => s.NextDueAtUtc = Utc("2026-03-10T19:00:00Z"));

        world.SetNow(restartedAt);
        await world.DispatchAsync();

        var checkIn = Assert.Single(await world.CheckInsAsync());
        Assert.Equal(expected, checkIn.Status);
        Assert.Equal(expected == CheckInStatus.Sent ? 1 : 0, (await world.MessagesAsync()).Count);
        Assert.Equal(Utc("2026-03-11T19:00:00Z"), (await world.ScheduleAsync(schedule.Id)).NextDueAtUtc);
    }

    [Theory, InlineData(DatabaseProvider.Sqlite), PostgresData]
    public async Task DispatchDue_AcrossBothDaylightSavingChanges_SendsAtTheLocalTimeEveryDay(DatabaseProvider provider)
    {
        var spring = await RunSpellAsync(provider, "2026-03-06T12:00:00Z", "2026-03-31T00:00:00Z");
        var autumn = await RunSpellAsync(provider, "2026-10-22T12:00:00Z", "2026-11-04T00:00:00Z");

        Assert.Equal("2026-03-28T19:00", spring.Due(0, "2026-03-28")); // London 19:00 GMT
        Assert.Equal("2026-03-29T18:00", spring.Due(0, "2026-03-29")); // London 19:00 BST
        Assert.Equal("2026-03-29T01:00", spring.Due(2, "2026-03-29")); // London 01:30 did not exist: 02:00 BST
        Assert.Equal("2026-03-30T00:30", spring.Due(2, "2026-03-30"));
        Assert.Equal("2026-03-08T00:00", spring.Due(1, "2026-03-07")); // New York 19:00 EST
        Assert.Equal("2026-03-08T23:00", spring.Due(1, "2026-03-08")); // New York 19:00 EDT
        Assert.Equal("2026-03-08T07:00", spring.Due(3, "2026-03-08")); // New York 02:30 did not exist: 03:00 EDT
        Assert.Equal("2026-03-08T06:30", spring.Due(4, "2026-03-08")); // New York 01:30 EST, before the gap
        Assert.Equal("2026-10-24T18:00", autumn.Due(0, "2026-10-24"));
        Assert.Equal("2026-10-25T19:00", autumn.Due(0, "2026-10-25"));
        Assert.Equal("2026-10-25T00:30", autumn.Due(2, "2026-10-25")); // London 01:30 happened twice: the first (BST)
        Assert.Equal("2026-11-01T05:30", autumn.Due(4, "2026-11-01")); // New York 01:30 happened twice: the first (EDT)
        Assert.Equal("2026-11-02T06:30", autumn.Due(4, "2026-11-02"));
        Assert.Equal("2026-10-31T23:00", autumn.Due(1, "2026-10-31")); // New York 19:00 EDT
        Assert.Equal("2026-11-02T00:00", autumn.Due(1, "2026-11-01")); // New York 19:00 EST
    }

    private sealed record Spell(ServiceUser[] People, List<CheckIn> CheckIns)
    {
        public string Due(int who, string localDate) => CheckIns
            .Single(c => c.ServiceUserId == People[who].Id && c.LocalDate == DateOnly.Parse(localDate, System.Globalization.CultureInfo.InvariantCulture))
            .DueAtUtc.ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Runs the dispatcher from one due time to the next between two instants, and checks the invariants.</summary>
    private static async Task<Spell> RunSpellAsync(DatabaseProvider provider, string startUtc, string endUtc)
    {
        await using var world = await SchedulingWorld.CreateAsync(provider, startUtc);
        var noQuietHours = new Action<Domain.Schedules.CheckInSchedule>(s => (s.QuietHoursStart, s.QuietHoursEnd) = (TimeOnly.MinValue, TimeOnly.MinValue));
        ServiceUser[] people =
        [
            (await world.AddPersonAsync("19:00", "Europe/London")).Person,
            (await world.AddPersonAsync("19:00", "America/New_York")).Person,
            (await world.AddPersonAsync("01:30", "Europe/London", schedule: noQuietHours)).Person,
            (await world.AddPersonAsync("02:30", "America/New_York", schedule: noQuietHours)).Person,
            (await world.AddPersonAsync("01:30", "America/New_York", schedule: noQuietHours)).Person,
        ];
        await RunUntilAsync(world, endUtc);

        var checkIns = await world.CheckInsAsync();
        Assert.All(checkIns, c => Assert.Equal(CheckInStatus.Sent, c.Status));
        Assert.Equal(checkIns.Count, (await world.MessagesAsync()).Select(m => m.DedupeKey).Distinct().Count());
        foreach (var person in people)
        {
            // One per local day, every day, no gaps and no doubles.
            var dates = checkIns.Where(c => c.ServiceUserId == person.Id).Select(c => c.LocalDate.DayNumber).ToList();
            Assert.True(dates.Count > 10);
            Assert.Equal(Enumerable.Range(dates[0], dates.Count), dates);
        }

        return new Spell(people, checkIns);
    }

    private static async Task RunUntilAsync(SchedulingWorld world, string endUtc)
    {
        var end = Utc(endUtc);
        await world.DispatchAsync();
        while (true)
        {
            await using var db = world.Contexts.CreateDbContext();
            var next = db.CheckInSchedules.Where(s => s.NextDueAtUtc != null).Min(s => s.NextDueAtUtc);
            if (next is null || next >= end)
            {
                return;
            }

            world.Clock.SetUtcNow(new DateTimeOffset(next.Value.AddSeconds(3), TimeSpan.Zero));
            await world.DispatchAsync();
        }
    }
}

/// <summary>The PostgreSQL rows of the catch-up theory.</summary>
public sealed class PostgresCatchUpDataAttribute : Xunit.Sdk.DataAttribute
{
    public PostgresCatchUpDataAttribute() => Skip = PostgresServer.SkipReason;

    public override IEnumerable<object[]> GetData(System.Reflection.MethodInfo testMethod)
    {
        yield return [DatabaseProvider.Postgres, "2026-03-10T20:55:00Z", CheckInStatus.Sent];
        yield return [DatabaseProvider.Postgres, "2026-03-10T21:05:00Z", CheckInStatus.Missed];
    }
}
