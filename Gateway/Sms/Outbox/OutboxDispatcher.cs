using System.Diagnostics;
using System.Threading.Channels;
using Buddy.Domain.Schedules;
using Buddy.Domain.ServiceUsers;
using Buddy.Domain.Sms;
using Buddy.Domain.Time;
using Buddy.Gateway.CheckIns;
using Buddy.Gateway.Data;
using Buddy.Gateway.Hosting;
using Buddy.Gateway.Sms.Twilio;
using Buddy.Gateway.Telemetry;
using Microsoft.EntityFrameworkCore;

namespace Buddy.Gateway.Sms.Outbox;

/// <summary>
/// Sends what the outbox holds. Every loop claims the due rows (see <see cref="OutboxClaims"/>), re-checks that
/// a routine text may still go, waits its turn at the sender's pace, calls the provider and records what it
/// said. Schedulers and reply handlers only write rows; this is the one place texts leave Buddy.
/// <para>
/// Every write to a claimed row is conditional on the claim's token (<see cref="OutboundMessage.ClaimToken"/>, an
/// EF concurrency token): if the row was claimed again after its lease ran out, or a status callback recorded it,
/// this sender's save changes nothing and the row's new owner decides. The unique provider sid backs that up: no
/// path can record one provider message on two rows. A batch's answers are recorded in one commit, each row's
/// update still conditional on its token; a commit refused for any row is retried row by row.
/// </para>
/// Sending is here, claiming in OutboxDispatcher.Claiming.cs; writing what the provider said onto the rows is in OutboxDispatcher.Recording.cs (one row) and OutboxDispatcher.GroupCommit.cs (a batch together).
/// </summary>
internal sealed partial class OutboxDispatcher(
    IDbContextFactory<BuddyDbContext> contexts,
    ISmsSender sender,
    SendPacer pacer,
    OutboxSignal signal,
    SmsSettings settings,
    TwilioSettings twilio,
    TimeProvider clock,
    BuddyMetrics metrics,
    ILogger<OutboxDispatcher> logger) : BackgroundService
{
    // A routine text that waited longer than this for its turn is checked against the person's latest consent.
    private static readonly TimeSpan s_recheckAfterWait = TimeSpan.FromSeconds(1);

    // A send already handed to the provider is finished even while the gateway stops, within this long.
    private static readonly TimeSpan s_inFlightLimit = TimeSpan.FromSeconds(60);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        logger.LogInformation("Outbox dispatcher started: provider {Provider}, sender {Sender}, polling every {Poll}",
            settings.Provider, Redact.Phone(sender.SenderId), settings.OutboxPoll);
        // The batch before this one, still sending or recording. The next batch is claimed, loaded and sent while it
        // records: on SQLite its record waits for the one writer (the check-in dispatcher's batches at 19:00), and one
        // batch at a time left the provider idle through every such wait. Never more than two batches in flight.
        var previous = Task.CompletedTask;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var claim = await ClaimAsync(stoppingToken);
                if (claim.Ids.Count > 0)
                {
                    var earlier = previous;
                    previous = DispatchBatchAsync(claim, stoppingToken);
                    await earlier;
                    continue; // there may be more due: look again at once
                }

                var last = previous;
                previous = Task.CompletedTask;
                await last;
                await signal.WaitAsync(settings.OutboxPoll, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                // The database may be down: keep the loop alive and try again after a pause.
                logger.LogError("Outbox dispatch failed; retrying in {Poll}: {Error}", settings.OutboxPoll, Redact.PhoneNumbersIn(ex.Message));
                await Task.Delay(settings.OutboxPoll, clock, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }

        try
        {
            await previous; // a batch handed to the provider is finished and recorded before the dispatcher stops
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError("Outbox dispatch failed while stopping: {Error}", Redact.PhoneNumbersIn(ex.Message));
        }

        logger.LogInformation("Outbox dispatcher stopped");
    }

    /// <summary>Claims one batch of due rows and sends them; returns how many were claimed.</summary>
    public async Task<int> RunOnceAsync(CancellationToken stoppingToken)
    {
        var claim = await ClaimAsync(stoppingToken);
        if (claim.Ids.Count > 0)
        {
            await DispatchBatchAsync(claim, stoppingToken);
        }

        return claim.Ids.Count;
    }

    /// <summary>
    /// One claimed batch: its rows loaded with their organisations, service users and schedules in one query,
    /// each decided (give up, cancel, or send), the sends made several at once (each still waiting its turn at the
    /// sender's pace: the pacer is shared), and the answers recorded by one writer as they come, all the answers
    /// waiting at that moment in one commit (group commit: under load one commit for many answers, when quiet each
    /// answer at once, so a text is never left unrecorded behind another's wait for its turn). Recording stays
    /// conditional on the claim token row by row: if any row was claimed again or recorded by a status callback
    /// meanwhile (or a sid is already another row's), that commit is refused as a whole and from then on each answer
    /// is recorded on its own, exactly as one send at a time would be (<see cref="RecordOneAsync"/>). A crash before
    /// a commit leaves its rows Sending: their lease runs out, the next claim marks them in doubt, and the provider is
    /// asked before any is sent again.
    /// </summary>
    private async Task DispatchBatchAsync(OutboxClaim claim, CancellationToken stoppingToken)
    {
        using var activity = BuddyMetrics.Activities.StartActivity("outbox.send-batch");
        activity?.SetTag("buddy.outbox.count", claim.Ids.Count);
        await using var db = await contexts.CreateDbContextAsync(CancellationToken.None);
        var started = Stopwatch.GetTimestamp();
        var batch = await OutboxBatch.LoadAsync(db, claim, CancellationToken.None);
        var loaded = Stopwatch.GetElapsedTime(started);
        foreach (var id in claim.Ids.Except(batch.Rows.Select(r => r.Id)))
        {
            logger.LogInformation("Outbox {MessageId}: no longer this sender's to send (claimed again or recorded since)", id);
        }

        var answers = Channel.CreateUnbounded<(OutboundMessage Message, Decision Decision)>(new UnboundedChannelOptions { SingleReader = true });
        var now = clock.GetUtcNow().UtcDateTime;
        var toSend = new List<OutboundMessage>();
        foreach (var message in batch.Rows)
        {
            if (message.Attempts > settings.MaxAttempts)
            {
                // Only a sender that keeps dying mid-send (its lease expiring each time) gets here.
                answers.Writer.TryWrite((message, Decision.Finished(OutboundStatus.Failed, OutboxCancelReasons.TooManyAttempts, $"Gave up after {message.Attempts - 1} attempts without a result.")));
            }
            else if (batch.CancelReason(message, now) is { } reason)
            {
                answers.Writer.TryWrite((message, Decision.Finished(OutboundStatus.Cancelled, reason.Code, reason.Text)));
            }
            else
            {
                toSend.Add(message);
            }
        }

        var sent = TimeSpan.Zero;
        async Task SendAllAsync()
        {
            try
            {
                var parallel = new ParallelOptions { MaxDegreeOfParallelism = settings.OutboxConcurrency };
                await Parallel.ForEachAsync(toSend, parallel, async (message, _) =>
                    answers.Writer.TryWrite((message, await SendAsync(message, batch.OrganisationOf(message), claim.Token, stoppingToken))));
            }
            finally
            {
                answers.Writer.TryComplete();
                sent = Stopwatch.GetElapsedTime(started);
            }
        }

        var recording = TimeSpan.Zero;
        var commits = 0;
        var sending = SendAllAsync();
        var together = true;
        while (await answers.Reader.WaitToReadAsync(CancellationToken.None))
        {
            var group = new List<(OutboundMessage Message, Decision Decision)>();
            while (answers.Reader.TryRead(out var answer))
            {
                if (!answer.Decision.Released)
                {
                    group.Add(answer);
                }
            }

            if (group.Count == 0)
            {
                continue;
            }

            var recordStarted = Stopwatch.GetTimestamp();
            if (together)
            {
                together = await TryRecordTogetherAsync(db, claim.Token, group);
                commits++;
            }
            else
            {
                foreach (var (message, decision) in group)
                {
                    await RecordOneAsync(message.Id, claim.Token, decision);
                    commits++;
                }
            }

            recording += Stopwatch.GetElapsedTime(recordStarted);
        }

        await sending;
        logger.LogDebug("Outbox batch of {Count}: loaded in {Load:0} ms, sent by {Sent:0} ms, recorded by {Done:0} ms ({Recording:0} ms recording in {Commits} commits)",
            claim.Ids.Count, loaded.TotalMilliseconds, sent.TotalMilliseconds, Stopwatch.GetElapsedTime(started).TotalMilliseconds, recording.TotalMilliseconds, commits);
    }

    /// <summary>Asks the provider about an in-doubt row, or waits its turn and sends; the answer is recorded by the caller.</summary>
    private async Task<Decision> SendAsync(OutboundMessage message, Domain.Organisations.Organisation? organisation, Guid claimToken, CancellationToken stoppingToken)
    {
        using var activity = BuddyMetrics.Activities.StartActivity("outbox.send");
        activity?.SetTag("buddy.outbox.id", message.Id);
        if (stoppingToken.IsCancellationRequested)
        {
            await ReleaseAsync(message.Id, claimToken);
            return Decision.Release;
        }

        // An earlier attempt may have reached the provider unrecorded: ask it before sending again.
        if (message.UnconfirmedSinceUtc is not null)
        {
            await using var lookup = await contexts.CreateDbContextAsync(CancellationToken.None);
            if (await OutboxReconciliation.ReconcileAsync(lookup, sender, message, CancellationToken.None) is { } reconciled)
            {
                if (reconciled is SendOutcome.Accepted)
                {
                    logger.LogWarning("Outbox {MessageId} ({Kind}): the provider already had it from an unrecorded attempt; recorded, not sent again", message.Id, message.Kind);
                }

                return Decision.Answered(reconciled, null, reconciled is SendOutcome.Accepted ? "already_sent" : null);
            }
        }

        var waitStartedAt = clock.GetUtcNow();
        try
        {
            await pacer.WaitAsync(sender.SenderId, organisation?.SendRatePerSecond ?? 1.0, stoppingToken);
        }
        catch (OperationCanceledException)
        {
            await ReleaseAsync(message.Id, claimToken);
            return Decision.Release;
        }

        // The batch's cancel rules were read when it was loaded; after a long wait for the organisation's pace the
        // person may have texted STOP or been discharged meanwhile, so a routine text is judged again just before it goes.
        if (message.Kind.IsRoutine() && clock.GetUtcNow() - waitStartedAt > s_recheckAfterWait)
        {
            await using var fresh = await contexts.CreateDbContextAsync(CancellationToken.None);
            var latest = await OutboxBatch.LoadAsync(fresh, new OutboxClaim(claimToken, [message.Id]), CancellationToken.None);
            if (latest.Rows.Count == 0)
            {
                return Decision.Release; // recorded or claimed by someone else meanwhile: nothing of this claim's to send
            }

            if (latest.CancelReason(latest.Rows[0], clock.GetUtcNow().UtcDateTime) is { } reason)
            {
                return Decision.Finished(OutboundStatus.Cancelled, reason.Code, reason.Text);
            }
        }

        // Once handed to the provider, a send is finished even if the gateway is stopping.
        using var inFlight = new CancellationTokenSource(s_inFlightLimit, clock);
        var attemptStartedAt = clock.GetUtcNow().UtcDateTime;
        SendOutcome outcome;
        try
        {
            outcome = await sender.SendAsync(new SmsRequest(message.ToPhone, message.Body, StatusCallbackUrl(message.Id)), inFlight.Token);
        }
        catch (Exception ex)
        {
            outcome = new SendOutcome.RetryLater(null, "exception", Redact.PhoneNumbersIn(ex.Message), MayHaveBeenSent: true);
        }

        return Decision.Answered(outcome, outcome is SendOutcome.RetryLater { MayHaveBeenSent: true } ? attemptStartedAt : null, null);
    }

    // The row's id rides in the callback URL, so a report of a text whose send answer we never heard still finds its row.
    private Uri? StatusCallbackUrl(Guid id) => twilio.PublicUrl(StatusCallback.PathFor(id));
}
