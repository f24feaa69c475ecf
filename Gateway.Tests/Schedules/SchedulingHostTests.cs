using Buddy.Domain.Organisations;
using Buddy.Domain.Schedules;
using Buddy.Domain.ServiceUsers;
using Buddy.Domain.Sms;
using Buddy.Gateway.CheckIns;
using Buddy.Gateway.Data;
using Buddy.Gateway.Schedules;
using Buddy.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace Buddy.Tests.Schedules;

/// <summary>
/// The real host: Quartz registers the four recurring jobs and starts with the gateway; on PostgreSQL it runs
/// clustered on the persistent store in our own tables. Firing the dispatch job by hand (not waiting for its
/// timer) proves the job reaches the database through DI.
/// </summary>
public sealed class SchedulingHostTests
{
    private static readonly JobKey[] s_jobs =
        [
            RecurringJobs.Key("dispatch-due-check-ins"), RecurringJobs.Key("send-reminders"), RecurringJobs.Key("expire-missed-check-ins"), RecurringJobs.Key("nightly-housekeeping"),
            RecurringJobs.Key("session-cycle-due-work"), RecurringJobs.Key("retention-sweep"), RecurringJobs.Key("engagement-alerts"),
        ];

    [Theory, InlineData(DatabaseProvider.Sqlite), PostgresData]
    public async Task Host_Starts_WithTheRecurringJobsScheduled_AndTheDispatchJobWritesDueTexts(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, migrate: false);
        await using var factory = Gateway(database);
        using var client = factory.CreateClient();
        var scheduler = await factory.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();

        // The hosted service starts the scheduler once the application has started, just after CreateClient returns.
        await EventuallyAsync(async () => await scheduler.GetStatus() == SchedulerStatus.Running ? "running" : null, "Quartz did not start");
        foreach (var job in s_jobs)
        {
            Assert.NotNull(await scheduler.GetJobDetail(job));
            Assert.NotEmpty(await scheduler.GetTriggersOfJob(job));
        }

        var metadata = await scheduler.GetMetadata();
        Assert.Equal(provider == DatabaseProvider.Postgres, metadata.JobStoreClustered);
        Assert.Equal(provider == DatabaseProvider.Postgres, metadata.JobStorePersistent);

        var personId = await AddDuePersonAsync(database);
        await scheduler.TriggerJob(RecurringJobs.Key("dispatch-due-check-ins"));
        var message = await EventuallyAsync(async () =>
        {
            await using var db = database.CreateContext();
            return await db.OutboundMessages.AsNoTracking().SingleOrDefaultAsync(m => m.ServiceUserId == personId);
        }, "The dispatch job did not write the due check-in");
        Assert.Equal(OutboundKind.CheckIn, message.Kind);
    }

    [PostgresFact]
    public async Task Host_OnPostgres_ChecksIntoTheClusteredStore_AndTwoInstancesShareIt()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres, migrate: false);
        await using var first = Gateway(database);
        await using var second = Gateway(database);
        using var firstClient = first.CreateClient();
        using var secondClient = second.CreateClient();
        foreach (var host in new[] { first, second })
        {
            var scheduler = await host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
            await EventuallyAsync(async () => await scheduler.GetStatus() == SchedulerStatus.Running ? "running" : null, "Quartz did not start");
        }

        await using var db = database.CreateContext();
        var instances = await db.Database.SqlQueryRaw<string>("SELECT instance_name AS \"Value\" FROM qrtz_scheduler_state WHERE sched_name = 'Buddy'").ToListAsync();
        var jobs = await db.Database.SqlQueryRaw<string>("SELECT job_name AS \"Value\" FROM qrtz_job_details WHERE sched_name = 'Buddy'").ToListAsync();

        Assert.Equal(2, instances.Distinct().Count());
        Assert.Subset(jobs.ToHashSet(), s_jobs.Select(j => j.Name).ToHashSet()); // other features add jobs of their own
    }

    [Fact]
    public async Task Health_WhenASchedulesIsOverdueAndNoDispatcherRuns_IsDegraded()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, migrate: false);
        await using var factory = Gateway(database, ("Scheduling:Enabled", "false"), ("Scheduling:OverdueWarningMinutes", "1"));
        using var client = factory.CreateClient();
        var healthy = await client.GetStringAsync(new Uri("/health", UriKind.Relative));

        await AddDuePersonAsync(database, dueAgo: TimeSpan.FromMinutes(3));
        using var response = await client.GetAsync(new Uri("/health", UriKind.Relative));
        var degraded = await response.Content.ReadAsStringAsync();

        Assert.Contains("\"check-ins\":{\"status\":\"Healthy\"", healthy, StringComparison.Ordinal);
        Assert.Contains("\"check-ins\":{\"status\":\"Degraded\"", degraded, StringComparison.Ordinal);
        Assert.Contains("\"overdueSchedules\":1", degraded, StringComparison.Ordinal);
        Assert.DoesNotContain("+4477", degraded, StringComparison.Ordinal);
        Assert.Null(factory.Services.GetService<ISchedulerFactory>());
    }

    private static WebApplicationFactory<Program> Gateway(TestDatabase database, params (string Key, string Value)[] settings) =>
        new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            foreach (var (key, value) in database.GatewaySettings())
            {
                builder.UseSetting(key, value);
            }

            builder.UseSetting("Scheduling:ClusterCheckinIntervalSeconds", "1");
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }
        });

    private static async Task<Guid> AddDuePersonAsync(TestDatabase database, TimeSpan? dueAgo = null)
    {
        var now = DateTime.UtcNow;
        var organisation = new Organisation { Name = $"Host test {Guid.NewGuid():N}", CreatedAtUtc = now, QuietHoursStart = TimeOnly.MinValue, QuietHoursEnd = TimeOnly.MinValue };
        var person = new ServiceUser { OrganisationId = organisation.Id, DisplayName = "Sam Taylor", PhoneE164 = "+447700900555", CreatedAtUtc = now, UpdatedAtUtc = now };
        await using var db = database.CreateContext();
        db.AddRange(organisation, person, new CheckInSchedule
        {
            OrganisationId = organisation.Id,
            ServiceUserId = person.Id,
            LocalTime = TimeOnly.FromDateTime(now),
            NextDueAtUtc = now - (dueAgo ?? TimeSpan.FromSeconds(5)),
            UpdatedAtUtc = now,
        });
        await db.SaveChangesAsync();
        return person.Id;
    }

    // Polls for something the host does in the background (not a timer of ours); gives up after 30 seconds.
    private static async Task<T> EventuallyAsync<T>(Func<Task<T?>> probe, string failure)
        where T : class
    {
        for (var attempt = 0; attempt < 300; attempt++)
        {
            if (await probe() is { } found)
            {
                return found;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"{failure} within 30 seconds.");
    }
}
