using Buddy.Domain.Sms;
using Buddy.Gateway.Data;
using Microsoft.EntityFrameworkCore;

namespace Buddy.Gateway.Sms.Outbox;

/// <summary>
/// Closes the at-least-once gap of a lease-based outbox: a row whose earlier attempt may have reached the provider
/// unrecorded (<see cref="OutboundMessage.UnconfirmedSinceUtc"/>) is not sent again until the provider has been
/// asked for a text to the same number with the same body accepted since then. If it has one, that text is
/// recorded as this row's; if the provider cannot be asked, the row waits and asks again rather than guessing.
/// </summary>
internal static class OutboxReconciliation
{
    /// <summary>Our clock and the provider's may disagree by this much; the window reaches back that far further.</summary>
    internal static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    /// <summary>
    /// An in-doubt row waits at least this long before it is looked up and perhaps sent again: by then a text the
    /// provider took has normally been reported to <c>/sms/status</c> (which records it on the row) or sent, so the
    /// list lookup sees it. Short, because the text may be a crisis reply that never left.
    /// </summary>
    internal static readonly TimeSpan SettleTime = TimeSpan.FromMinutes(1);

    /// <summary>The outcome to record instead of sending, or null when nothing went out and the row should be sent.</summary>
    public static async Task<SendOutcome?> ReconcileAsync(BuddyDbContext db, ISmsSender sender, OutboundMessage message, CancellationToken cancellationToken)
    {
        if (message.UnconfirmedSinceUtc is not { } since)
        {
            return null;
        }

        var lookup = await sender.FindSentAsync(new SmsRequest(message.ToPhone, message.Body, null), since - ClockSkew, cancellationToken);
        if (lookup is SentLookup.Unavailable unavailable)
        {
            return new SendOutcome.RetryLater(unavailable.RetryAfter, unavailable.Code,
                $"Not sent again yet: an earlier attempt may have gone through and the provider could not be asked ({unavailable.Message}).", MayHaveBeenSent: true);
        }

        // A text with the same words may belong to another row (two identical crisis replies on one day): only a
        // provider id no other row has recorded can be this row's.
        var texts = ((SentLookup.Answered)lookup).Texts;
        var ids = texts.Select(t => t.ProviderMessageId).ToList();
        var taken = await db.OutboundMessages
            .Where(m => m.Id != message.Id && m.ProviderMessageId != null && ids.Contains(m.ProviderMessageId))
            .Select(m => m.ProviderMessageId!)
            .ToListAsync(cancellationToken);
        var match = texts.Where(t => !taken.Contains(t.ProviderMessageId)).OrderBy(t => t.AcceptedAtUtc).FirstOrDefault();
        return match is null ? null : new SendOutcome.Accepted(match.ProviderMessageId, match.Status);
    }
}
