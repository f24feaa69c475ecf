using Quartz;

namespace Buddy.Gateway.Engagement;

/// <summary>Raises low-mood-streak and no-reply alerts. Never two scans at once: they could raise the same alert twice.</summary>
[DisallowConcurrentExecution]
internal sealed class EngagementAlertsJob(EngagementAlertScanner scanner, TimeProvider clock) : IJob
{
    public static readonly JobKey Key = new("engagement-alerts", "buddy");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default) =>
        await scanner.ScanAsync(clock.GetUtcNow().UtcDateTime, cancellationToken);
}
