using Quartz;

namespace Buddy.Gateway.Conversations;

/// <summary>Every minute: the session cycle's due work (expiry, appointment and goal reminders, scheduled questionnaires).</summary>
[DisallowConcurrentExecution]
internal sealed class SessionCycleJob(IServiceScopeFactory scopes, TimeProvider clock) : IJob
{
    public static readonly JobKey Key = new("session-cycle-due-work", "buddy");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        // Its own scope: the services share one DbContext for this run only.
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<SessionCycleDueWork>().RunDueAsync(clock.GetUtcNow().UtcDateTime, cancellationToken);
    }
}
