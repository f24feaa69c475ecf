using Buddy.Domain.ServiceUsers;
using Buddy.Domain.Sms;
using Buddy.Gateway.Audit;
using Buddy.Gateway.Data;
using Buddy.Gateway.Sms.Outbox;
using Microsoft.EntityFrameworkCore;

namespace Buddy.Gateway.Sms;

/// <summary>
/// Opting a service user out or back in, whoever noticed it (their STOP text, Twilio's 21610, a status
/// callback). Changes tracked entities on <paramref name="db"/>; the caller saves them with its own work.
/// </summary>
internal static class ConsentChanges
{
    /// <summary>Returns false when the person was already opted out (nothing changed, nothing to confirm).</summary>
    public static async Task<bool> OptOutAsync(BuddyDbContext db, ServiceUser user, DateTime nowUtc, string reason, CancellationToken cancellationToken)
    {
        if (user.Consent == ConsentState.OptedOut)
        {
            return false;
        }

        Change(db, user, ConsentState.OptedOut, nowUtc, "consent.opted-out", reason);

        // Routine texts already queued would be cancelled by the dispatcher anyway; withdrawing them now keeps
        // the outbox honest for anyone reading it.
        var queued = await db.OutboundMessages
            .Where(m => m.ServiceUserId == user.Id && m.Status == OutboundStatus.Pending)
            .ToListAsync(cancellationToken);
        foreach (var message in queued.Where(m => m.Kind.IsRoutine()))
        {
            message.Status = OutboundStatus.Cancelled;
            message.ErrorCode = OutboxCancelReasons.OptedOut;
            message.ErrorMessage = "Cancelled: the person opted out before it was sent.";
            message.StatusUpdatedAtUtc = nowUtc;
        }

        return true;
    }

    /// <summary>Returns false when the person was not opted out.</summary>
    public static bool OptIn(BuddyDbContext db, ServiceUser user, DateTime nowUtc, string reason)
    {
        if (user.Consent == ConsentState.OptedIn)
        {
            return false;
        }

        Change(db, user, ConsentState.OptedIn, nowUtc, "consent.opted-in", reason);
        return true;
    }

    private static void Change(BuddyDbContext db, ServiceUser user, ConsentState consent, DateTime nowUtc, string action, string reason)
    {
        user.Consent = consent;
        user.ConsentChangedAtUtc = nowUtc;
        user.UpdatedAtUtc = nowUtc;
        AuditTrail.Stage(db, AuditActor.ServiceUser, user.OrganisationId, action, user.Id, AuditEntities.ServiceUser, user.Id.ToString(), reason, nowUtc);
    }
}
