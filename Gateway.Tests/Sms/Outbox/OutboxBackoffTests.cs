using Buddy.Gateway.Sms.Outbox;

namespace Buddy.Tests.Sms.Outbox;

public sealed class OutboxBackoffTests
{
    [Fact]
    public void Next_GrowsExponentiallyWithJitter_AndIsCapped()
    {
        var random = new Random(42);
        for (var attempt = 1; attempt <= 20; attempt++)
        {
            var ceiling = Math.Min(1800, 30 * Math.Pow(2, attempt - 1));
            var delay = OutboxBackoff.Next(attempt, null, random).TotalSeconds;
            Assert.InRange(delay, ceiling / 2, ceiling);
        }
    }

    [Fact]
    public void Next_WhenTheProviderAsksForLonger_WaitsAtLeastThatLong()
    {
        var delay = OutboxBackoff.Next(1, TimeSpan.FromMinutes(10), new Random(1));

        Assert.Equal(TimeSpan.FromMinutes(10), delay);
    }
}
