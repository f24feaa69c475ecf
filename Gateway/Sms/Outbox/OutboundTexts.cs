using Buddy.Domain.ServiceUsers;
using Buddy.Domain.Sms;
using Buddy.Gateway.Data;
using Buddy.Gateway.Email;
using Microsoft.EntityFrameworkCore;

namespace Buddy.Gateway.Sms.Outbox;

/// <summary>
/// The one way any feature puts a text in the SMS outbox. Build the row with <see cref="To"/> (a service user at
/// their number) or <see cref="ToPhone"/> (staff, or the number a reply came from), add it to the context that saves
/// the change causing it (<see cref="Queue"/>, or <see cref="QueueOnceAsync"/> when a repeated run must add nothing),
/// and, for a text that must not wait for the next poll, <see cref="WakeWhenSaved"/>. A row is Pending and due at once
/// unless a not-before time is given (quiet hours); consent and quiet hours are the caller's decision, made before
/// building, and the dispatcher checks consent again before sending a routine kind.
/// <para>
/// What the SMS and email outboxes share, decided deliberately: the row's life (Pending, then Sending under a lease,
/// then Sent or Failed, nothing deleted), a unique DedupeKey per row, and the wake-up after save here. What they do
/// not share: the claim, because an SMS row may be claimed only while no other text with the same number and words is
/// in doubt (Twilio takes no idempotency key; see <see cref="OutboxClaims"/>) and must be one statement per batch at
/// check-in volume, while email (a handful of safeguarding alerts, SMTP with no such ambiguity) claims row by row with
/// a conditional update; and the backoff, because SMS must honour the provider's Retry-After and spread a backlog
/// with jitter, while email retries a single relay on a plain doubling schedule up to an hour. Sharing either would
/// tie email to Twilio's rules or weaken the SMS claim.
/// </para>
/// </summary>
public static class OutboundTexts
{
    /// <summary>A text to a service user at their number; the caller has checked <see cref="ServiceUser.MayNotBeTexted"/>.</summary>
    public static OutboundMessage To(ServiceUser person, OutboundKind kind, string body, string? dedupeKey, DateTime nowUtc, DateTime? notBeforeUtc = null) =>
        ToPhone(
            person.OrganisationId,
            person.Id,
            person.PhoneE164 ?? throw new InvalidOperationException("A text to a service user needs their phone number; check MayNotBeTexted first."),
            kind, body, dedupeKey, nowUtc, notBeforeUtc);

    /// <summary>A text to any number: staff (no service user), or the number a service user's reply came from.</summary>
    public static OutboundMessage ToPhone(
        Guid organisationId, Guid? serviceUserId, string toPhone, OutboundKind kind, string body, string? dedupeKey, DateTime nowUtc, DateTime? notBeforeUtc = null) => new()
    {
        OrganisationId = organisationId,
        ServiceUserId = serviceUserId,
        ToPhone = toPhone,
        Body = body,
        Kind = kind,
        DedupeKey = dedupeKey,
        Status = OutboundStatus.Pending,
        NotBeforeUtc = notBeforeUtc ?? nowUtc,
        CreatedAtUtc = nowUtc,
    };

    /// <summary>Adds the row to be saved with the change that caused it (the database refuses a used DedupeKey at save).</summary>
    public static OutboundMessage Queue(BuddyDbContext db, OutboundMessage message)
    {
        db.OutboundMessages.Add(message);
        return message;
    }

    /// <summary>
    /// Adds a text to the person unless its key is already used (in this context or the database) or they have no
    /// number left; returns the new row or null. For replies and reminders that a re-processed reply or a repeated
    /// run may ask for again, where a refused save would undo the rest of the change.
    /// </summary>
    public static async Task<OutboundMessage?> QueueOnceAsync(
        BuddyDbContext db, ServiceUser person, OutboundKind kind, string body, string dedupeKey, DateTime nowUtc, CancellationToken cancellationToken,
        DateTime? notBeforeUtc = null)
    {
        if (person.PhoneE164 is null ||
            IsQueuedHere(db, dedupeKey) ||
            await db.OutboundMessages.AnyAsync(m => m.DedupeKey == dedupeKey, cancellationToken))
        {
            return null;
        }

        return Queue(db, To(person, kind, body, dedupeKey, nowUtc, notBeforeUtc));
    }

    /// <summary>
    /// Whether this context already holds a row with the key, read without DetectChanges: the key is set when the
    /// row is built, and in an inbound batch <c>DbSet.Local</c> would otherwise scan every tracked entity once per reply.
    /// </summary>
    private static bool IsQueuedHere(BuddyDbContext db, string dedupeKey)
    {
        var detect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            return db.OutboundMessages.Local.Any(m => m.DedupeKey == dedupeKey);
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = detect;
        }
    }

    /// <summary>
    /// Wakes the SMS dispatcher (and the email one, when given) once the context has saved, not before, so the
    /// dispatcher finds the rows instead of waking to an empty outbox and sleeping a whole poll.
    /// </summary>
    public static void WakeWhenSaved(BuddyDbContext db, IOutboxSignal outbox, EmailSignal? email = null)
    {
        void OnSaved(object? sender, SavedChangesEventArgs e)
        {
            db.SavedChanges -= OnSaved;
            outbox.Wake();
            email?.Wake();
        }

        db.SavedChanges += OnSaved;
    }
}
