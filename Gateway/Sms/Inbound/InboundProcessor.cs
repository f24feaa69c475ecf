using Buddy.Domain.Safeguarding;
using Buddy.Domain.Sms;
using Buddy.Gateway.Data;
using Buddy.Gateway.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Buddy.Gateway.Sms.Inbound;

/// <summary>
/// Works through the inbound queue one message at a time, urgent lane first, and sweeps the table for messages
/// left in state Received (stored just before a restart, or whose processing hit a database outage): at start-up
/// and then every <c>Sms:Inbound:SweepSeconds</c>.
/// </summary>
internal sealed class InboundProcessor(
    InboundQueue queue,
    InboundPipeline pipeline,
    IDbContextFactory<BuddyDbContext> contexts,
    RiskDetector risk,
    SmsSettings settings,
    TimeProvider clock,
    ILogger<InboundProcessor> logger)
    : BackgroundService
{
    /// <summary>Most routine messages one sweep queues (urgent ones are all queued, ahead of them).</summary>
    internal const int SweepBatch = 500;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var sweeping = SweepLoopAsync(stoppingToken);
        try
        {
            await foreach (var queued in queue.ReadAllAsync(stoppingToken))
            {
                try
                {
                    // An urgent text overtakes the queue, and a text recovered from the provider's log arrives after
                    // its sender's later ones: either way the sender's earlier texts go first.
                    await ProcessEarlierFromSameSenderAsync(queued.Id, stoppingToken);
                    await pipeline.ProcessAsync(queued.Id, stoppingToken);
                }
                catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
                {
                    // Most likely the database is down; the row is still Received and the sweep offers it again.
                    logger.LogError("Inbound {InboundId} not processed: {Error}", queued.Id, Redact.PhoneNumbersIn(ex.Message));
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: anything still queued is Received in the database and is picked up next start.
        }

        await sweeping;
    }

    private async Task SweepLoopAsync(CancellationToken stoppingToken)
    {
        var olderThan = TimeSpan.Zero; // at start-up everything Received is left over from before
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await SweepAsync(olderThan, stoppingToken);
                olderThan = settings.InboundSweep;
                await Task.Delay(settings.InboundSweep, clock, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogError("Inbound sweep failed; retrying in {Interval}: {Error}", settings.InboundSweep, Redact.PhoneNumbersIn(ex.Message));
                await Task.Delay(settings.InboundSweep, clock, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    /// <summary>
    /// A text overtakes other people's texts but never its own sender's: their earlier texts still waiting (usually
    /// none, at most a few) are handled first, so the diary (latest score wins, events in order), their conversation
    /// and their consent (START then STOP) see them in the order they were sent. One indexed query (from_phone, state).
    /// </summary>
    private async Task ProcessEarlierFromSameSenderAsync(Guid inboundId, CancellationToken cancellationToken)
    {
        List<Guid> earlier;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            var waiting = db.InboundMessages.Where(m => m.State == InboundState.Received);
            earlier = await waiting
                .Where(m => waiting.Any(later => later.Id == inboundId && later.FromPhone == m.FromPhone && m.ReceivedAtUtc < later.ReceivedAtUtc))
                .OrderBy(m => m.ReceivedAtUtc)
                .Select(m => m.Id)
                .ToListAsync(cancellationToken);
        }

        foreach (var id in earlier)
        {
            await pipeline.ProcessAsync(id, cancellationToken);
        }
    }

    /// <summary>
    /// Queues Received messages older than <paramref name="olderThan"/> (newer ones are still in the queue): every
    /// urgent one, so a crisis text left over from before a restart does not wait behind the backlog, then the
    /// oldest <see cref="SweepBatch"/> routine ones.
    /// </summary>
    internal async Task<int> SweepAsync(TimeSpan olderThan, CancellationToken cancellationToken)
    {
        var cutoff = clock.GetUtcNow().UtcDateTime - olderThan;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var left = await db.InboundMessages
            .Where(m => m.State == InboundState.Received && m.ReceivedAtUtc <= cutoff)
            .OrderBy(m => m.ReceivedAtUtc)
            .Select(m => new { m.Id, m.Body, m.OptOutType })
            .ToListAsync(cancellationToken);
        var urgent = left.Where(m => InboundTriage.IsUrgent(risk, m.Body, m.OptOutType)).Select(m => m.Id).ToList();
        var routine = left.Select(m => m.Id).Except(urgent).Take(SweepBatch).ToList();
        foreach (var id in urgent)
        {
            queue.Enqueue(id, urgent: true);
        }

        foreach (var id in routine)
        {
            queue.Enqueue(id, urgent: false);
        }

        var count = urgent.Count + routine.Count;
        if (count > 0)
        {
            logger.LogInformation("Inbound sweep re-queued {Count} message(s) left in state Received ({Urgent} urgent)", count, urgent.Count);
        }

        return count;
    }
}
