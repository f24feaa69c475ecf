using System.Threading.Channels;

namespace Buddy.Gateway.Sms.Outbox;

/// <summary>A one-slot doorbell: any number of Wake() calls before the dispatcher looks count as one.</summary>
internal sealed class OutboxSignal(TimeProvider clock) : IOutboxSignal
{
    private readonly Channel<bool> _bell = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void Wake() => _bell.Writer.TryWrite(true);

    /// <summary>Returns when woken or when <paramref name="poll"/> has passed, whichever is first.</summary>
    public async Task WaitAsync(TimeSpan poll, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var delay = Task.Delay(poll, clock, timeout.Token);
        var rung = _bell.Reader.WaitToReadAsync(timeout.Token).AsTask();
        await Task.WhenAny(delay, rung);
        await timeout.CancelAsync();
        _bell.Reader.TryRead(out _);
        cancellationToken.ThrowIfCancellationRequested();
    }
}
