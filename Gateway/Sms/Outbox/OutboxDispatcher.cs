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
/// </summary>
internal sealed class OutboxDispatcher(
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
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var claimed = await RunOnceAsync(stoppingToken);
                if (claimed > 0)
                {
                    continue; // there may be more due: look again at once
                }

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

        logger.LogInformation("Outbox dispatcher stopped");
    }

    /// <summary>Claims one batch of due rows and sends them; returns how many were claimed.</summary>
    public async Task<int> RunOnceAsync(CancellationToken stoppingToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        OutboxClaim claim;
        await using (var db = await contexts.CreateDbContextAsync(stoppingToken))
        {
            var slowest = await db.Organisations.Select(o => (double?)o.SendRatePerSecond).MinAsync(stoppingToken) ?? 1.0;

            // No more than can go out within half the lease at the slowest pace, so a claim never outlives its lease.
            var limit = (int)Math.Clamp(Math.Floor(slowest * settings.OutboxLease.TotalSeconds / 2), 1, settings.OutboxBatchSize);
            claim = await OutboxClaims.ClaimAsync(db, now, now + settings.OutboxLease, limit, stoppingToken);
            if (claim.Ids.Count > 0)
            {
                await LogQueueAsync(db, now, claim.Ids.Count, slowest, stoppingToken);
            }
        }

        if (claim.Ids.Count > 0)
        {
            await DispatchBatchAsync(claim, stoppingToken);
        }

        return claim.Ids.Count;
    }

    /// <summary>
    /// One claimed batch: its rows loaded with their organisations, service users and schedules in four queries,
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
        var batch = await OutboxBatch.LoadAsync(db, claim, CancellationToken.None);
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
            }
        }

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

            if (together)
            {
                together = await TryRecordTogetherAsync(db, claim.Token, group);
            }
            else
            {
                foreach (var (message, decision) in group)
                {
                    await RecordOneAsync(message.Id, claim.Token, decision);
                }
            }
        }

        await sending;
    }

    /// <summary>
    /// Records a group of answers in one commit; false when the commit was refused, after recording each of them on
    /// its own (the batch's context is then left behind: it still holds the refused changes).
    /// </summary>
    private async Task<bool> TryRecordTogetherAsync(BuddyDbContext db, Guid claimToken, List<(OutboundMessage Message, Decision Decision)> group)
    {
        foreach (var (message, decision) in group)
        {
            await ApplyAsync(db, message, decision);
            message.ClaimToken = null; // the row is no longer held once its outcome is recorded
        }

        try
        {
            await db.SaveChangesAsync(CancellationToken.None);
        }
        catch (DbUpdateException ex)
        {
            logger.LogWarning("Outbox: {Count} answers could not be recorded together ({Error}); recording each on its own", group.Count, ex.GetType().Name);
            foreach (var (message, decision) in group)
            {
                await RecordOneAsync(message.Id, claimToken, decision);
            }

            return false;
        }

        foreach (var (message, decision) in group)
        {
            Recorded(message, decision);
        }

        return true;
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

    /// <summary>Writes a decision onto its (tracked) row.</summary>
    private async Task ApplyAsync(BuddyDbContext db, OutboundMessage message, Decision decision)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (decision.Outcome is null)
        {
            Finish(message, decision.Status, decision.Code!, decision.Text!, now);
            return;
        }

        if (decision.MayHaveBeenSentSince is { } since)
        {
            message.UnconfirmedSinceUtc ??= since;
        }

        await RecordAsync(db, message, decision.Outcome, now);
    }

    /// <summary>The metric and log line of a decision now committed.</summary>
    private void Recorded(OutboundMessage message, Decision decision)
    {
        if (decision.Outcome is not null)
        {
            metrics.OutboxSend(decision.OutcomeName ?? OutcomeName(message, decision.Outcome), message.Kind);
        }
        else if (decision.Status == OutboundStatus.Failed)
        {
            metrics.OutboxSend("failed", message.Kind);
            logger.LogError("Outbox {MessageId} ({Kind}) failed: claimed {Attempts} times without a result", message.Id, message.Kind, message.Attempts);
        }
        else
        {
            metrics.OutboxSend("cancelled", message.Kind);
            logger.LogInformation("Outbox {MessageId} ({Kind}) cancelled: {Reason}", message.Id, message.Kind, decision.Code);
        }
    }

    /// <summary>Records one row's decision on its own, while the row is still this claim's (the batch's commit was refused).</summary>
    private async Task RecordOneAsync(Guid id, Guid claimToken, Decision decision)
    {
        await using var db = await contexts.CreateDbContextAsync(CancellationToken.None);
        var message = await db.OutboundMessages.SingleOrDefaultAsync(
            m => m.Id == id && m.ClaimToken == claimToken && m.Status == OutboundStatus.Sending, CancellationToken.None);
        if (message is null)
        {
            logger.LogWarning("Outbox {MessageId}: claimed again or recorded by a status callback while this sender held it (claim {ClaimToken}); its new owner decides", id, claimToken);
            return;
        }

        if (decision.Outcome is null)
        {
            await ApplyAsync(db, message, decision);
            if (await SaveAsClaimedAsync(db, message))
            {
                Recorded(message, decision);
            }

            return;
        }

        if (decision.MayHaveBeenSentSince is { } since)
        {
            message.UnconfirmedSinceUtc ??= since;
        }

        await RecordAndSaveAsync(db, message, decision.Outcome, decision.OutcomeName);
    }

    /// <summary>
    /// Records <paramref name="outcome"/> while the row is still this claim's. A provider sid another row already
    /// holds (a status callback recorded it there between the lookup and now) is not this row's: it stays in doubt
    /// and asks again.
    /// </summary>
    /// <param name="outcomeName">The metric's outcome tag when it is not the outcome's own (a reconciled text).</param>
    private async Task RecordAndSaveAsync(BuddyDbContext db, OutboundMessage message, SendOutcome outcome, string? outcomeName = null)
    {
        var startedAt = message.UnconfirmedSinceUtc;
        await RecordAsync(db, message, outcome, clock.GetUtcNow().UtcDateTime);
        try
        {
            if (await SaveAsClaimedAsync(db, message))
            {
                metrics.OutboxSend(outcomeName ?? OutcomeName(message, outcome), message.Kind);
            }
        }
        catch (DbUpdateException ex) when (outcome is SendOutcome.Accepted accepted && UniqueViolation.Is(ex))
        {
            logger.LogWarning("Outbox {MessageId}: provider message {ProviderMessageId} is already another row's; this row stays in doubt and asks again",
                message.Id, accepted.ProviderMessageId);
            db.ChangeTracker.Clear();
            var reloaded = await db.OutboundMessages.SingleOrDefaultAsync(m => m.Id == message.Id && m.ClaimToken == message.ClaimToken);
            if (reloaded is not null)
            {
                reloaded.UnconfirmedSinceUtc ??= startedAt ?? reloaded.CreatedAtUtc;
                await RecordAsync(db, reloaded, new SendOutcome.RetryLater(null, "sid-taken",
                    "The provider's text matching this one is recorded on another row; asking again.", MayHaveBeenSent: true), clock.GetUtcNow().UtcDateTime);
                await SaveAsClaimedAsync(db, reloaded);
            }
        }
    }

    /// <summary>Saves a claimed row's changes; false (nothing written) when the row was claimed again or recorded since.</summary>
    private async Task<bool> SaveAsClaimedAsync(BuddyDbContext db, OutboundMessage message)
    {
        var claimToken = message.ClaimToken;
        message.ClaimToken = null; // the row is no longer held once its outcome is recorded
        try
        {
            await db.SaveChangesAsync(CancellationToken.None);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            logger.LogWarning("Outbox {MessageId}: claimed again or recorded by a status callback while this sender held it (claim {ClaimToken}); its new owner decides",
                message.Id, claimToken);
            db.ChangeTracker.Clear();
            return false;
        }
        catch (DbUpdateException)
        {
            message.ClaimToken = claimToken;
            throw;
        }
    }

    /// <summary>The outcome tag of a recorded send: what the row now says happened.</summary>
    private static string OutcomeName(OutboundMessage message, SendOutcome outcome) => outcome switch
    {
        SendOutcome.Accepted => "accepted",
        SendOutcome.RecipientUnsubscribed => "unsubscribed",
        SendOutcome.RetryLater when message.Status == OutboundStatus.Pending => "retry",
        _ => "failed",
    };

    private async Task RecordAsync(BuddyDbContext db, OutboundMessage message, SendOutcome outcome, DateTime now)
    {
        switch (outcome)
        {
            case SendOutcome.Accepted accepted:
                message.ProviderMessageId = accepted.ProviderMessageId;
                message.Status = accepted.Status;
                message.SentAtUtc = now;
                message.StatusUpdatedAtUtc = now;
                message.LeaseUntilUtc = null;
                message.UnconfirmedSinceUtc = null;
                message.ErrorCode = null;
                message.ErrorMessage = null;
                logger.LogInformation("Outbox {MessageId} ({Kind}) accepted by the provider as {ProviderMessageId} ({Status}) after {Attempts} attempt(s)",
                    message.Id, message.Kind, accepted.ProviderMessageId, accepted.Status, message.Attempts);
                break;

            case SendOutcome.RetryLater retry when message.Attempts < settings.MaxAttempts:
                var delay = OutboxBackoff.Next(message.Attempts, retry.RetryAfter, Random.Shared);
                if (message.UnconfirmedSinceUtc is not null && delay < OutboxReconciliation.SettleTime)
                {
                    delay = OutboxReconciliation.SettleTime; // let Twilio's report of a text it took arrive first
                }
                message.Status = OutboundStatus.Pending;
                message.NotBeforeUtc = now + delay;
                message.LeaseUntilUtc = null;
                message.ErrorCode = retry.Code;
                message.ErrorMessage = retry.Message;
                message.StatusUpdatedAtUtc = now;
                logger.LogWarning("Outbox {MessageId} ({Kind}) not sent ({Code}); attempt {Attempts} of {MaxAttempts}, next try in {Delay}",
                    message.Id, message.Kind, retry.Code, message.Attempts, settings.MaxAttempts, delay);
                break;

            case SendOutcome.RetryLater retry:
                Finish(message, OutboundStatus.Failed, retry.Code, $"Gave up after {message.Attempts} attempts: {retry.Message}", now);
                logger.LogError("Outbox {MessageId} ({Kind}) failed after {Attempts} attempts ({Code})", message.Id, message.Kind, message.Attempts, retry.Code);
                break;

            case SendOutcome.PermanentFailure failure:
                Finish(message, OutboundStatus.Failed, failure.Code, failure.Message, now);
                logger.LogError("Outbox {MessageId} ({Kind}) refused by the provider ({Code}); not retried", message.Id, message.Kind, failure.Code);
                break;

            case SendOutcome.RecipientUnsubscribed unsubscribed:
                Finish(message, OutboundStatus.Failed, unsubscribed.Code, unsubscribed.Message, now);
                if (message.ServiceUserId is { } userId && await db.ServiceUsers.SingleOrDefaultAsync(u => u.Id == userId) is { } user)
                {
                    await ConsentChanges.OptOutAsync(db, user, now, $"The provider reported the number unsubscribed (error {unsubscribed.Code}).", CancellationToken.None);
                }

                logger.LogWarning("Outbox {MessageId} ({Kind}): the recipient has unsubscribed at the provider; service user {ServiceUserId} marked opted out",
                    message.Id, message.Kind, message.ServiceUserId);
                break;
        }
    }

    private static void Finish(OutboundMessage message, OutboundStatus status, string code, string text, DateTime now)
    {
        message.Status = status;
        message.ErrorCode = code;
        message.ErrorMessage = text;
        message.LeaseUntilUtc = null;
        message.StatusUpdatedAtUtc = now;
    }

    /// <summary>Hands a claimed row back untouched (the gateway is stopping before it was sent).</summary>
    private async Task ReleaseAsync(Guid id, Guid claimToken)
    {
        await using var db = await contexts.CreateDbContextAsync(CancellationToken.None);
        await db.OutboundMessages
            .Where(m => m.Id == id && m.Status == OutboundStatus.Sending && m.ClaimToken == claimToken)
            .ExecuteUpdateAsync(u => u
                .SetProperty(m => m.Status, OutboundStatus.Pending)
                .SetProperty(m => m.LeaseUntilUtc, (DateTime?)null)
                .SetProperty(m => m.ClaimToken, (Guid?)null)
                .SetProperty(m => m.Attempts, m => m.Attempts - 1), CancellationToken.None);
    }

    // The row's id rides in the callback URL, so a report of a text whose send answer we never heard still finds its row.
    private Uri? StatusCallbackUrl(Guid id) => twilio.PublicUrl(StatusCallback.PathFor(id));

    private async Task LogQueueAsync(BuddyDbContext db, DateTime now, int claimed, double slowestRate, CancellationToken cancellationToken)
    {
        var pending = await db.OutboundMessages.CountAsync(m => m.Status == OutboundStatus.Pending && m.NotBeforeUtc <= now, cancellationToken);
        logger.LogInformation("Outbox: sending {Claimed} now, {Pending} more due and waiting; slowest organisation pace {Rate}/s per sending number",
            claimed, pending, slowestRate);
    }
}
