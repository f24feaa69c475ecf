using Buddy.Domain.Sms;
using Buddy.Gateway.Data;
using Microsoft.EntityFrameworkCore;

namespace Buddy.Gateway.Sms.Inbound;

/// <summary>
/// The order a batch of queued texts is handled in. A text overtakes other people's texts but never its own
/// sender's: an urgent text jumps the queue, and a text recovered from the provider's log arrives after its sender's
/// later ones, so each sender's earlier texts still waiting are handled first and all in the order they were sent
/// (the diary's latest score wins, a conversation and consent, START then STOP, follow them). Round n holds every
/// sender's n-th text, so a round never holds two texts from one sender and may be handled in one transaction.
/// </summary>
internal static class InboundRounds
{
    public static async Task<List<List<Guid>>> PlanAsync(BuddyDbContext db, IReadOnlyList<Guid> queued, CancellationToken cancellationToken)
    {
        var texts = await db.InboundMessages
            .Where(m => queued.Contains(m.Id) && m.State == InboundState.Received)
            .Select(m => new Waiting(m.Id, m.FromPhone, m.ReceivedAtUtc))
            .ToListAsync(cancellationToken);
        if (texts.Count == 0)
        {
            return [];
        }

        // Each sender's earlier texts still waiting: one query on the (from_phone, state) index.
        var latestBySender = texts.GroupBy(t => t.FromPhone, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Max(t => t.ReceivedAtUtc), StringComparer.Ordinal);
        var phones = latestBySender.Keys.ToList();
        var latest = latestBySender.Values.Max();
        var earlier = await db.InboundMessages
            .Where(m => m.State == InboundState.Received && phones.Contains(m.FromPhone) && m.ReceivedAtUtc < latest)
            .Select(m => new Waiting(m.Id, m.FromPhone, m.ReceivedAtUtc))
            .ToListAsync(cancellationToken);
        // The same id may be queued twice (by the webhook and by a sweep): its first place counts.
        var position = new Dictionary<Guid, int>();
        foreach (var id in queued)
        {
            position.TryAdd(id, position.Count);
        }

        var senders = texts.Concat(earlier.Where(e => e.ReceivedAtUtc < latestBySender[e.FromPhone]))
            .DistinctBy(t => t.Id)
            .GroupBy(t => t.FromPhone, StringComparer.Ordinal)
            .Select(g => g.OrderBy(t => t.ReceivedAtUtc).ThenBy(t => position.GetValueOrDefault(t.Id, -1)).Select(t => t.Id).ToList())
            .OrderBy(ids => ids.Where(position.ContainsKey).Min(id => position[id])) // senders in the order the queue gave them
            .ToList();

        var rounds = new List<List<Guid>>();
        for (var n = 0; n < senders.Max(s => s.Count); n++)
        {
            rounds.Add([.. senders.Where(s => s.Count > n).Select(s => s[n])]);
        }

        return rounds;
    }

    private sealed record Waiting(Guid Id, string FromPhone, DateTime ReceivedAtUtc);
}
