using Buddy.Domain.Sms;
using Buddy.Gateway.Data;
using Buddy.Gateway.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Buddy.Gateway.Sms.Inbound;

/// <summary>
/// Works through the inbound queue one message at a time, and sweeps the table for messages left in state
/// Received (stored just before a restart, or whose processing hit a database outage): at start-up and then
/// every <c>Sms:Inbound:SweepSeconds</c>.
/// </summary>
internal sealed class InboundProcessor(
    InboundQueue queue, InboundPipeline pipeline, IDbContextFactory<BuddyDbContext> contexts, SmsSettings settings, TimeProvider clock, ILogger<InboundProcessor> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var sweeping = SweepLoopAsync(stoppingToken);
        try
        {
            await foreach (var id in queue.ReadAllAsync(stoppingToken))
            {
                try
                {
                    await pipeline.ProcessAsync(id, stoppingToken);
                }
                catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
                {
                    // Most likely the database is down; the row is still Received and the sweep offers it again.
                    logger.LogError("Inbound {InboundId} not processed: {Error}", id, Redact.PhoneNumbersIn(ex.Message));
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

    /// <summary>Queues Received messages older than <paramref name="olderThan"/> (newer ones are still in the queue).</summary>
    internal async Task<int> SweepAsync(TimeSpan olderThan, CancellationToken cancellationToken)
    {
        var cutoff = clock.GetUtcNow().UtcDateTime - olderThan;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var ids = await db.InboundMessages
            .Where(m => m.State == InboundState.Received && m.ReceivedAtUtc <= cutoff)
            .OrderBy(m => m.ReceivedAtUtc)
            .Select(m => m.Id)
            .Take(500)
            .ToListAsync(cancellationToken);
        foreach (var id in ids)
        {
            queue.Enqueue(id);
        }

        if (ids.Count > 0)
        {
            logger.LogInformation("Inbound sweep re-queued {Count} message(s) left in state Received", ids.Count);
        }

        return ids.Count;
    }
}
