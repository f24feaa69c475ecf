using Microsoft.Extensions.DependencyInjection.Extensions;
using Quartz;

namespace Buddy.Gateway.Schedules;

/// <summary>
/// The one way a feature runs work of its own on the scheduler the scheduling feature hosts (clustered on
/// PostgreSQL and SQL Server, so it runs on one instance at a time). A job is a name, a timing and the work: a call
/// on one of the feature's services, given the clock's now. With Scheduling:Enabled false there is no scheduler and
/// nothing is scheduled.
/// </summary>
public static class RecurringJobs
{
    /// <summary>The scheduler's key for the job registered under <paramref name="name"/>.</summary>
    public static JobKey Key(string name) => new(name, "buddy");

    /// <summary>
    /// Runs the work every <paramref name="interval"/>. A missed firing is not replayed: the next run asks "what is due
    /// now?" and finds everything a replay would, so replaying a backlog after downtime would only repeat the query.
    /// </summary>
    public static IServiceCollection AddRecurringJob<TService>(
        this IServiceCollection services, string name, TimeSpan interval, Func<TService, DateTime, CancellationToken, Task> work)
        where TService : notnull =>
        services.AddRecurringJob(name, work, (clock, key) => TriggerBuilder.Create(clock).ForJob(key).WithIdentity(key.Name, key.Group).StartNow()
            .WithSimpleSchedule(s => s.WithInterval(interval).RepeatForever().WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount))
            .Build());

    /// <summary>
    /// Runs the work on a cron expression read in UTC. A missed firing runs once as soon as the scheduler is back
    /// (a nightly job missed during downtime runs then, not a day late), never once per missed night.
    /// </summary>
    public static IServiceCollection AddRecurringJob<TService>(
        this IServiceCollection services, string name, string cronUtc, Func<TService, DateTime, CancellationToken, Task> work)
        where TService : notnull =>
        services.AddRecurringJob(name, work, (clock, key) => TriggerBuilder.Create(clock).ForJob(key).WithIdentity(key.Name, key.Group)
            .WithCronSchedule(cronUtc, cron => cron.InTimeZone(TimeZoneInfo.Utc).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed))
            .Build());

    private static IServiceCollection AddRecurringJob<TService>(
        this IServiceCollection services, string name, Func<TService, DateTime, CancellationToken, Task> work, Func<TimeProvider, JobKey, ITrigger> trigger)
        where TService : notnull
    {
        var key = Key(name);
        services.AddSingleton(new RecurringJob(
            key,
            clock => trigger(clock, key),
            (scope, now, cancellationToken) => work(scope.GetRequiredService<TService>(), now, cancellationToken)));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, RecurringJobRegistrar>());
        return services;
    }
}

/// <summary>
/// A job, the trigger that runs it (its timing and misfire rule) and its work. The trigger is built on the
/// scheduler's clock: one started on the system clock under a demo or test clock would first fire when that clock
/// reached the real now.
/// </summary>
internal sealed record RecurringJob(JobKey Key, Func<TimeProvider, ITrigger> Trigger, Func<IServiceProvider, DateTime, CancellationToken, Task> Work);

/// <summary>
/// The one Quartz job: runs the work registered under its key, in a scope of its own (scoped services share one
/// DbContext for this run only). Never two runs of one job at once (Quartz keeps that per key): two dispatches could
/// claim the same rows, two engagement scans raise the same alert twice.
/// </summary>
[DisallowConcurrentExecution]
internal sealed class RecurringWorkJob(IServiceScopeFactory scopes, IEnumerable<RecurringJob> jobs, TimeProvider clock) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        // Every instance registers the same jobs; one it does not know came from another build sharing the clustered store.
        var job = jobs.FirstOrDefault(j => j.Key.Equals(context.JobDetail.Key))
            ?? throw new InvalidOperationException($"This gateway has no recurring job {context.JobDetail.Key}: is another version sharing the scheduler's tables?");
        await using var scope = scopes.CreateAsyncScope();
        await job.Work(scope.ServiceProvider, clock.GetUtcNow().UtcDateTime, cancellationToken);
    }
}

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
            var job = JobBuilder.Create<RecurringWorkJob>().WithIdentity(recurring.Key).Build();
            // Replacing: on the clustered store a job outlives the process; a changed interval takes effect on restart.
            await scheduler.ScheduleJob(job, [recurring.Trigger(clock)], ScheduleJobOptions.Replacing, cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
