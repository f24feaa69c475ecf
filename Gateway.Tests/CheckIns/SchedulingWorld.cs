using Buddy.Domain.CheckIns;
using Buddy.Domain.Organisations;
using Buddy.Domain.Schedules;
using Buddy.Domain.ServiceUsers;
using Buddy.Domain.Sms;
using Buddy.Gateway.CheckIns;
using Buddy.Gateway.Data;
using Buddy.Gateway.Schedules;
using Buddy.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Buddy.Tests.CheckIns;

/// <summary>
/// A real database with one organisation, a fake clock, and the scheduling services built on them, so a test can
/// call the jobs' logic directly at exact instants instead of waiting on Quartz timers.
/// </summary>
internal sealed class SchedulingWorld : IAsyncDisposable
{
    private static int s_phone;

    private SchedulingWorld(TestDatabase database, FakeTimeProvider clock)
    {
        Database = database;
        Clock = clock;
        Contexts = new TestContexts(database);
        Dispatcher = NewDispatcher();
        Reminders = new ReminderSender(Contexts, clock, NullLogger<ReminderSender>.Instance);
        Expiry = new CheckInExpiry(Contexts, clock, new SchedulingSettings(), NullLogger<CheckInExpiry>.Instance);
        Housekeeping = new NightlyHousekeeping(Contexts, clock, NullLogger<NightlyHousekeeping>.Instance);
    }

    public TestDatabase Database { get; }
    public FakeTimeProvider Clock { get; }
    public TestContexts Contexts { get; }
    public CheckInDispatcher Dispatcher { get; }
    public ReminderSender Reminders { get; }
    public CheckInExpiry Expiry { get; }
    public NightlyHousekeeping Housekeeping { get; }
    public Organisation Organisation { get; } = new() { Name = $"Northshire {Guid.NewGuid():N}", MoodScale = MoodScale.OneToTen };

    public static async Task<SchedulingWorld> CreateAsync(DatabaseProvider provider, string startUtc)
    {
        var database = await TestDatabase.CreateAsync(provider);
        var world = new SchedulingWorld(database, new FakeTimeProvider(DateTimeOffset.Parse(startUtc, System.Globalization.CultureInfo.InvariantCulture)));
        await using var db = world.Contexts.CreateDbContext();
        world.Organisation.CreatedAtUtc = world.Now;
        db.Organisations.Add(world.Organisation);
        await db.SaveChangesAsync();
        return world;
    }

    public DateTime Now => Clock.GetUtcNow().UtcDateTime;

    /// <summary>A dispatcher with its own connections, as a second instance would have, optionally watched by <paramref name="interceptors"/>.</summary>
    public CheckInDispatcher NewDispatcher(params IInterceptor[] interceptors) =>
        new(new TestContexts(Database, interceptors), Clock, TestMetrics.Instance, NullLogger<CheckInDispatcher>.Instance);

    public void SetNow(string utc) => Clock.SetUtcNow(DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture));

    public async Task<(ServiceUser Person, CheckInSchedule Schedule)> AddPersonAsync(
        string localTime, string zone = "Europe/London", Action<ServiceUser>? person = null, Action<CheckInSchedule>? schedule = null)
    {
        var user = new ServiceUser
        {
            OrganisationId = Organisation.Id,
            DisplayName = "Sam Taylor",
            PhoneE164 = $"+4477009{Interlocked.Increment(ref s_phone):D5}",
            TimeZoneId = zone,
            CreatedAtUtc = Now,
            UpdatedAtUtc = Now,
        };
        person?.Invoke(user);
        var rule = new CheckInSchedule
        {
            OrganisationId = Organisation.Id,
            ServiceUserId = user.Id,
            LocalTime = TimeOnly.Parse(localTime, System.Globalization.CultureInfo.InvariantCulture),
            UpdatedAtUtc = Now,
        };
        schedule?.Invoke(rule);
        await using var db = Contexts.CreateDbContext();
        db.ServiceUsers.Add(user);
        db.CheckInSchedules.Add(rule);
        await db.SaveChangesAsync();
        return (user, rule);
    }

    public async Task UpdateAsync<T>(Guid id, Action<T> change)
        where T : class
    {
        await using var db = Contexts.CreateDbContext();
        change((await db.Set<T>().FindAsync(id))!);
        await db.SaveChangesAsync();
    }

    public async Task<CheckInSchedule> ScheduleAsync(Guid id)
    {
        await using var db = Contexts.CreateDbContext();
        return await db.CheckInSchedules.AsNoTracking().SingleAsync(s => s.Id == id);
    }

    public async Task<List<OutboundMessage>> MessagesAsync(Guid? serviceUserId = null)
    {
        await using var db = Contexts.CreateDbContext();
        return (await db.OutboundMessages.AsNoTracking().Where(m => serviceUserId == null || m.ServiceUserId == serviceUserId).ToListAsync())
            .OrderBy(m => m.CreatedAtUtc).ThenBy(m => m.Kind).ToList();
    }

    public async Task<List<CheckIn>> CheckInsAsync(Guid? serviceUserId = null)
    {
        await using var db = Contexts.CreateDbContext();
        return (await db.CheckIns.AsNoTracking().Where(c => serviceUserId == null || c.ServiceUserId == serviceUserId).ToListAsync())
            .OrderBy(c => c.LocalDate).ToList();
    }

    /// <summary>Recomputes one schedule as a change to it does in production (<see cref="ScheduleCommands.TimeNextAsync"/>).</summary>
    public Task<DateTime?> RecomputeAsync(Guid scheduleId) => ScheduleRecompute.RecomputeAsync(Contexts, Now, scheduleId, default);

    /// <summary>Recomputes the schedule of a person whose pause, status, consent, zone or phone changed; null when they have none.</summary>
    public async Task<DateTime?> RecomputeForServiceUserAsync(Guid serviceUserId)
    {
        await using var db = Contexts.CreateDbContext();
        var id = await db.CheckInSchedules.Where(s => s.ServiceUserId == serviceUserId).Select(s => (Guid?)s.Id).SingleOrDefaultAsync();
        return id is { } scheduleId ? await RecomputeAsync(scheduleId) : null;
    }

    public Task<DispatchCounts> DispatchAsync() => Dispatcher.DispatchDueAsync(500);

    public ValueTask DisposeAsync() => Database.DisposeAsync();
}

/// <summary>Contexts on a test database, as the gateway's pooled factory hands them out.</summary>
internal sealed class TestContexts(TestDatabase database, params IInterceptor[] interceptors) : IDbContextFactory<BuddyDbContext>
{
    public BuddyDbContext CreateDbContext() => database.CreateContext(interceptors);
}
