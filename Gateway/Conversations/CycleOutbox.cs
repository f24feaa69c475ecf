using Buddy.Domain.ServiceUsers;
using Buddy.Domain.Sms;
using Buddy.Domain.Templates;
using Buddy.Gateway.Data;
using Microsoft.EntityFrameworkCore;

namespace Buddy.Gateway.Conversations;

/// <summary>
/// Adds session-cycle texts to the outbox (the SMS feature sends them). The row is saved with the state change
/// that caused it; its DedupeKey makes a repeated run or a re-processed reply add nothing twice.
/// </summary>
internal static class CycleOutbox
{
    /// <summary>The new row, or null when the key was already used (or the person has no number left).</summary>
    public static async Task<OutboundMessage?> QueueAsync(
        BuddyDbContext db, ServiceUser person, OutboundKind kind, string body, string dedupeKey, DateTime nowUtc, CancellationToken cancellationToken,
        DateTime? notBeforeUtc = null)
    {
        if (person.PhoneE164 is null ||
            db.OutboundMessages.Local.Any(m => m.DedupeKey == dedupeKey) ||
            await db.OutboundMessages.AnyAsync(m => m.DedupeKey == dedupeKey, cancellationToken))
        {
            return null;
        }

        var message = new OutboundMessage
        {
            OrganisationId = person.OrganisationId,
            ServiceUserId = person.Id,
            ToPhone = person.PhoneE164,
            Body = body,
            Kind = kind,
            DedupeKey = dedupeKey,
            NotBeforeUtc = notBeforeUtc ?? nowUtc,
            CreatedAtUtc = nowUtc,
        };
        db.OutboundMessages.Add(message);
        return message;
    }

    /// <summary>The organisation's default wording for a kind of text, or Buddy's own when it has none.</summary>
    public static async Task<string> TemplateAsync(BuddyDbContext db, Guid organisationId, TemplateKind kind, string fallback, CancellationToken cancellationToken) =>
        await db.MessageTemplates
            .Where(t => t.OrganisationId == organisationId && t.Kind == kind && t.IsDefault)
            .Select(t => t.Body)
            .FirstOrDefaultAsync(cancellationToken) ?? fallback;
}
