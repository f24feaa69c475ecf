using Quartz;

namespace Buddy.Gateway.CheckIns;

[DisallowConcurrentExecution]
internal sealed class ExpireMissedCheckInsJob(CheckInExpiry expiry) : IJob
{
    public static readonly JobKey Key = new("expire-missed-check-ins", "buddy");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default) =>
        await expiry.ExpireAsync(cancellationToken);
}
