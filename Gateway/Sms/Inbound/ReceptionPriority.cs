namespace Buddy.Gateway.Sms.Inbound;

/// <summary>
/// Reception before routine processing. On a gateway with one core the background processor and the webhooks share
/// that core, and every moment the processor takes is a moment a webhook waits for its answer. So while texts wait
/// to be stored, a routine batch first waits for the group-commit writer's next commit: the webhooks queued now are
/// answered, then the processor takes one batch, then the next commit, and so on.
/// <para>
/// It never starves the processor: it waits for one commit, not for reception to go quiet, and for at most
/// <see cref="MaxWait"/> (a stuck store must not stop processing); once the burst ends nothing waits and the backlog
/// drains at full speed. An urgent batch (safeguarding, opt-outs) never waits. Waiting loses nothing: the texts
/// are already stored and queued.
/// </para>
/// </summary>
public sealed class ReceptionPriority(TimeProvider clock)
{
    /// <summary>Longest a routine batch waits for a commit, in case the writer is stuck on a slow or failing store.</summary>
    internal static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(1);

    // Texts handed to the reception writer and not yet answered (stored, a repeat, or failed).
    private int _waiting;
    private TaskCompletionSource _nextCommit = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>True while texts wait for the reception writer.</summary>
    public bool ReceptionBusy => Volatile.Read(ref _waiting) > 0;

    /// <summary>A text is on its way to the reception writer.</summary>
    public void Arriving() => Interlocked.Increment(ref _waiting);

    /// <summary>Texts the writer will never see (the caller gave up before its text was queued) or has now answered.</summary>
    public void Left(int count) => Interlocked.Add(ref _waiting, -count);

    /// <summary>The writer has answered <paramref name="count"/> texts (stored or failed): wake whoever waits for a commit.</summary>
    public void Committed(int count)
    {
        Left(count);
        Interlocked.Exchange(ref _nextCommit, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
    }

    /// <summary>
    /// Before a batch: an urgent one goes at once; a routine one waits for the writer's next commit if texts wait
    /// to be stored, for at most <see cref="MaxWait"/>.
    /// </summary>
    public async Task BeforeBatchAsync(bool urgent, CancellationToken cancellationToken)
    {
        if (urgent)
        {
            return;
        }

        // The commit's task is read before the count: a commit after this line completes it, so a text counted
        // below is always followed by a commit that wakes us (or by MaxWait).
        var commit = Volatile.Read(ref _nextCommit).Task;
        if (!ReceptionBusy)
        {
            return;
        }

        try
        {
            await commit.WaitAsync(MaxWait, clock, cancellationToken);
        }
        catch (TimeoutException)
        {
            // The writer is slow or stuck: process anyway rather than let the backlog wait on it.
        }
    }
}
