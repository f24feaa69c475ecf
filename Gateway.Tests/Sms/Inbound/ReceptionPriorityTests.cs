using Buddy.Gateway.Sms.Inbound;
using Microsoft.Extensions.Time.Testing;

namespace Buddy.Tests.Sms.Inbound;

public sealed class ReceptionPriorityTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 3, 19, 0, 0, TimeSpan.Zero));

    [Theory]
    [InlineData(0, 0, false)] // reception is idle
    [InlineData(1, 0, true)] // an urgent (safeguarding, opt-out) batch never waits
    [InlineData(1, 1, false)] // the caller gave up before its text was queued: nothing will be committed for it
    public void BeforeBatchAsync_WhenNothingWaitsToBeStoredOrTheBatchIsUrgent_GoesAtOnce(int arriving, int left, bool urgent)
    {
        var priority = new ReceptionPriority(_clock);
        for (var i = 0; i < arriving; i++)
        {
            priority.Arriving();
        }

        priority.Left(left);

        Assert.True(priority.BeforeBatchAsync(urgent, CancellationToken.None).IsCompletedSuccessfully);
    }

    [Fact]
    public async Task BeforeBatchAsync_WhenTextsWaitForReception_WaitsForTheWritersNextCommit()
    {
        var priority = new ReceptionPriority(_clock);
        priority.Arriving();
        priority.Arriving();

        var routine = priority.BeforeBatchAsync(urgent: false, CancellationToken.None);
        Assert.False(routine.IsCompleted);

        priority.Committed(2);
        await routine;
        Assert.False(priority.ReceptionBusy);
    }

    [Fact]
    public async Task BeforeBatchAsync_WhenReceptionStaysBusy_WaitsForOneCommitOnly()
    {
        var priority = new ReceptionPriority(_clock);
        priority.Arriving();
        priority.Arriving();
        var first = priority.BeforeBatchAsync(urgent: false, CancellationToken.None);

        priority.Committed(1); // one text still waits and more may come: the processor still gets its turn
        await first;
        var second = priority.BeforeBatchAsync(urgent: false, CancellationToken.None);
        Assert.False(second.IsCompleted);
        priority.Committed(1);
        await second;

        Assert.True(priority.BeforeBatchAsync(urgent: false, CancellationToken.None).IsCompletedSuccessfully);
    }

    [Fact]
    public async Task BeforeBatchAsync_WhenNoCommitComes_GoesAfterMaxWait()
    {
        var priority = new ReceptionPriority(_clock);
        priority.Arriving();

        var routine = priority.BeforeBatchAsync(urgent: false, CancellationToken.None);
        _clock.Advance(ReceptionPriority.MaxWait - TimeSpan.FromMilliseconds(1));
        Assert.False(routine.IsCompleted);
        _clock.Advance(TimeSpan.FromMilliseconds(1));

        await routine;
        Assert.True(priority.ReceptionBusy);
    }
}
