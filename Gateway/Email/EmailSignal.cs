namespace Buddy.Gateway.Email;

/// <summary>Lets whoever queues an urgent email wake the dispatcher instead of waiting for its next poll.</summary>
public sealed class EmailSignal : IDisposable
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public void Wake()
    {
        if (_signal.CurrentCount == 0)
        {
            try
            {
                _signal.Release();
            }
            catch (SemaphoreFullException)
            {
                // Already awake: nothing to do.
            }
        }
    }

    public void Dispose() => _signal.Dispose();

    /// <summary>Waits until woken or the timeout passes.</summary>
    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _signal.WaitAsync(timeout, cancellationToken);
}
