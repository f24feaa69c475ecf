using Quartz;

namespace Buddy.Gateway.Conversations;

/// <summary>
/// Adds <see cref="SessionCycleJob"/> to the Quartz scheduler the scheduling feature runs (AddCheckIns), with the
/// same kind of trigger as its jobs: a missed firing is not replayed, the next run asks "what is due now?". With
/// Quartz switched off (Scheduling:Enabled false, for tools and tests that drive due work themselves) it does nothing.
/// </summary>
internal sealed class SessionCycleScheduling(IServiceProvider services, IConfiguration configuration) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (services.GetService<ISchedulerFactory>() is not { } factory)
        {
            return;
        }

        var interval = TimeSpan.FromSeconds(configuration.GetValue("Conversations:DueWorkIntervalSeconds", 60));
        var scheduler = await factory.GetScheduler(cancellationToken);
        var job = JobBuilder.Create<SessionCycleJob>().WithIdentity(SessionCycleJob.Key).Build();
        var trigger = TriggerBuilder.Create().ForJob(SessionCycleJob.Key).WithIdentity(SessionCycleJob.Key.Name, SessionCycleJob.Key.Group).StartNow()
            .WithSimpleSchedule(s => s.WithInterval(interval).RepeatForever().WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount))
            .Build();

        // Replace: on the clustered store the job outlives the process; a changed interval takes effect on restart.
        await scheduler.ScheduleJob(job, [trigger], ScheduleJobOptions.Replacing, cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
