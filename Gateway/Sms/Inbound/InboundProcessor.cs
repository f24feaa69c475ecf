using Buddy.Domain.Safeguarding;
using Buddy.Domain.Sms;
using Buddy.Gateway.Data;
using Buddy.Gateway.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Buddy.Gateway.Sms.Inbound;

/// <summary>
/// Works through the inbound queue in batches of up to <c>Sms:Inbound:BatchSize</c> (<c>Sms:Inbound:BurstBatchSize</c>
/// for routine texts once a backlog has built up; urgent lane first, never mixing the lanes; see
/// <see cref="InboundRounds"/> for the order within a batch), giving way to reception before each routine batch
/// (<see cref="ReceptionPriority"/>), and sweeps the table for messages
/// left in state Received (stored just before a restart, or whose processing hit a database outage): at start-up
/// and then every <c>Sms:Inbound:SweepSeconds</c>.
/// </summary>
internal sealed class InboundProcessor(
    InboundLanes queue,
    ReceptionPriority priority,
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
        // Everything Received at start-up is left over from before: queued before the first batch is read, so the
        // urgent left-overs go first and a text the webhook queued as well is taken with its second copy in one batch
        // (then the periodic sweep, on the injected clock, is the only other source of ids).
        await TrySweepAsync(TimeSpan.Zero, stoppingToken);
        var sweeping = SweepLoopAsync(stoppingToken);
        try
        {
            await foreach (var batch in queue.ReadBatchesAsync(settings.InboundBatchSize, settings.InboundBurstBatchSize, stoppingToken))
            {
                try
                {
                    // Webhooks first on a busy core: a routine batch waits for the reception writer's next commit,
                    // then urgent texts stored meanwhile go before it (safeguarding never waits behind routine work).
                    if (!batch[0].Urgent)
                    {
                        await priority.BeforeBatchAsync(urgent: false, stoppingToken);
                        for (var urgent = queue.TakeUrgent(settings.InboundBatchSize); urgent.Count > 0; urgent = queue.TakeUrgent(settings.InboundBatchSize))
                        {
                            await ProcessBatchAsync(urgent, stoppingToken);
                        }
                    }

                    await ProcessBatchAsync(batch, stoppingToken);
                    if (queue.IsEmpty && queue.TakeOverflow())
                    {
                        // The routine lane was full and refused ids; their rows wait in the table. Take them now,
                        // not at the next periodic sweep, and again while a sweep finds a full load.
                        if (await SweepAsync(TimeSpan.Zero, stoppingToken) >= SweepBatch)
                        {
                            queue.MarkOverflow();
                        }
                    }
                }
                catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
                {
                    // Most likely the database is down; the rows are still Received and the sweep offers them again.
                    logger.LogError("Inbound batch of {Count} (first {InboundId}) not processed: {Error}", batch.Count, batch[0].Id, Redact.PhoneNumbersIn(ex.Message));
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
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(settings.InboundSweep, clock, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }

            await TrySweepAsync(settings.InboundSweep, stoppingToken);
        }
    }

    /// <summary>A sweep that fails (the database is down) is logged and tried again at the next interval.</summary>
    private async Task TrySweepAsync(TimeSpan olderThan, CancellationToken stoppingToken)
    {
        try
        {
            await SweepAsync(olderThan, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
        catch (Exception ex)
        {
            logger.LogError("Inbound sweep failed; retrying in {Interval}: {Error}", settings.InboundSweep, Redact.PhoneNumbersIn(ex.Message));
        }
    }

    /// <summary>
    /// The batch's texts with their senders' earlier texts still waiting, round by round (<see cref="InboundRounds"/>):
    /// a round of several senders in one transaction, isolated to one text at a time if it fails.
    /// </summary>
    internal async Task ProcessBatchAsync(IReadOnlyList<QueuedInbound> batch, CancellationToken cancellationToken)
    {
        List<List<Guid>> rounds;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            rounds = await InboundRounds.PlanAsync(db, [.. batch.Select(q => q.Id)], cancellationToken);
        }

        foreach (var round in rounds)
        {
            if (round.Count > 1 && await pipeline.TryProcessTogetherAsync(round, cancellationToken))
            {
                continue;
            }

            foreach (var id in round)
            {
                await pipeline.ProcessAsync(id, cancellationToken);
            }
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

        // Streamed, not listed: a backlog of tens of thousands of texts was held in memory whole, bodies and all, for
        // one bit each (urgent or not) and the first SweepBatch routine ids.
        var urgent = new List<Guid>();
        var routine = new List<Guid>(SweepBatch);
        await foreach (var left in db.InboundMessages
            .Where(m => m.State == InboundState.Received && m.ReceivedAtUtc <= cutoff)
            .OrderBy(m => m.ReceivedAtUtc)
            .Select(m => new { m.Id, m.Body, m.OptOutType })
            .AsAsyncEnumerable()
            .WithCancellation(cancellationToken))
        {
            if (InboundTriage.IsUrgent(risk, left.Body, left.OptOutType))
            {
                urgent.Add(left.Id);
            }
            else if (routine.Count < SweepBatch)
            {
                routine.Add(left.Id);
            }
        }

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
