namespace Buddy.Gateway.Sms.Outbox;

/// <summary>
/// When to try a text again after the provider said "later": exponential from 30 s, capped at 30 min, with
/// jitter so a backlog does not come back as one burst, and never sooner than the provider's Retry-After.
/// </summary>
internal static class OutboxBackoff
{
    private static readonly TimeSpan s_first = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan s_cap = TimeSpan.FromMinutes(30);

    public static TimeSpan Next(int attempts, TimeSpan? retryAfter, Random random)
    {
        var exponent = Math.Clamp(attempts - 1, 0, 16);
        var ceiling = Math.Min(s_cap.TotalSeconds, s_first.TotalSeconds * Math.Pow(2, exponent));

        // "Equal jitter": half fixed, half random, so the delay keeps growing but retries spread out.
        var delay = TimeSpan.FromSeconds((ceiling / 2) + (random.NextDouble() * ceiling / 2));
        return retryAfter is { } after && after > delay ? after : delay;
    }
}
