using Buddy.Gateway.Schedules;
using Quartz;

namespace Buddy.Gateway.CheckIns;

[DisallowConcurrentExecution]
internal sealed class SendRemindersJob(ReminderSender reminders, SchedulingSettings settings) : IJob
{
    public static readonly JobKey Key = new("send-reminders", "buddy");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default) =>
        await reminders.SendDueAsync(settings.BatchSize, cancellationToken);
}
