using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace Buddy.Gateway.Sms.Inbound;

/// <summary>
/// Ids of stored inbound messages waiting for the processor, in two lanes: urgent ones (see
/// <see cref="Domain.Sms.InboundTriage"/>) are always read before routine ones, each lane first in, first out.
/// In memory only: the database row (state Received) is the durable record, and the processor's sweep finds
/// anything this queue lost in a restart.
/// <para>
/// The routine lane is bounded (<c>Sms:Inbound:QueueCapacity</c>), so a burst the processor cannot keep up with
/// does not grow memory without end: a routine id that finds the lane full is not queued (its row is already stored,
/// so the webhook still answers 200), and the processor sweeps the table for it once the lane has run dry
/// (<see cref="TakeOverflow"/>). The urgent lane is never refused.
/// </para>
/// </summary>
public sealed class InboundLanes(int routineCapacity = int.MaxValue) : IDisposable
{
    private readonly ConcurrentQueue<Guid> _urgent = new();
    private readonly ConcurrentQueue<Guid> _routine = new();

    // One count per queued id, released after the id is in its lane, so a reader that takes a count finds an id.
    private readonly SemaphoreSlim _waiting = new(0);
    private int _routineCount;
    private int _overflowed;

    /// <summary>False when the routine lane was full: the id was left for the sweep.</summary>
    public bool Enqueue(Guid inboundMessageId, bool urgent)
    {
        if (!urgent && Interlocked.Increment(ref _routineCount) > routineCapacity)
        {
            Interlocked.Decrement(ref _routineCount);
            Volatile.Write(ref _overflowed, 1);
            return false;
        }

        (urgent ? _urgent : _routine).Enqueue(inboundMessageId);
        _waiting.Release();
        return true;
    }

    /// <summary>No id waits in either lane.</summary>
    public bool IsEmpty => _urgent.IsEmpty && _routine.IsEmpty;

    /// <summary>True once after routine ids were refused (or <see cref="MarkOverflow"/>): stored texts wait that only a sweep finds.</summary>
    public bool TakeOverflow() => Interlocked.Exchange(ref _overflowed, 0) == 1;

    /// <summary>Says more stored texts wait than a sweep queued, so the next dry lane sweeps again.</summary>
    public void MarkOverflow() => Volatile.Write(ref _overflowed, 1);

    /// <summary>
    /// For one reader (the processor): the next batch of up to <paramref name="max"/> ids, all from one lane, urgent
    /// lane first. It waits for the first id only and takes whatever else is already queued in that lane, so a quiet
    /// gateway handles each text at once and a busy one in batches. A batch never mixes the lanes: an urgent text
    /// is never held up by routine ones handled with it.
    /// </summary>
    public IAsyncEnumerable<IReadOnlyList<QueuedInbound>> ReadBatchesAsync(int max, CancellationToken cancellationToken) =>
        ReadBatchesAsync(max, max, cancellationToken);

    /// <summary>
    /// As <see cref="ReadBatchesAsync(int, CancellationToken)"/>, but a routine batch that starts with more than
    /// <paramref name="max"/> ids waiting in its lane (a backlog) takes up to <paramref name="backlogMax"/>.
    /// </summary>
    public async IAsyncEnumerable<IReadOnlyList<QueuedInbound>> ReadBatchesAsync(int max, int backlogMax, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(backlogMax, max);
        while (true)
        {
            await _waiting.WaitAsync(cancellationToken);
            var backlog = Volatile.Read(ref _routineCount) > max;
            var urgent = _urgent.TryDequeue(out var id);
            if (!urgent && !TryTakeRoutine(out id))
            {
                continue;
            }

            var limit = urgent || !backlog ? max : backlogMax;
            var batch = new List<QueuedInbound>(Math.Min(limit, 64)) { new(id, urgent) };
            while (batch.Count < limit && _waiting.Wait(0, CancellationToken.None))
            {
                if (!(urgent ? _urgent.TryDequeue(out id) : TryTakeRoutine(out id)))
                {
                    _waiting.Release(); // that count is the other lane's id: leave it for the next batch
                    break;
                }

                batch.Add(new QueuedInbound(id, urgent));
            }

            yield return batch;
        }
    }

    /// <summary>
    /// For the reader between batches (never while it waits in <see cref="ReadBatchesAsync(int, int, CancellationToken)"/>):
    /// the urgent ids queued now, up to <paramref name="max"/>, or an empty list. A routine batch that waited for reception
    /// takes these first, so an urgent text that arrived during the wait does not wait for the routine batch as well.
    /// </summary>
    public IReadOnlyList<QueuedInbound> TakeUrgent(int max)
    {
        var batch = new List<QueuedInbound>();
        while (batch.Count < max && !_urgent.IsEmpty && _waiting.Wait(0, CancellationToken.None))
        {
            if (!_urgent.TryDequeue(out var id))
            {
                _waiting.Release(); // that count is a routine id's: leave it for the next batch
                break;
            }

            batch.Add(new QueuedInbound(id, Urgent: true));
        }

        return batch;
    }

    private bool TryTakeRoutine(out Guid id)
    {
        if (!_routine.TryDequeue(out id))
        {
            return false;
        }

        Interlocked.Decrement(ref _routineCount);
        return true;
    }

    public void Dispose() => _waiting.Dispose();
}

/// <summary>A stored inbound message's id and the lane it waited in.</summary>
public readonly record struct QueuedInbound(Guid Id, bool Urgent);
