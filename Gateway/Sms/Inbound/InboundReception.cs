using Buddy.Domain.Sms;
using Buddy.Gateway.Data;
using Buddy.Gateway.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Buddy.Gateway.Sms.Inbound;

/// <summary>
/// The front door of the inbound pipeline, shared by Twilio's webhook and the simulator's reply form: store the
/// text once per message sid, then queue it for the background processor. Nothing slow happens here, so the
/// webhook answers well inside Twilio's 15 seconds.
/// </summary>
public sealed class InboundReception(IDbContextFactory<BuddyDbContext> contexts, InboundQueue queue, TimeProvider clock, ILogger<InboundReception> logger)
{
    /// <summary>Returns false when this message sid was already stored (a provider retry): nothing is stored or queued twice.</summary>
    public async Task<bool> AcceptAsync(InboundText text, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await db.InboundMessages.AnyAsync(m => m.ProviderMessageId == text.MessageSid, cancellationToken))
        {
            logger.LogInformation("Inbound {MessageSid} is a repeat; already stored", text.MessageSid);
            return false;
        }

        var message = new InboundMessage
        {
            ProviderMessageId = text.MessageSid,
            FromPhone = text.From,
            ToPhone = text.To,
            Body = text.Body,
            OptOutType = text.OptOutType,
            ReceivedAtUtc = clock.GetUtcNow().UtcDateTime,
            State = InboundState.Received,
        };
        db.InboundMessages.Add(message);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            if (!await IsStoredAsync(text.MessageSid))
            {
                throw;
            }

            // Two deliveries of one message raced past the check above; the unique index let exactly one in.
            logger.LogInformation("Inbound {MessageSid} arrived twice at once; stored once", text.MessageSid);
            return false;
        }

        logger.LogInformation("Inbound {MessageSid} stored as {InboundId} from {From}", text.MessageSid, message.Id, Redact.Phone(text.From));
        queue.Enqueue(message.Id);
        return true;
    }

    private async Task<bool> IsStoredAsync(string messageSid)
    {
        await using var db = await contexts.CreateDbContextAsync();
        return await db.InboundMessages.AnyAsync(m => m.ProviderMessageId == messageSid);
    }
}
