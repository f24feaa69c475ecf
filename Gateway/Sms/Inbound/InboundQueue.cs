using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace Buddy.Gateway.Sms.Inbound;

/// <summary>
/// Ids of stored inbound messages waiting for the processor, in two lanes: urgent ones (see
/// <see cref="Domain.Sms.InboundTriage"/>) are always read before routine ones, each lane first in, first out.
/// In memory only: the database row (state Received) is the durable record, and the processor's sweep finds
/// anything this queue lost in a restart.
/// </summary>
public sealed class InboundQueue : IDisposable
{
    private readonly ConcurrentQueue<Guid> _urgent = new();
    private readonly ConcurrentQueue<Guid> _routine = new();

    // One count per queued id, released after the id is in its lane, so a reader that takes a count finds an id.
    private readonly SemaphoreSlim _waiting = new(0);

    public void Enqueue(Guid inboundMessageId, bool urgent)
    {
        (urgent ? _urgent : _routine).Enqueue(inboundMessageId);
        _waiting.Release();
    }

    /// <summary>For one reader (the processor): the next id, urgent lane first.</summary>
    public async IAsyncEnumerable<QueuedInbound> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        while (true)
        {
            await _waiting.WaitAsync(cancellationToken);
            if (_urgent.TryDequeue(out var id))
            {
                yield return new QueuedInbound(id, Urgent: true);
            }
            else if (_routine.TryDequeue(out id))
            {
                yield return new QueuedInbound(id, Urgent: false);
            }
        }
    }

    public void Dispose() => _waiting.Dispose();
}

/// <summary>A stored inbound message's id and the lane it waited in.</summary>
public readonly record struct QueuedInbound(Guid Id, bool Urgent);
