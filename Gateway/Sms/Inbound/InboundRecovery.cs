using Buddy.Domain.Sms;
using Buddy.Gateway.CheckIns;
using Buddy.Gateway.Data;
using Buddy.Gateway.Hosting;
using Buddy.Gateway.Sms.Twilio;
using Buddy.Gateway.Telemetry;
using Microsoft.EntityFrameworkCore;

namespace Buddy.Gateway.Sms.Inbound;

/// <summary>
/// Finds texts Twilio received that the webhook never delivered (refused by the rate limiter, answered 503 while the
/// database was down, sent while the gateway was down longer than Twilio's retries last) and stores them through the
/// same front door as the webhook (<see cref="InboundReception"/>), exactly once by MessageSid; the processor then
/// handles them as any other, each after its sender's earlier texts.
/// <para>
/// Per receiving number, Twilio's log is read from the last high-water mark less <see cref="InboundRecoverySettings.Overlap"/>
/// (the two clocks disagree a little, and Twilio's list may show a text a moment late); the mark moves on only after
/// a complete reading is stored. Safe on several gateways at once: a lease on the number's mark row keeps two from
/// reading the same log together, and the unique MessageSid makes a double store impossible even without it.
/// </para>
/// </summary>
internal sealed class InboundRecovery(
    IDbContextFactory<BuddyDbContext> contexts,
    TwilioInboundLog log,
    InboundReception reception,
    InboundRecoverySettings settings,
    TimeProvider clock,
    BuddyMetrics metrics,
    ILogger<InboundRecovery> logger)
{
    /// <summary>How long one gateway may hold a number's log before another may read it too.</summary>
    internal static readonly TimeSpan Lease = TimeSpan.FromMinutes(10);

    /// <summary>Reads every number's log from its mark (or from <paramref name="sinceUtc"/>) and stores what was missing.</summary>
    public async Task<IReadOnlyList<NumberRecovery>> RecoverAsync(DateTime? sinceUtc, CancellationToken cancellationToken)
    {
        var results = new List<NumberRecovery>();
        foreach (var number in await log.NumbersAsync(cancellationToken))
        {
            results.Add(await RecoverNumberAsync(number, sinceUtc, cancellationToken));
        }

        return results;
    }

    private async Task<NumberRecovery> RecoverNumberAsync(string number, DateTime? sinceUtc, CancellationToken cancellationToken)
    {
        var startedAt = clock.GetUtcNow().UtcDateTime;
        var highWater = await TakeLeaseAsync(number, startedAt, cancellationToken);
        if (highWater is null)
        {
            logger.LogInformation("Inbound recovery for {Number} skipped: another gateway is reading its log", Redact.Phone(number));
            return new NumberRecovery(number, 0, 0, Skipped: true, Error: null);
        }

        var from = sinceUtc ?? highWater.Value - settings.Overlap;
        var listed = 0;
        var recovered = 0;
        try
        {
            var texts = await log.ReadAsync(number, from, cancellationToken);
            listed = texts.Count;
            recovered = await StoreMissingAsync(texts, cancellationToken);
            metrics.InboundRecovered(recovered);

            // The mark moves on only over a stretch this reading covered completely.
            var advanceTo = from <= highWater.Value ? startedAt : (DateTime?)null;
            await FinishAsync(number, startedAt, advanceTo, recovered, error: null);
            if (recovered > 0)
            {
                logger.LogWarning("Inbound recovery: {Recovered} text(s) Twilio received at {Number} since {Since:u} had not reached Buddy; stored now",
                    recovered, Redact.Phone(number), from);
            }

            return new NumberRecovery(number, listed, recovered, Skipped: false, Error: null);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            var error = $"{ex.GetType().Name}: {Redact.PhoneNumbersIn(ex.Message)}";
            logger.LogError("Inbound recovery for {Number} failed after storing {Recovered} text(s); it is read again next time: {Error}",
                Redact.Phone(number), recovered, error);
            await TryFinishAsync(number, startedAt, recovered, error);
            return new NumberRecovery(number, listed, recovered, Skipped: false, error);
        }
    }

    /// <summary>Stores, oldest first, the texts no gateway has stored yet; returns how many this call stored.</summary>
    private async Task<int> StoreMissingAsync(IReadOnlyList<InboundText> texts, CancellationToken cancellationToken)
    {
        var known = new HashSet<string>(StringComparer.Ordinal);
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            foreach (var chunk in texts.Select(t => t.MessageSid).Chunk(500))
            {
                known.UnionWith(await db.InboundMessages.Where(m => chunk.Contains(m.ProviderMessageId)).Select(m => m.ProviderMessageId).ToListAsync(cancellationToken));
            }
        }

        // Handed over in order without waiting for each: the reception stores them together (one commit for many)
        // and queues them in the order given. A text the webhook stores meanwhile is recognised as a repeat there.
        var stores = texts.Where(t => !known.Contains(t.MessageSid)).Select(t => reception.AcceptAsync(t, cancellationToken)).ToList();
        var stored = await Task.WhenAll(stores);
        return stored.Count(s => s);
    }

    /// <summary>The number's high-water mark when this gateway now holds its lease; null when another gateway does.</summary>
    private async Task<DateTime?> TakeLeaseAsync(string number, DateTime now, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var taken = await db.InboundRecoveryMarks
            .Where(m => m.ReceivingPhone == number && (m.LeaseUntilUtc == null || m.LeaseUntilUtc < now))
            .ExecuteUpdateAsync(u => u.SetProperty(m => m.LeaseUntilUtc, now + Lease), cancellationToken);
        if (taken == 1)
        {
            return await db.InboundRecoveryMarks.Where(m => m.ReceivingPhone == number).Select(m => m.HighWaterUtc).SingleAsync(cancellationToken);
        }

        if (await db.InboundRecoveryMarks.AnyAsync(m => m.ReceivingPhone == number, cancellationToken))
        {
            return null;
        }

        // First reading for this number: nothing from before Buddy used it is imported, only the overlap before now.
        db.InboundRecoveryMarks.Add(new InboundRecoveryMark { ReceivingPhone = number, HighWaterUtc = now, LeaseUntilUtc = now + Lease });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return now;
        }
        catch (DbUpdateException ex) when (UniqueViolation.Is(ex))
        {
            return null; // another gateway created it a moment ago and holds it
        }
    }

    private async Task FinishAsync(string number, DateTime startedAt, DateTime? advanceTo, int recovered, string? error)
    {
        await using var db = await contexts.CreateDbContextAsync(CancellationToken.None);
        var mark = await db.InboundRecoveryMarks.SingleAsync(m => m.ReceivingPhone == number, CancellationToken.None);
        if (advanceTo is { } high && high > mark.HighWaterUtc)
        {
            mark.HighWaterUtc = high;
        }

        mark.LeaseUntilUtc = null;
        mark.LastRunAtUtc = startedAt;
        mark.LastRecovered = recovered;
        mark.RecoveredTotal += recovered;
        mark.LastError = error;
        await db.SaveChangesAsync(CancellationToken.None);
    }

    private async Task TryFinishAsync(string number, DateTime startedAt, int recovered, string error)
    {
        try
        {
            await FinishAsync(number, startedAt, advanceTo: null, recovered, error);
        }
        catch (Exception ex)
        {
            // Most likely the database itself is down; the lease runs out and the next run reads the same stretch.
            logger.LogError("Inbound recovery for {Number} could not record its failure: {Error}", Redact.Phone(number), Redact.PhoneNumbersIn(ex.Message));
        }
    }
}

/// <summary>What one reading of one number's log found: texts listed, texts stored only now, or why it did not run.</summary>
internal sealed record NumberRecovery(string Number, int Listed, int Recovered, bool Skipped, string? Error);
