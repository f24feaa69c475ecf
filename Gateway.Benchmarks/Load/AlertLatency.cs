using Buddy.Domain.Safeguarding;
using Microsoft.EntityFrameworkCore;

namespace Buddy.Benchmarks.Load;

/// <summary>
/// How quickly a risky text reached a human: for each risk-phrase webhook answered 2xx, the time from its intended
/// send time to the transaction that recorded it on a safeguarding alert (opening the person's alert, or joining the
/// one open; written with the crisis reply and the therapist's and duty contact's texts), read from the database after the run.
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

        // Every risky text is recorded on an alert (AlertReply), whether it opened the person's alert or joined the one
        // already open (one open alert per person since 0011); the text's ProcessedAtUtc is the moment of that
        // transaction, the same clock reading as a new alert's CreatedAtUtc.
        await using var db = database.Open();
        var alerted = (await db.AlertReplies
            .Join(db.InboundMessages, r => r.InboundMessageId, m => (Guid?)m.Id, (r, m) => new { m.ProviderMessageId, m.ReceivedAtUtc, m.ProcessedAtUtc })
            .Where(a => a.ProcessedAtUtc != null)
            .Select(a => new { a.ProviderMessageId, a.ReceivedAtUtc, CreatedAtUtc = a.ProcessedAtUtc!.Value })
            .ToListAsync())
            .Where(a => intended.ContainsKey(a.ProviderMessageId))
            .DistinctBy(a => a.ProviderMessageId)
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
