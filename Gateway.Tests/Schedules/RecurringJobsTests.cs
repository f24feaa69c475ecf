using Buddy.Gateway.Data;
using Buddy.Gateway.Schedules;
using Buddy.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using Quartz;

namespace Buddy.Tests.Schedules;

/// <summary>
/// Every recurring job is put on the scheduler by <c>RecurringJobs</c> on the application's clock. A trigger started on
/// the system clock while the scheduler runs on another (the demo's time travel, a test's fake clock) would not fire
/// until that clock reached the real now: the session-cycle, retention and engagement jobs did exactly that.
/// </summary>
public sealed class RecurringJobsTests
{
    private static readonly DateTimeOffset s_then = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Host_UnderAnotherClock_SchedulesEveryRecurringJobToFireOnThatClock()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, migrate: false);
        var clock = new FakeTimeProvider(s_then);
        await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            foreach (var (key, value) in database.GatewaySettings())
            {
                builder.UseSetting(key, value);
            }

            builder.ConfigureTestServices(services =>
            {
                services.RemoveAll<TimeProvider>();
                services.AddSingleton<TimeProvider>(clock);
            });
        });
        using var client = factory.CreateClient();
        var scheduler = await factory.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();

        foreach (var (job, longest) in new (JobKey, TimeSpan)[]
                 {
                     (RecurringJobs.Key("dispatch-due-check-ins"), TimeSpan.FromMinutes(1)), (RecurringJobs.Key("session-cycle-due-work"), TimeSpan.FromHours(1)),
                     (RecurringJobs.Key("retention-sweep"), TimeSpan.FromDays(1)), (RecurringJobs.Key("engagement-alerts"), TimeSpan.FromHours(1)),
                 })
        {
            var trigger = Assert.Single(await scheduler.GetTriggersOfJob(job));
            var next = Assert.NotNull(trigger.NextFireTimeUtc);
            Assert.InRange(next, s_then - TimeSpan.FromMinutes(1), s_then + longest);
        }
    }
}
