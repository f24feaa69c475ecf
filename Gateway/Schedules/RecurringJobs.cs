using Microsoft.Extensions.DependencyInjection.Extensions;
using Quartz;

namespace Buddy.Gateway.Schedules;

/// <summary>
/// The one way a feature runs a job of its own on the scheduler the scheduling feature hosts (clustered on
/// PostgreSQL and SQL Server, so it runs on one instance at a time). With Scheduling:Enabled false there is no
/// scheduler and nothing is scheduled.
/// </summary>
public static class RecurringJobs
{
    /// <summary>
    /// Runs the job every <paramref name="interval"/>. A missed firing is not replayed: the next run asks "what is due
    /// now?" and finds everything a replay would, so replaying a backlog after downtime would only repeat the query.
    /// </summary>
    public static IServiceCollection AddRecurringJob<TJob>(this IServiceCollection services, JobKey key, TimeSpan interval)
        where TJob : class, IJob =>
        services.AddRecurringJob(new RecurringJob(typeof(TJob), key, clock => TriggerBuilder.Create(clock).ForJob(key).WithIdentity(key.Name, key.Group).StartNow()
            .WithSimpleSchedule(s => s.WithInterval(interval).RepeatForever().WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount))
            .Build()));

    /// <summary>
    /// Runs the job on a cron expression read in UTC. A missed firing runs once as soon as the scheduler is back
    /// (a nightly job missed during downtime runs then, not a day late), never once per missed night.
    /// </summary>
    public static IServiceCollection AddRecurringJob<TJob>(this IServiceCollection services, JobKey key, string cronUtc)
        where TJob : class, IJob =>
        services.AddRecurringJob(new RecurringJob(typeof(TJob), key, clock => TriggerBuilder.Create(clock).ForJob(key).WithIdentity(key.Name, key.Group)
            .WithCronSchedule(cronUtc, cron => cron.InTimeZone(TimeZoneInfo.Utc).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed))
            .Build()));

    private static IServiceCollection AddRecurringJob(this IServiceCollection services, RecurringJob job)
    {
        services.AddSingleton(job);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, RecurringJobRegistrar>());
        return services;
    }
}

/// <summary>
/// A job and the trigger that runs it (its timing and misfire rule), built on the scheduler's clock: a trigger that
/// started on the system clock under a demo or test clock would first fire when that clock reached the real now.
/// </summary>
internal sealed record RecurringJob(Type JobType, JobKey Key, Func<TimeProvider, ITrigger> Trigger);

/// <summary>Puts every <see cref="RecurringJob"/> on the scheduler at start-up.</summary>
internal sealed class RecurringJobRegistrar(IServiceProvider services, IEnumerable<RecurringJob> jobs) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (services.GetService<ISchedulerFactory>() is not { } factory)
        {
            return;
        }

        var scheduler = await factory.GetScheduler(cancellationToken);
        var clock = services.GetService<TimeProvider>() ?? TimeProvider.System;
        foreach (var recurring in jobs)
        {
            var job = JobBuilder.Create().OfType(recurring.JobType).WithIdentity(recurring.Key).Build();
            // Replacing: on the clustered store a job outlives the process; a changed interval takes effect on restart.
            await scheduler.ScheduleJob(job, [recurring.Trigger(clock)], ScheduleJobOptions.Replacing, cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
