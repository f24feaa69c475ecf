using Buddy.Gateway.Sms.Inbound;

namespace Buddy.Tests.Sms.Inbound;

public sealed class InboundQueueTests
{
    [Fact]
    public async Task ReadAllAsync_WhenBothLanesHoldIds_ReadsEveryUrgentIdFirstEachLaneInOrder()
    {
        using var queue = new InboundQueue();
        var routine = Enumerable.Range(0, 3).Select(_ => Guid.NewGuid()).ToList();
        var urgent = Enumerable.Range(0, 2).Select(_ => Guid.NewGuid()).ToList();
        queue.Enqueue(routine[0], urgent: false);
        queue.Enqueue(urgent[0], urgent: true);
        queue.Enqueue(routine[1], urgent: false);
        queue.Enqueue(urgent[1], urgent: true);
        queue.Enqueue(routine[2], urgent: false);

        var read = await Read(queue, 5);

        Assert.Equal([.. urgent.Select(id => new QueuedInbound(id, true)), .. routine.Select(id => new QueuedInbound(id, false))], read);
    }

    [Fact]
    public async Task ReadAllAsync_WhenAnUrgentIdArrivesWhileRoutineOnesWait_ReadsItNext()
    {
        using var queue = new InboundQueue();
        var first = Guid.NewGuid();
        var routine = Guid.NewGuid();
        var urgent = Guid.NewGuid();
        queue.Enqueue(first, urgent: false);
        queue.Enqueue(routine, urgent: false);
        await using var reader = queue.ReadAllAsync(CancellationToken.None).GetAsyncEnumerator();
        Assert.True(await reader.MoveNextAsync());
        Assert.Equal(first, reader.Current.Id);

        queue.Enqueue(urgent, urgent: true);

        Assert.True(await reader.MoveNextAsync());
        Assert.Equal(new QueuedInbound(urgent, true), reader.Current);
        Assert.True(await reader.MoveNextAsync());
        Assert.Equal(new QueuedInbound(routine, false), reader.Current);
    }

    [Fact]
    public async Task ReadAllAsync_WhenEmpty_WaitsForTheNextId()
    {
        using var queue = new InboundQueue();
        await using var reader = queue.ReadAllAsync(CancellationToken.None).GetAsyncEnumerator();
        var next = reader.MoveNextAsync().AsTask();
        Assert.False(next.IsCompleted);

        var id = Guid.NewGuid();
        queue.Enqueue(id, urgent: false);

        Assert.True(await next);
        Assert.Equal(id, reader.Current.Id);
    }

    private static async Task<List<QueuedInbound>> Read(InboundQueue queue, int count)
    {
        var read = new List<QueuedInbound>();
        await foreach (var queued in queue.ReadAllAsync(CancellationToken.None))
        {
            read.Add(queued);
            if (read.Count == count)
            {
                break;
            }
        }

        return read;
    }
}
