using Buddy.Gateway.Sms.Outbox;
using Microsoft.Extensions.Time.Testing;

namespace Buddy.Tests.Sms.Outbox;

public sealed class SendPacerTests
{
    [Fact]
    public void Reserve_WhenABatchIsDueAtOnce_SpreadsItAtTheRate()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 19, 0, 0, TimeSpan.Zero));
        var pacer = new SendPacer(clock);

        var waits = Enumerable.Range(0, 10).Select(_ => pacer.Reserve("+447700900000", 2.0)).ToList();

        // A burst of one second's worth (2), then one every half second.
        Assert.Equal([0, 0, 0.5, 1.0, 1.5, 2.0, 2.5, 3.0, 3.5, 4.0], waits.Select(w => Math.Round(w.TotalSeconds, 3)));
    }

    [Fact]
    public void Reserve_AfterTheBucketRefills_DoesNotWait()
    {
        var clock = new FakeTimeProvider();
        var pacer = new SendPacer(clock);
        pacer.Reserve("sender", 1.0);
        Assert.Equal(1.0, pacer.Reserve("sender", 1.0).TotalSeconds, 3);

        clock.Advance(TimeSpan.FromSeconds(5));

        Assert.Equal(TimeSpan.Zero, pacer.Reserve("sender", 1.0));
    }

    [Fact]
    public void Reserve_KeepsSeparateBucketsPerSender()
    {
        var pacer = new SendPacer(new FakeTimeProvider());
        pacer.Reserve("a", 1.0);

        Assert.Equal(TimeSpan.Zero, pacer.Reserve("b", 1.0));
        Assert.True(pacer.Reserve("a", 1.0) > TimeSpan.Zero);
    }
}
