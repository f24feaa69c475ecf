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
        var alerted = (await db.Alerts.Where(a => a.Kind == AlertKind.Safeguarding)
            .Join(db.InboundMessages, a => a.InboundMessageId, m => m.Id, (a, m) => new { m.ProviderMessageId, m.ReceivedAtUtc, a.CreatedAtUtc })
            .ToListAsync())
            .Where(a => intended.ContainsKey(a.ProviderMessageId))
            .ToList();
        if (alerted.Count == 0)
        {
            return $"risk-phrase texts: {intended.Count:N0} accepted, none alerted yet";
        }

        // The second figure leaves out the webhook's own wait, so it shows the processing queue alone.
        return $"risk-phrase texts: {intended.Count:N0} accepted, {alerted.Count:N0} alerted ({intended.Count - alerted.Count:N0} not by the end of the drain); " +
            $"intended send to alert row: {Spread(alerted.Select(a => a.CreatedAtUtc - intended[a.ProviderMessageId]))}; " +
            $"stored to alert row: {Spread(alerted.Select(a => a.CreatedAtUtc - a.ReceivedAtUtc))}";
    }

    private static string Spread(IEnumerable<TimeSpan> waits)
    {
        var seconds = waits.Select(w => w.TotalSeconds).Order().ToArray();
        double Percentile(double p) => seconds[Math.Clamp((int)Math.Ceiling(p / 100 * seconds.Length) - 1, 0, seconds.Length - 1)];
        return $"p50 {Percentile(50):0.00} s, p99 {Percentile(99):0.00} s, max {seconds[^1]:0.00} s";
    }
}
