using System.Data.Common;
using System.Net.Sockets;
using Buddy.Domain.Organisations;
using Buddy.Domain.Safeguarding;
using Buddy.Domain.ServiceUsers;
using Buddy.Domain.Sms;
using Buddy.Gateway.Data;
using Buddy.Gateway.Hosting;
using Buddy.Gateway.Replies;
using Buddy.Gateway.Safeguarding;
using Buddy.Gateway.Sms.Outbox;
using Buddy.Gateway.Telemetry;
using Microsoft.EntityFrameworkCore;

namespace Buddy.Gateway.Sms.Inbound;

/// <summary>
/// Handles one stored inbound text: STOP/START/HELP first, whatever else is going on; unknown senders kept for
/// review and never answered; everything else through the <see cref="IReplyPipeline"/> (its risk read here, once),
/// all in one transaction with the message's new state. A failure marks the message Failed and loses nothing.
/// </summary>
internal sealed class InboundPipeline(
    IServiceScopeFactory scopes,
    IDbContextFactory<BuddyDbContext> contexts,
    IRiskReader riskReader,
    IOutboxSignal outbox,
    TimeProvider clock,
    BuddyMetrics metrics,
    ILogger<InboundPipeline> logger)
{
    public const string UnknownSender = "unknown sender";

    /// <summary>Handles one text on its own; a failure marks it Failed (or, when the database is down, leaves it for the sweep).</summary>
    public async Task ProcessAsync(Guid inboundMessageId, CancellationToken cancellationToken)
    {
        using var activity = BuddyMetrics.Activities.StartActivity("inbound.process");
        activity?.SetTag("buddy.inbound.id", inboundMessageId);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BuddyDbContext>();
        var message = await db.InboundMessages.SingleOrDefaultAsync(m => m.Id == inboundMessageId && m.State == InboundState.Received, cancellationToken);
        if (message is null)
        {
            return; // already handled (a sweep and the queue both offered it)
        }

        var now = clock.GetUtcNow().UtcDateTime;
        bool wakeOutbox;
        List<Alert> raised;
        try
        {
            var senders = await InboundSenders.LoadAsync(db, [message], cancellationToken);
            await HandleAsync(scope.ServiceProvider, db, message, senders, senders.BatchOf(db, [message], now), now, cancellationToken);
            message.ProcessedAtUtc = now;
            (raised, wakeOutbox) = Added(db);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken); // only around the writes: see TryProcessTogetherAsync
            await InboundWrites.SaveAsync(db, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            logger.LogInformation("Inbound {InboundId} was handled by another worker first", inboundMessageId);
            return;
        }
        catch (Exception ex) when (IsTransient(ex) && !cancellationToken.IsCancellationRequested)
        {
            // The database, not the message, is the problem: leave it Received for the sweep to retry.
            logger.LogWarning("Inbound {InboundId} left for a retry, database unavailable: {Error}", inboundMessageId, Mask(ex.Message, message));
            return;
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            var error = $"{ex.GetType().Name}: {Mask(ex.Message, message)}";
            logger.LogError("Inbound {InboundId} could not be handled: {Error}", inboundMessageId, error);
            await MarkFailedAsync(inboundMessageId, error, now);
            metrics.InboundHandled(InboundState.Failed, clock.GetUtcNow().UtcDateTime - message.ReceivedAtUtc);
            return;
        }

        Committed(message, raised);
        if (wakeOutbox)
        {
            outbox.Wake();
        }
    }

    /// <summary>
    /// Handles texts from different senders (at most one each: a sender's next text must see this one's diary entry,
    /// conversation and consent, which are saved only at the end) in one transaction with one SaveChanges, their
    /// senders and organisations loaded in two queries. Returns false when anything failed: then nothing was kept,
    /// and the caller handles the texts one at a time, so one bad text costs only itself.
    /// </summary>
    public async Task<bool> TryProcessTogetherAsync(IReadOnlyList<Guid> inboundMessageIds, CancellationToken cancellationToken)
    {
        using var activity = BuddyMetrics.Activities.StartActivity("inbound.process-batch");
        activity?.SetTag("buddy.inbound.count", inboundMessageIds.Count);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BuddyDbContext>();
        var now = clock.GetUtcNow().UtcDateTime;
        List<InboundMessage> messages;
        bool wakeOutbox;
        List<Alert> raised;
        try
        {
            var found = await db.InboundMessages
                .Where(m => inboundMessageIds.Contains(m.Id) && m.State == InboundState.Received)
                .ToDictionaryAsync(m => m.Id, cancellationToken);
            messages = [.. inboundMessageIds.Where(found.ContainsKey).Select(id => found[id])];
            if (messages.DistinctBy(m => m.FromPhone).Count() != messages.Count)
            {
                throw new InvalidOperationException("An inbound batch holds two texts from one sender.");
            }

            var senders = await InboundSenders.LoadAsync(db, messages, cancellationToken);
            var batch = senders.BatchOf(db, messages, now);
            foreach (var message in messages)
            {
                await HandleAsync(scope.ServiceProvider, db, message, senders, batch, now, cancellationToken);
                message.ProcessedAtUtc = now;
            }

            (raised, wakeOutbox) = Added(db);
            // Only the writes: on SQLite this takes the one write lock, which held through the handling kept webhooks'
            // group commits waiting. A text another worker handled meanwhile fails the write (State must be Received).
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await InboundWrites.SaveAsync(db, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            // Only the type: the message may quote any of the batch's texts or numbers. Each text, handled alone next,
            // logs its own failure (masked).
            logger.LogWarning("Inbound batch of {Count} not handled together ({Error}); handling its texts one at a time", inboundMessageIds.Count, ex.GetType().Name);
            return false;
        }

        foreach (var message in messages)
        {
            Committed(message, [.. raised.Where(a => a.InboundMessageId == message.Id)]);
        }

        if (wakeOutbox)
        {
            outbox.Wake();
        }

        return true;
    }

    /// <summary>
    /// The alerts the handling raised, and whether it queued a text (a crisis reply, a confirmation, a question), which
    /// should go at once, not at the outbox's next poll. Both kinds of row are added with DbSet.Add, so they are Added
    /// without change detection; each detection scans every tracked row of the batch, and SaveChanges runs its own.
    /// </summary>
    private static (List<Alert> Raised, bool QueuedTexts) Added(BuddyDbContext db)
    {
        var tracker = db.ChangeTracker;
        tracker.AutoDetectChangesEnabled = false;
        try
        {
            return ([.. tracker.Entries<Alert>().Where(e => e.State == EntityState.Added).Select(e => e.Entity)],
                tracker.Entries<OutboundMessage>().Any(e => e.State == EntityState.Added));
        }
        finally
        {
            tracker.AutoDetectChangesEnabled = true;
        }
    }

    /// <summary>Committed: the reply's handling, and any alert it raised, now stand.</summary>
    private void Committed(InboundMessage message, List<Alert> raised)
    {
        var sinceStored = clock.GetUtcNow().UtcDateTime - message.ReceivedAtUtc;
        metrics.InboundHandled(message.State, sinceStored);
        foreach (var alert in raised)
        {
            metrics.AlertRaised(alert.Kind, alert.Severity);
            metrics.ReplyToAlert(alert.Severity, sinceStored);
        }

        // Debug: at a burst's rate a line per text costs real throughput; metrics count the outcomes (inbound.handled).
        logger.LogDebug("Inbound {InboundId} {State}: {Outcome}", message.Id, message.State, message.Outcome);
    }

    private async Task HandleAsync(
        IServiceProvider services, BuddyDbContext db, InboundMessage message, InboundSenders senders, ReplyBatch batch, DateTime now, CancellationToken cancellationToken)
    {
        var user = senders.UserOf(message.FromPhone);
        if (user is null)
        {
            message.State = InboundState.Unmatched;
            message.Outcome = UnknownSender;
            logger.LogWarning("Inbound {InboundId} from {From} matches no service user; kept for review, not answered", message.Id, Redact.Phone(message.FromPhone));
            return;
        }

        message.ServiceUserId = user.Id;
        message.OrganisationId = user.OrganisationId;
        message.State = InboundState.Processed;
        var organisation = senders.OrganisationOf(user);

        switch (SmsKeywords.Classify(message.Body, message.OptOutType, senderIsOptedOut: user.Consent == ConsentState.OptedOut))
        {
            case SmsKeyword.OptOut:
                var optedOut = await ConsentChanges.OptOutAsync(db, user, now, $"Texted an opt-out word (inbound {message.Id}).", cancellationToken);
                Confirm(db, message, user, optedOut, ("opt-out", "opted out"), (OutboundKind.OptOutConfirmation, DefaultTexts.OptOutConfirmation, $"optout:{message.Id}"), now);
                return;
            case SmsKeyword.OptIn:
                var optedIn = ConsentChanges.OptIn(db, user, now, $"Texted an opt-in word (inbound {message.Id}).");
                Confirm(db, message, user, optedIn, ("opt-in", "opted in"), (OutboundKind.OptInConfirmation, DefaultTexts.OptInConfirmation, $"optin:{message.Id}"), now);
                return;
            case SmsKeyword.Help:
                Queue(db, message, user, OutboundKind.Help, organisation.HelpMessage, $"help:{message.Id}", now);
                message.Outcome = "help text sent";
                return;
        }

        await ReplyAsync(services, db, message, user, organisation, batch, now, cancellationToken);
    }

    /// <summary>
    /// Confirms a consent change by text unless Twilio's own opt-out handling classified the text (OptOutType): then
    /// Twilio has already replied (and, for STOP, blocks texts to the number), so a second confirmation would only fail.
    /// </summary>
    private static void Confirm(
        BuddyDbContext db, InboundMessage message, ServiceUser user, bool changed, (string Word, string Done) change,
        (OutboundKind Kind, string Body, string DedupeKey) confirmation, DateTime now)
    {
        if (!changed)
        {
            message.Outcome = $"{change.Word} (already {change.Done})";
            return;
        }

        if (message.OptOutType is null)
        {
            Queue(db, message, user, confirmation.Kind, confirmation.Body, confirmation.DedupeKey, now);
            message.Outcome = $"{change.Done}; confirmation sent";
            return;
        }

        message.Outcome = $"{change.Done}; confirmed by Twilio";
    }

    private async Task ReplyAsync(
        IServiceProvider services, BuddyDbContext db, InboundMessage message, ServiceUser user, Organisation organisation, ReplyBatch batch, DateTime now,
        CancellationToken cancellationToken)
    {
        var reply = new ReplyContext
        {
            Db = db, Message = message, ServiceUser = user, Organisation = organisation, NowUtc = now, Risk = riskReader.Assess(message.Body, organisation.MoodScale),
            Batch = batch,
        };
        var result = await services.GetRequiredService<IReplyPipeline>().HandleAsync(reply, cancellationToken);
        message.Outcome = result.Outcome;
    }

    private static void Queue(BuddyDbContext db, InboundMessage message, ServiceUser user, OutboundKind kind, string body, string dedupeKey, DateTime now) =>
        OutboundTexts.Queue(db, OutboundTexts.ToPhone(user.OrganisationId, user.Id, message.FromPhone, kind, body, dedupeKey, now));

    /// <summary>A database that is down or busy (not a constraint the handler broke, which would fail again).</summary>
    private static bool IsTransient(Exception ex) =>
        ex is DbException { IsTransient: true } or SocketException or TimeoutException || (ex.InnerException is { } inner && IsTransient(inner));

    /// <summary>Handlers' exception messages may quote the text or the number; neither may reach a log.</summary>
    private static string Mask(string text, InboundMessage message)
    {
        if (message.Body.Trim().Length > 0)
        {
            text = text.Replace(message.Body.Trim(), Redact.Body(message.Body), StringComparison.OrdinalIgnoreCase);
        }

        return Redact.PhoneNumbersIn(text.Replace(message.FromPhone, Redact.Phone(message.FromPhone), StringComparison.Ordinal));
    }

    private async Task MarkFailedAsync(Guid inboundMessageId, string error, DateTime now)
    {
        try
        {
            await using var db = await contexts.CreateDbContextAsync();
            var outcome = $"failed: {error}";
            await db.InboundMessages
                .Where(m => m.Id == inboundMessageId && m.State == InboundState.Received)
                .ExecuteUpdateAsync(u => u
                    .SetProperty(m => m.State, InboundState.Failed)
                    .SetProperty(m => m.Outcome, outcome.Length > 500 ? outcome[..500] : outcome)
                    .SetProperty(m => m.ProcessedAtUtc, now));
        }
        catch (Exception markError)
        {
            // The database itself is failing: the row stays Received and the sweep retries it.
            logger.LogError("Inbound {InboundId} could not be marked failed either: {Error}", inboundMessageId, Redact.PhoneNumbersIn(markError.Message));
        }
    }
}
