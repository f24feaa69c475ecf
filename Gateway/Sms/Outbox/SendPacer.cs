using System.Collections.Concurrent;

namespace Buddy.Gateway.Sms.Outbox;

/// <summary>
/// A token bucket per sending number: a burst of up to one second's worth, then one text every 1/rate seconds.
/// A batch of 300 check-ins due at 19:00 therefore leaves over five minutes at 1/s instead of tripping the
/// provider's rate limit and failing.
/// </summary>
internal sealed class SendPacer(TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, Bucket> _buckets = new(StringComparer.Ordinal);

    /// <summary>Takes one token and returns how long to wait before using it (zero when one was ready).</summary>
    public TimeSpan Reserve(string sender, double ratePerSecond)
    {
        var bucket = _buckets.GetOrAdd(sender, _ => new Bucket(clock.GetTimestamp()));
        return bucket.Reserve(Math.Max(ratePerSecond, 0.01), clock);
    }

    public async Task WaitAsync(string sender, double ratePerSecond, CancellationToken cancellationToken)
    {
        var wait = Reserve(sender, ratePerSecond);
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, clock, cancellationToken);
        }
    }

    private sealed class Bucket(long startTimestamp)
    {
        private readonly Lock _gate = new();
        private double _tokens = double.NaN;
        private long _updated = startTimestamp;

        public TimeSpan Reserve(double rate, TimeProvider clock)
        {
            lock (_gate)
            {
                var capacity = Math.Max(1.0, rate);
                var now = clock.GetTimestamp();
                var elapsed = clock.GetElapsedTime(_updated, now).TotalSeconds;
                _tokens = double.IsNaN(_tokens) ? capacity : Math.Min(capacity, _tokens + (elapsed * rate));
                _updated = now;

                // Tokens may go negative: each caller reserves its place in the queue and waits its turn.
                _tokens -= 1;
                return _tokens >= 0 ? TimeSpan.Zero : TimeSpan.FromSeconds(-_tokens / rate);
            }
        }
    }
}
