using Buddy.Domain.Conversations;
using Buddy.Domain.ServiceUsers;
using Buddy.Domain.Sessions;
using Buddy.Domain.Time;
using Buddy.Domain.Validation;
using Buddy.Gateway.Audit;
using Buddy.Gateway.Conversations;
using Buddy.Gateway.Data;
using Microsoft.EntityFrameworkCore;

namespace Buddy.Gateway.Sessions;

/// <summary>
/// What therapists do with appointments: record the next session, move it, and mark it attended, missed or
/// cancelled. Every call is scoped to the caller's organisation; caseload checks belong to the page that calls.
/// A request it cannot carry out comes back refused, with one plain sentence saying why.
/// </summary>
public sealed class SessionService(BuddyDbContext db, TimeProvider clock)
{
    public const int MaxLocationLength = 200;

    public async Task<Change<TherapySession>> RecordAsync(Guid organisationId, Guid serviceUserId, SessionBooking booking, AuditActor actor, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var admitted = await CyclePeople.FindNotDischargedAsync(db, organisationId, serviceUserId, "sessions cannot be booked", cancellationToken);
        if (admitted.Saved is not { } person)
        {
            return admitted.Refusal<TherapySession>();
        }

        var startsAt = LocalTimes.ToUtc(booking.Date, booking.Time, person.TimeZoneId);
        if (BookingRefusal(startsAt, booking.Location, now) is { } refusal)
        {
            return Change.Refused<TherapySession>(refusal);
        }

        var session = new TherapySession
        {
            OrganisationId = organisationId,
            ServiceUserId = person.Id,
            TherapistId = person.TherapistId ?? actor.StaffId, // a manager booking for a therapist's client books the therapist
            StartsAtUtc = startsAt,
            Location = booking.Location.Trim(),
            CreatedAtUtc = now,
        };
        db.TherapySessions.Add(session);
        AuditTrail.Stage(db, actor, organisationId, "session.recorded", person.Id, AuditEntities.Session, session.Id.ToString(), null, now);
        await db.SaveChangesAsync(cancellationToken);
        return Change.Saved(session);
    }

    /// <summary>Moves a scheduled session. A reminder already sent is sent again for the new time.</summary>
    public async Task<Change<TherapySession>> RescheduleAsync(Guid organisationId, Guid sessionId, SessionBooking booking, AuditActor actor, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (await FindAsync(organisationId, sessionId, cancellationToken) is not { } session)
        {
            return Change.NotFound<TherapySession>();
        }

        if (session.Status != SessionStatus.Scheduled)
        {
            return Change.Refused<TherapySession>($"Only a scheduled session can be moved; this one is {session.Status.ToString().ToLowerInvariant()}.");
        }

        var person = await db.ServiceUsers.SingleAsync(s => s.Id == session.ServiceUserId, cancellationToken);
        var startsAt = LocalTimes.ToUtc(booking.Date, booking.Time, person.TimeZoneId);
        if (BookingRefusal(startsAt, booking.Location, now) is { } refusal)
        {
            return Change.Refused<TherapySession>(refusal);
        }

        if (startsAt != session.StartsAtUtc)
        {
            session.StartsAtUtc = startsAt;
            session.ReminderSentAtUtc = null;
            await CloseAgendaAsync(session.Id, ConversationStatus.Cancelled, now, cancellationToken);
        }

        session.Location = booking.Location.Trim();
        AuditTrail.Stage(db, actor, organisationId, "session.rescheduled", session.ServiceUserId, AuditEntities.Session, session.Id.ToString(), null, now);
        await db.SaveChangesAsync(cancellationToken);
        return Change.Saved(session);
    }

    /// <summary>Marks what happened: attended, missed (did not attend) or cancelled.</summary>
    public async Task<Change<TherapySession>> MarkAsync(Guid organisationId, Guid sessionId, SessionStatus status, AuditActor actor, CancellationToken cancellationToken)
    {
        if (status == SessionStatus.Scheduled)
        {
            return Change.Refused<TherapySession>("A session can be marked attended, missed or cancelled.");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (await FindAsync(organisationId, sessionId, cancellationToken) is not { } session)
        {
            return Change.NotFound<TherapySession>();
        }

        if (status is SessionStatus.Attended or SessionStatus.Missed && session.StartsAtUtc > now)
        {
            return Change.Refused<TherapySession>("A session cannot be marked attended or missed before it starts.");
        }

        session.Status = status;
        await CloseAgendaAsync(session.Id, ConversationStatus.Cancelled, now, cancellationToken);
        AuditTrail.Stage(db, actor, organisationId, $"session.{status.ToString().ToLowerInvariant()}", session.ServiceUserId, AuditEntities.Session, session.Id.ToString(), null, now);
        await db.SaveChangesAsync(cancellationToken);
        return Change.Saved(session);
    }

    private Task<TherapySession?> FindAsync(Guid organisationId, Guid sessionId, CancellationToken cancellationToken) =>
        db.TherapySessions.SingleOrDefaultAsync(s => s.Id == sessionId && s.OrganisationId == organisationId, cancellationToken);

    private async Task CloseAgendaAsync(Guid sessionId, ConversationStatus status, DateTime now, CancellationToken cancellationToken)
    {
        var open = await db.Conversations
            .Where(c => c.SubjectId == sessionId && c.Kind == ConversationKind.Agenda && c.Status == ConversationStatus.Open)
            .ToListAsync(cancellationToken);
        open.ForEach(c => c.Close(status, now));
    }

    /// <summary>Why a session cannot be booked at that time and place, or null when it can.</summary>
    private static string? BookingRefusal(DateTime startsAtUtc, string location, DateTime now)
    {
        var trimmed = location.Trim();
        if (startsAtUtc <= now)
        {
            return "The session must be in the future.";
        }

        if (trimmed.Length == 0)
        {
            return "Say where the session is: a place, or video or phone.";
        }

        return trimmed.Length <= MaxLocationLength ? null : $"The place must be at most {MaxLocationLength} characters.";
    }
}
