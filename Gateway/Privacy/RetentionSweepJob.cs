using Quartz;

namespace Buddy.Gateway.Privacy;

/// <summary>Removes identifiable content of people discharged longer ago than the retention policy allows.</summary>
[DisallowConcurrentExecution]
internal sealed class RetentionSweepJob(RetentionSweep sweep, TimeProvider clock) : IJob
{
    public static readonly JobKey Key = new("retention-sweep", "buddy");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default) =>
        await sweep.RunAsync(clock.GetUtcNow().UtcDateTime, cancellationToken);
}
