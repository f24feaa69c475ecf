using Buddy.Domain.Sms;
using Buddy.Gateway.CheckIns;
using Buddy.Gateway.Data;
using Buddy.Gateway.Hosting;
using Buddy.Gateway.Sms.Twilio;
using Buddy.Gateway.Telemetry;
using Microsoft.EntityFrameworkCore;

namespace Buddy.Gateway.Sms;

/// <summary>
/// <c>POST /sms/status</c>: Twilio's delivery reports. Callbacks arrive out of order and more than once, so a
/// status only ever moves forward (<see cref="OutboundStatusOrder.CanMoveTo"/>), enforced in the UPDATE itself
/// so two callbacks racing cannot undo each other. The callback URL names the outbox row (<see cref="PathFor"/>),
/// so a report for a text whose send answer was lost (a timeout, a crash) records its sid on that row, which then
/// is never sent again.
/// </summary>
internal static class StatusCallback
{
    private const string OutboxParameter = "outbox";

    public static string PathFor(Guid outboundMessageId) => $"{SmsEndpoints.StatusPath}?{OutboxParameter}={outboundMessageId:N}";

    public static async Task<IResult> HandleAsync(
        HttpRequest request, IDbContextFactory<BuddyDbContext> contexts, TimeProvider clock, BuddyMetrics metrics, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        metrics.WebhookReceived("status");
        var logger = loggers.CreateLogger(typeof(StatusCallback));
        var form = await request.ReadFormAsync(cancellationToken);
        var sid = TwilioFields.Single(form, "MessageSid", out var sidProblem)?.Trim() ?? "";
        var statusText = TwilioFields.Single(form, "MessageStatus", out var statusProblem)?.Trim() ?? "";
        var codeText = TwilioFields.Single(form, "ErrorCode", out var codeProblem)?.Trim() ?? "";
        if ((sidProblem ?? statusProblem ?? codeProblem) is { } repeated)
        {
            return Results.BadRequest(repeated);
        }

        if (sid.Length == 0 || statusText.Length == 0)
        {
            return Results.BadRequest("MessageSid and MessageStatus are required.");
        }

        if (TwilioFields.MessageSidProblem(sid) is { } shape)
        {
            return Results.BadRequest(shape);
        }

        if (TwilioStatus.Parse(statusText) is not { } status)
        {
            logger.LogInformation("Status callback for {MessageSid} ignored: status '{Status}' says nothing about delivery", sid, statusText);
            return Results.Ok();
        }

        var errorCode = codeText is { Length: > 0 and <= 16 } code ? code : null;
        try
        {
            var outboxId = Guid.TryParseExact(request.Query[OutboxParameter].ToString(), "N", out var id) ? id : (Guid?)null;
            await RecordAsync(contexts, sid, outboxId, status, errorCode, clock.GetUtcNow().UtcDateTime, logger, cancellationToken);
        }
        catch (Exception ex) when (DatabaseStartup.IsUnreachable(ex))
        {
            logger.LogError("Status callback for {MessageSid} not recorded, database unavailable: {Error}", sid, Redact.PhoneNumbersIn(ex.Message));
            return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
        }

        return Results.Ok();
    }

    private static async Task RecordAsync(
        IDbContextFactory<BuddyDbContext> contexts, string sid, Guid? outboxId, OutboundStatus status, string? errorCode, DateTime now, ILogger logger, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        try
        {
            if (outboxId is { } id && await ClaimInDoubtAsync(db, id, sid, now, cancellationToken))
            {
                logger.LogWarning("Outbox {MessageId}: its send answer was lost, Twilio's report names it as {MessageSid}; recorded, never sent again", id, sid);
            }
        }
        catch (Exception ex) when (UniqueViolation.IsEngineError(ex) || ex is DbUpdateException update && UniqueViolation.Is(update))
        {
            // The sid is already another row's (recorded from Twilio's list before this report came): one text, one row.
            logger.LogWarning("Status callback for {MessageSid} names outbox {MessageId}, but another row already holds that sid; left as it is", sid, outboxId);
        }

        var movableFrom = Enum.GetValues<OutboundStatus>().Where(s => s.CanMoveTo(status)).ToList();
        var description = errorCode is null ? null : TwilioErrorCodes.Describe(errorCode);
        var updated = await db.OutboundMessages
            .Where(m => m.ProviderMessageId == sid && movableFrom.Contains(m.Status))
            .ExecuteUpdateAsync(u => u
                .SetProperty(m => m.Status, status)
                .SetProperty(m => m.StatusUpdatedAtUtc, now)
                .SetProperty(m => m.ErrorCode, m => errorCode ?? m.ErrorCode)
                .SetProperty(m => m.ErrorMessage, m => description ?? m.ErrorMessage), cancellationToken);

        if (updated == 0)
        {
            var current = await db.OutboundMessages.Where(m => m.ProviderMessageId == sid).Select(m => (OutboundStatus?)m.Status).FirstOrDefaultAsync(cancellationToken);
            if (current is null)
            {
                logger.LogWarning("Status callback for unknown message {MessageSid} ({Status}); nothing stored", sid, status);
            }
            else
            {
                logger.LogInformation("Status callback for {MessageSid}: {Status} ignored, already {Current}", sid, status, current);
            }

            return;
        }

        logger.LogInformation("Message {MessageSid} is now {Status}{ErrorCode}", sid, status, errorCode is null ? "" : $" (error {errorCode})");
        if (errorCode == TwilioErrorCodes.Unsubscribed)
        {
            var user = await db.OutboundMessages.Where(m => m.ProviderMessageId == sid)
                .Join(db.ServiceUsers, m => m.ServiceUserId, u => (Guid?)u.Id, (_, u) => u)
                .FirstOrDefaultAsync(cancellationToken);
            if (user is not null && await ConsentChanges.OptOutAsync(db, user, now, $"Twilio reported the number unsubscribed (error {errorCode}).", cancellationToken))
            {
                await db.SaveChangesAsync(cancellationToken);
                logger.LogWarning("Service user {ServiceUserId} marked opted out: Twilio reported error {ErrorCode}", user.Id, errorCode);
            }
        }
    }

    /// <summary>
    /// Gives the provider's sid to a row that never learned whether its text went: in doubt (waiting for its next
    /// try, or already given up on as Failed or Cancelled, though the text did go), or left Sending by a sender that
    /// died. A row a live sender holds is left to that sender, which records its own answer.
    /// </summary>
    private static async Task<bool> ClaimInDoubtAsync(BuddyDbContext db, Guid id, string sid, DateTime now, CancellationToken cancellationToken) =>
        await db.OutboundMessages
            .Where(m => m.Id == id && m.ProviderMessageId == null
                && (m.Status == OutboundStatus.Sending ? m.LeaseUntilUtc < now : m.UnconfirmedSinceUtc != null))
            .ExecuteUpdateAsync(u => u
                .SetProperty(m => m.ProviderMessageId, sid)
                .SetProperty(m => m.Status, OutboundStatus.Queued)
                .SetProperty(m => m.SentAtUtc, now)
                .SetProperty(m => m.StatusUpdatedAtUtc, now)
                .SetProperty(m => m.LeaseUntilUtc, (DateTime?)null)
                .SetProperty(m => m.ClaimToken, (Guid?)null) // a sender still holding an expired claim must not record over this
                .SetProperty(m => m.UnconfirmedSinceUtc, (DateTime?)null)
                .SetProperty(m => m.ErrorCode, (string?)null)
                .SetProperty(m => m.ErrorMessage, (string?)null), cancellationToken) == 1;
}
