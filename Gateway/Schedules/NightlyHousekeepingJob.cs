using Quartz;

namespace Buddy.Gateway.Schedules;

[DisallowConcurrentExecution]
internal sealed class NightlyHousekeepingJob(NightlyHousekeeping housekeeping) : IJob
{
    public static readonly JobKey Key = new("nightly-housekeeping", "buddy");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default) =>
        await housekeeping.RunAsync(cancellationToken);
}
