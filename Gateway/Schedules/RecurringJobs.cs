using Microsoft.Extensions.DependencyInjection.Extensions;
using Quartz;

namespace Buddy.Gateway.Schedules;

public static class RecurringJobs
{
    /// <summary>
    /// Lets any feature run a job of its own on the scheduler the scheduling feature hosts (clustered on
    /// PostgreSQL, so it runs on one instance at a time). A missed firing is not replayed: the next run asks
    /// "what is due now?". With Scheduling:Enabled false there is no scheduler and nothing is scheduled.
    /// </summary>
    public static IServiceCollection AddRecurringJob<TJob>(this IServiceCollection services, JobKey key, TimeSpan interval)
        where TJob : class, IJob
    {
        services.AddSingleton(new RecurringJob(typeof(TJob), key, interval));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, RecurringJobRegistrar>());
        return services;
    }
}

internal sealed record RecurringJob(Type JobType, JobKey Key, TimeSpan Interval);

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
        foreach (var recurring in jobs)
        {
            var job = JobBuilder.Create().OfType(recurring.JobType).WithIdentity(recurring.Key).Build();
            var trigger = TriggerBuilder.Create().ForJob(recurring.Key).WithIdentity(recurring.Key.Name, recurring.Key.Group).StartNow()
                .WithSimpleSchedule(s => s.WithInterval(recurring.Interval).RepeatForever().WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount))
                .Build();

            // Replacing: on the clustered store a job outlives the process; a changed interval takes effect on restart.
            await scheduler.ScheduleJob(job, [trigger], ScheduleJobOptions.Replacing, cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
