using System.Threading.Channels;
using Buddy.Domain.Safeguarding;
using Buddy.Domain.Sms;
using Buddy.Gateway.Data;
using Buddy.Gateway.Hosting;
using Buddy.Gateway.Telemetry;
using Microsoft.EntityFrameworkCore;

namespace Buddy.Gateway.Sms.Inbound;

/// <summary>
/// The front door of the inbound pipeline, shared by Twilio's webhook and the simulator's reply form: store the
/// text once per message sid, then queue it for the background processor. Nothing slow happens here, so the
/// webhook answers well inside Twilio's 15 seconds.
/// <para>
/// Texts arriving together are stored together (group commit): one writer takes everything waiting, stores the
/// new ones in one transaction and only then answers each caller, so a burst costs one commit, not one per text,
/// and on SQLite the webhooks do not queue for its single write lock one by one. A caller still hears "stored"
/// only after its row is committed.
/// </para>
/// </summary>
public sealed class InboundReception : IAsyncDisposable, IDisposable
{
    /// <summary>Most texts in one commit; a bigger backlog goes in the next one, a moment later.</summary>
    internal const int MaxBatch = 500;

    private readonly IDbContextFactory<BuddyDbContext> _contexts;
    private readonly InboundLanes _queue;
    private readonly RiskDetector _risk;
    private readonly TimeProvider _clock;
    private readonly ILogger<InboundReception> _logger;
    private readonly BuddyMetrics _metrics;
    private readonly ReceptionPriority _priority;
    private readonly Channel<Arrival> _arrivals;
    private readonly Task _writer;

    public InboundReception(
        IDbContextFactory<BuddyDbContext> contexts, InboundLanes queue, ReceptionPriority priority, RiskDetector risk, SmsSettings settings, TimeProvider clock,
        BuddyMetrics metrics, ILogger<InboundReception> logger)
    {
        // Bounded: a store slower than the arrivals makes webhooks wait for room (held at Kestrel, each on its own
        // connection) rather than grow this queue without end; waiting is not refusing, Twilio still gets its 200.
        _arrivals = Channel.CreateBounded<Arrival>(new BoundedChannelOptions(settings.InboundReceptionCapacity)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        _metrics = metrics;
        _priority = priority;
        _contexts = contexts;
        _queue = queue;
        _risk = risk;
        _clock = clock;
        _logger = logger;
        _writer = Task.Run(WriteLoopAsync);
    }

    /// <summary>Returns false when this message sid was already stored (a provider retry): nothing is stored or queued twice.</summary>
    public async Task<bool> AcceptAsync(InboundText text, CancellationToken cancellationToken)
    {
        // Triage here, on the caller's thread, so the single writer below does no more than store.
        var urgent = InboundTriage.IsUrgent(_risk, text.Body, text.OptOutType);
        var arrival = new Arrival(text, urgent, new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously));
        _priority.Arriving(); // counted before it can be read, so the writer's answer never comes before the count
        if (!_arrivals.Writer.TryWrite(arrival))
        {
            // Full: wait for room. A caller that gives up here was never queued, so nothing was stored for it.
            try
            {
                await _arrivals.Writer.WriteAsync(arrival, cancellationToken);
            }
            catch (ChannelClosedException)
            {
                _priority.Left(1);
                throw new ObjectDisposedException(nameof(InboundReception), "The gateway is stopping.");
            }
            catch (OperationCanceledException)
            {
                _priority.Left(1);
                throw;
            }
        }

        // A caller that gives up does not undo the write: Twilio retries, and the retry is recognised as a repeat.
        return await arrival.Stored.Task.WaitAsync(cancellationToken);
    }

    /// <summary>Stops taking texts; those already taken are stored (or failed) before the writer ends.</summary>
    public async ValueTask DisposeAsync()
    {
        _arrivals.Writer.TryComplete();
        await _writer;
    }

    public void Dispose() => _arrivals.Writer.TryComplete();

    private async Task WriteLoopAsync()
    {
        var batch = new List<Arrival>(MaxBatch);
        while (await _arrivals.Reader.WaitToReadAsync())
        {
            batch.Clear();
            while (batch.Count < MaxBatch && _arrivals.Reader.TryRead(out var arrival))
            {
                batch.Add(arrival);
            }

            try
            {
                await StoreBatchAsync(batch);
            }
            catch (DbUpdateException) when (batch.Count > 1)
            {
                // A sid stored by another instance between our check and our insert spoils the whole batch's
                // transaction; one at a time, the unique index tells exactly which one it was.
                foreach (var arrival in batch)
                {
                    await StoreOneAsync(arrival);
                }
            }
            catch (Exception ex)
            {
                // Nothing in the batch was stored (one transaction): each caller hears why (e.g. 503 when the database is down).
                foreach (var arrival in batch)
                {
                    arrival.Stored.TrySetException(ex);
                }
            }
            finally
            {
                // Every text taken was answered (stored, a repeat or failed): a routine batch waiting for this commit goes now.
                _priority.Committed(batch.Count);
            }
        }
    }

    private async Task StoreBatchAsync(List<Arrival> batch)
    {
        await using var db = await _contexts.CreateDbContextAsync();
        var sids = batch.Select(a => a.Text.MessageSid).Distinct(StringComparer.Ordinal).ToList();
        var known = new HashSet<string>(
            await db.InboundMessages.Where(m => sids.Contains(m.ProviderMessageId)).Select(m => m.ProviderMessageId).ToListAsync(),
            StringComparer.Ordinal);
        var stored = new InboundMessage?[batch.Count];
        var rows = new List<InboundMessage>(batch.Count);
        for (var i = 0; i < batch.Count; i++)
        {
            if (known.Add(batch[i].Text.MessageSid))
            {
                stored[i] = NewMessage(batch[i].Text);
                rows.Add(stored[i]!);
            }
        }

        if (rows.Count > 0)
        {
            // Multi-row INSERTs with nothing tracked, not SaveChanges' statement and change-tracking entry per row:
            // this writer is on every webhook's path. A sid that beat us to the unique index still fails the batch.
            await using var transaction = await db.Database.BeginTransactionAsync();
            await BulkInsert.InsertAsync(db, rows, CancellationToken.None);
            await transaction.CommitAsync();
        }

        for (var i = 0; i < batch.Count; i++)
        {
            Answer(batch[i], stored[i]);
        }
    }

    private async Task StoreOneAsync(Arrival arrival)
    {
        try
        {
            await using var db = await _contexts.CreateDbContextAsync();
            if (await IsStoredAsync(db, arrival.Text.MessageSid))
            {
                Answer(arrival, null);
                return;
            }

            var message = NewMessage(arrival.Text);
            db.InboundMessages.Add(message);
            try
            {
                await db.SaveChangesAsync();
            }
            catch (DbUpdateException)
            {
                await using var check = await _contexts.CreateDbContextAsync();
                if (!await IsStoredAsync(check, arrival.Text.MessageSid))
                {
                    throw;
                }

                // Two deliveries of one message raced past the check above; the unique index let exactly one in.
                _logger.LogInformation("Inbound {MessageSid} arrived twice at once; stored once", arrival.Text.MessageSid);
                arrival.Stored.TrySetResult(false);
                return;
            }

            Answer(arrival, message);
        }
        catch (Exception ex)
        {
            arrival.Stored.TrySetException(ex);
        }
    }

    /// <summary>Called only after the row is committed: queue it for the processor and tell the caller.</summary>
    private void Answer(Arrival arrival, InboundMessage? stored)
    {
        // Guarded: the arguments (a masked number, a boxed id, their array) would be built for every text even with Debug off.
        var debug = _logger.IsEnabled(LogLevel.Debug);
        if (stored is null)
        {
            if (debug)
            {
                _logger.LogDebug("Inbound {MessageSid} is a repeat; already stored", arrival.Text.MessageSid);
            }

            arrival.Stored.TrySetResult(false);
            return;
        }

        // Debug, not Information: at a burst's 2,000 texts a second a line per text is a real share of the cost (and of
        // the disk); the count is in the metrics (inbound.stored), and a text's own story is its row.
        if (debug)
        {
            _logger.LogDebug("Inbound {MessageSid} stored as {InboundId} from {From}", arrival.Text.MessageSid, stored.Id, Redact.Phone(arrival.Text.From));
        }

        _queue.Enqueue(stored.Id, arrival.Urgent);
        _metrics.InboundStored(arrival.Urgent);
        arrival.Stored.TrySetResult(true);
    }

    private InboundMessage NewMessage(InboundText text)
    {
        var now = _clock.GetUtcNow().UtcDateTime;
        return new()
        {
            ProviderMessageId = text.MessageSid,
            FromPhone = text.From,
            ToPhone = text.To,
            Body = text.Body,
            OptOutType = text.OptOutType,
            ReceivedAtUtc = text.ProviderReceivedAtUtc ?? now,
            RecoveredAtUtc = text.Recovered ? now : null,
            State = InboundState.Received,
        };
    }

    private static Task<bool> IsStoredAsync(BuddyDbContext db, string messageSid) =>
        db.InboundMessages.AnyAsync(m => m.ProviderMessageId == messageSid);

    private sealed record Arrival(InboundText Text, bool Urgent, TaskCompletionSource<bool> Stored);
}
