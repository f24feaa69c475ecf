using Buddy.Gateway.Schedules;
using Quartz;

namespace Buddy.Gateway.CheckIns;

/// <summary>Every few seconds: "which check-ins are due now?" One instance at a time across the cluster.</summary>
[DisallowConcurrentExecution]
internal sealed class DispatchDueCheckInsJob(CheckInDispatcher dispatcher, SchedulingSettings settings) : IJob
{
    public static readonly JobKey Key = new("dispatch-due-check-ins", "buddy");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default) =>
        await dispatcher.DispatchDueAsync(settings.BatchSize, cancellationToken);
}
