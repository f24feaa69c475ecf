using Buddy.Domain.Email;
using Buddy.Gateway.Data;
using Buddy.Gateway.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Buddy.Gateway.Email;

/// <summary>
/// Sends the email outbox. Each due row is claimed with a conditional update (so two gateway instances never
/// send the same email), sent, then marked Sent, or put back with exponential backoff and its error recorded.
/// After <see cref="EmailSettings.MaxAttempts"/> it is marked Failed and stays visible; nothing is deleted.
/// </summary>
public sealed class EmailDispatcher(
    IDbContextFactory<BuddyDbContext> databases,
    IEmailSender sender,
    EmailSignal signal,
    TimeProvider clock,
    IOptions<EmailSettings> options,
    ILogger<EmailDispatcher> logger) : BackgroundService
{
    private static readonly TimeSpan s_lease = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan s_maxBackoff = TimeSpan.FromHours(1);

    /// <summary>Sends every email due now; returns how many were sent.</summary>
    public async Task<int> DispatchDueAsync(CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var due = await db.EmailMessages
            .Where(m => (m.Status == EmailStatus.Pending && m.NotBeforeUtc <= now) || (m.Status == EmailStatus.Sending && m.LeaseUntilUtc < now))
            .OrderBy(m => m.NotBeforeUtc)
            .Select(m => m.Id)
            .Take(50)
            .ToListAsync(cancellationToken);

        var sent = 0;
        foreach (var id in due)
        {
            var leaseUntil = now + s_lease;
            var claimed = await db.EmailMessages
                .Where(m => m.Id == id && (m.Status == EmailStatus.Pending || (m.Status == EmailStatus.Sending && m.LeaseUntilUtc < now)))
                .ExecuteUpdateAsync(
                    set => set.SetProperty(m => m.Status, EmailStatus.Sending)
                        .SetProperty(m => m.LeaseUntilUtc, leaseUntil)
                        .SetProperty(m => m.Attempts, m => m.Attempts + 1),
                    cancellationToken);
            if (claimed == 0)
            {
                continue; // another instance took it
            }

            var message = await db.EmailMessages.SingleAsync(m => m.Id == id, cancellationToken);
            try
            {
                await sender.SendAsync(message, cancellationToken);
                message.Status = EmailStatus.Sent;
                message.SentAtUtc = clock.GetUtcNow().UtcDateTime;
                message.LastError = null;
                sent++;
                logger.LogInformation("Sent {Kind} email {EmailId}", message.Kind, message.Id);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                var error = Redact.PhoneNumbersIn(ex.GetBaseException().Message);
                message.LastError = error.Length > 500 ? error[..500] : error;
                if (message.Attempts >= options.Value.MaxAttempts)
                {
                    message.Status = EmailStatus.Failed;
                    logger.LogError("Gave up on {Kind} email {EmailId} after {Attempts} attempts: {Error}", message.Kind, message.Id, message.Attempts, message.LastError);
                }
                else
                {
                    message.Status = EmailStatus.Pending;
                    message.NotBeforeUtc = clock.GetUtcNow().UtcDateTime + Backoff(message.Attempts);
                    logger.LogWarning("Could not send {Kind} email {EmailId} (attempt {Attempts}), retrying at {RetryAtUtc:O}: {Error}",
                        message.Kind, message.Id, message.Attempts, message.NotBeforeUtc, message.LastError);
                }
            }

            message.LeaseUntilUtc = null;
            await db.SaveChangesAsync(CancellationToken.None);
        }

        return sent;
    }

    /// <summary>1, 2, 4 ... minutes, capped at an hour.</summary>
    internal static TimeSpan Backoff(int attempts) =>
        TimeSpan.FromMinutes(Math.Min(Math.Pow(2, Math.Max(0, attempts - 1)), s_maxBackoff.TotalMinutes));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.IsConfigured)
        {
            logger.LogWarning("Email is not configured (Email:Smtp:Host or Email:Smtp:PickupDirectory): safeguarding emails will wait in the outbox.");
        }

        var poll = TimeSpan.FromSeconds(Math.Max(1, options.Value.PollSeconds));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await DispatchDueAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(ex, "Email dispatch failed; will try again");
            }

            try
            {
                if (await signal.WaitAsync(poll, stoppingToken))
                {
                    // Woken as the alert is saved, perhaps before its transaction commits: look now and once more shortly.
                    await DispatchDueAsync(stoppingToken);
                    await Task.Delay(TimeSpan.FromSeconds(2), clock, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "Email dispatch failed; will try again");
            }
        }
    }
}
