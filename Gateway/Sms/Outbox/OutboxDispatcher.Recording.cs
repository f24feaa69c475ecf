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

/// <summary>The dispatcher's recording half: a decision or provider answer written onto its row, only while the claim is ours.</summary>
internal sealed partial class OutboxDispatcher
{
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
                // The row itself records the acceptance (sid, status, time); a line per text at 19:00 is 100,000 lines of CPU for nothing new.
                logger.LogDebug("Outbox {MessageId} ({Kind}) accepted by the provider as {ProviderMessageId} ({Status}) after {Attempts} attempt(s)",
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
}
