using Buddy.Domain.Safeguarding;
using Microsoft.EntityFrameworkCore;

namespace Buddy.Benchmarks.Load;

/// <summary>
/// How quickly a risky text reached a human: for each risk-phrase webhook answered 2xx, the time from its intended
/// send time to the creation of its safeguarding alert row (written in the same transaction as the crisis reply
/// and the therapist's and duty contact's texts), read from the database after the run.
/// </summary>
internal static class AlertLatency
{
    public static async Task<string> MeasureAsync(LoadDatabase database, LoadResult result, Func<int, bool> isRisky)
    {
        var intended = new Dictionary<string, DateTime>(StringComparer.Ordinal);
        for (var i = 0; i < result.Count; i++)
        {
            if (isRisky(i) && result.Statuses[i] is >= 200 and < 300)
            {
                intended[result.Requests[i].Key] = result.IntendedAtUtc(i);
            }
        }

        await using var db = database.Open();
        var alerted = await db.Alerts.Where(a => a.Kind == AlertKind.Safeguarding)
            .Join(db.InboundMessages, a => a.InboundMessageId, m => m.Id, (a, m) => new { m.ProviderMessageId, a.CreatedAtUtc })
            .ToListAsync();
        var seconds = alerted.Where(a => intended.ContainsKey(a.ProviderMessageId))
            .Select(a => (a.CreatedAtUtc - intended[a.ProviderMessageId]).TotalSeconds)
            .Order()
            .ToArray();
        if (seconds.Length == 0)
        {
            return $"risk-phrase texts: {intended.Count:N0} accepted, none alerted yet";
        }

        double Percentile(double p) => seconds[Math.Clamp((int)Math.Ceiling(p / 100 * seconds.Length) - 1, 0, seconds.Length - 1)];
        return $"risk-phrase texts: {intended.Count:N0} accepted, {seconds.Length:N0} alerted ({intended.Count - seconds.Length:N0} not by the end of the drain); " +
            $"intended send to alert row: p50 {Percentile(50):0.00} s, p99 {Percentile(99):0.00} s, max {seconds[^1]:0.00} s";
    }
}
