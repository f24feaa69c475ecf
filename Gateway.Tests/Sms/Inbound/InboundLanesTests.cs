using Buddy.Gateway.Sms.Inbound;

namespace Buddy.Tests.Sms.Inbound;

public sealed class InboundLanesTests
{
    [Fact]
    public async Task ReadBatchesAsync_WhenBothLanesHoldIds_ReadsEveryUrgentIdFirstEachLaneInOrder()
    {
        using var queue = new InboundLanes();
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
    public async Task ReadBatchesAsync_WhenAnUrgentIdArrivesWhileRoutineOnesWait_ReadsItNext()
    {
        using var queue = new InboundLanes();
        var first = Guid.NewGuid();
        var routine = Guid.NewGuid();
        var urgent = Guid.NewGuid();
        queue.Enqueue(first, urgent: false);
        queue.Enqueue(routine, urgent: false);
        await using var reader = queue.ReadBatchesAsync(1, CancellationToken.None).GetAsyncEnumerator();
        Assert.True(await reader.MoveNextAsync());
        Assert.Equal(first, Assert.Single(reader.Current).Id);

        queue.Enqueue(urgent, urgent: true);

        Assert.True(await reader.MoveNextAsync());
        Assert.Equal(new QueuedInbound(urgent, true), Assert.Single(reader.Current));
        Assert.True(await reader.MoveNextAsync());
        Assert.Equal(new QueuedInbound(routine, false), Assert.Single(reader.Current));
    }

    [Fact]
    public async Task TakeUrgent_WhenBothLanesHoldIds_TakesUrgentOnesUpToTheMaximumAndLeavesTheRestForTheReader()
    {
        using var queue = new InboundLanes();
        var routine = Guid.NewGuid();
        var urgent = Enumerable.Range(0, 3).Select(_ => Guid.NewGuid()).ToList();
        queue.Enqueue(routine, urgent: false);
        foreach (var id in urgent)
        {
            queue.Enqueue(id, urgent: true);
        }

        var taken = queue.TakeUrgent(2);

        Assert.Equal(urgent.Take(2).Select(id => new QueuedInbound(id, true)), taken);
        Assert.Equal([new QueuedInbound(urgent[2], true), new QueuedInbound(routine, false)], await Read(queue, 2));
        Assert.Empty(queue.TakeUrgent(2));
        Assert.True(queue.IsEmpty);
    }

    [Fact]
    public async Task ReadBatchesAsync_WhenEmpty_WaitsForTheNextId()
    {
        using var queue = new InboundLanes();
        await using var reader = queue.ReadBatchesAsync(10, CancellationToken.None).GetAsyncEnumerator();
        var next = reader.MoveNextAsync().AsTask();
        Assert.False(next.IsCompleted);

        var id = Guid.NewGuid();
        queue.Enqueue(id, urgent: false);

        Assert.True(await next);
        Assert.Equal(id, Assert.Single(reader.Current).Id);
    }

    [Fact]
    public async Task ReadBatchesAsync_WhenBothLanesHoldIds_NeverMixesTheLanesAndTakesAtMostTheMaximum()
    {
        using var queue = new InboundLanes();
        var routine = Enumerable.Range(0, 5).Select(_ => Guid.NewGuid()).ToList();
        var urgent = Enumerable.Range(0, 2).Select(_ => Guid.NewGuid()).ToList();
        foreach (var id in routine)
        {
            queue.Enqueue(id, urgent: false);
        }

        queue.Enqueue(urgent[0], urgent: true);
        queue.Enqueue(urgent[1], urgent: true);
        await using var reader = queue.ReadBatchesAsync(3, CancellationToken.None).GetAsyncEnumerator();

        var batches = new List<IReadOnlyList<QueuedInbound>>();
        for (var i = 0; i < 3; i++)
        {
            Assert.True(await reader.MoveNextAsync());
            batches.Add(reader.Current);
        }

        Assert.Equal(urgent.Select(id => new QueuedInbound(id, true)), batches[0]);
        Assert.Equal(routine.Take(3).Select(id => new QueuedInbound(id, false)), batches[1]);
        Assert.Equal(routine.Skip(3).Select(id => new QueuedInbound(id, false)), batches[2]);
    }

    [Fact]
    public async Task ReadBatchesAsync_WhenMoreRoutineIdsWaitThanABatch_TakesUpToTheBacklogMaximumButUrgentOnesStayAtTheMaximum()
    {
        using var queue = new InboundLanes();
        var urgent = Enumerable.Range(0, 4).Select(_ => Guid.NewGuid()).ToList();
        var routine = Enumerable.Range(0, 7).Select(_ => Guid.NewGuid()).ToList();
        urgent.ForEach(id => queue.Enqueue(id, urgent: true));
        routine.ForEach(id => queue.Enqueue(id, urgent: false));
        await using var reader = queue.ReadBatchesAsync(2, 5, CancellationToken.None).GetAsyncEnumerator();

        var sizes = new List<int>();
        for (var i = 0; i < 4; i++)
        {
            Assert.True(await reader.MoveNextAsync());
            sizes.Add(reader.Current.Count);
        }

        // Urgent: 2 and 2 however many wait; routine: 7 waiting is a backlog (5 taken), the 2 left are not.
        Assert.Equal([2, 2, 5, 2], sizes);
        Assert.True(queue.IsEmpty);
    }

    [Fact]
    public void Enqueue_WhenTheRoutineLaneIsFull_RefusesRoutineIdsOnlyAndSaysSoOnce()
    {
        using var queue = new InboundLanes(routineCapacity: 2);

        Assert.True(queue.Enqueue(Guid.NewGuid(), urgent: false));
        Assert.True(queue.Enqueue(Guid.NewGuid(), urgent: false));
        Assert.False(queue.TakeOverflow());
        Assert.False(queue.Enqueue(Guid.NewGuid(), urgent: false));
        Assert.True(queue.Enqueue(Guid.NewGuid(), urgent: true));

        Assert.True(queue.TakeOverflow());
        Assert.False(queue.TakeOverflow());
    }

    [Fact]
    public async Task Enqueue_WhenARoutineIdWasReadFromAFullLane_TakesTheNextOne()
    {
        using var queue = new InboundLanes(routineCapacity: 1);
        Assert.True(queue.Enqueue(Guid.NewGuid(), urgent: false));
        Assert.False(queue.Enqueue(Guid.NewGuid(), urgent: false));

        await Read(queue, 1);

        Assert.True(queue.Enqueue(Guid.NewGuid(), urgent: false));
    }

    private static async Task<List<QueuedInbound>> Read(InboundLanes queue, int count)
    {
        var read = new List<QueuedInbound>();
        await foreach (var batch in queue.ReadBatchesAsync(1, CancellationToken.None))
        {
            read.Add(Assert.Single(batch));
            if (read.Count == count)
            {
                break;
            }
        }

        return read;
    }
}
