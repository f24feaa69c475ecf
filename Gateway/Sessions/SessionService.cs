using Buddy.Domain.Conversations;
using Buddy.Domain.ServiceUsers;
using Buddy.Domain.Sessions;
using Buddy.Domain.Time;
using Buddy.Gateway.Audit;
using Buddy.Gateway.Conversations;
using Buddy.Gateway.Data;
using Microsoft.EntityFrameworkCore;

namespace Buddy.Gateway.Sessions;

/// <summary>
/// What therapists do with appointments: record the next session, move it, and mark it attended, missed or
/// cancelled. Every call is scoped to the caller's organisation; caseload checks belong to the page that calls.
/// </summary>
public sealed class SessionService(BuddyDbContext db, TimeProvider clock)
{
    public const int MaxLocationLength = 200;

    public async Task<TherapySession> RecordAsync(Guid organisationId, Guid serviceUserId, SessionBooking booking, AuditActor actor, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var person = await CyclePeople.FindNotDischargedAsync(db, organisationId, serviceUserId, "sessions cannot be booked", cancellationToken);

        var session = new TherapySession
        {
            OrganisationId = organisationId,
            ServiceUserId = person.Id,
            TherapistId = person.TherapistId ?? actor.StaffId, // a manager booking for a therapist's client books the therapist
            StartsAtUtc = StartsAtUtc(person, booking, now),
            Location = CleanLocation(booking.Location),
            CreatedAtUtc = now,
        };
        db.TherapySessions.Add(session);
        AuditTrail.Stage(db, actor, organisationId, "session.recorded", person.Id, AuditEntities.Session, session.Id.ToString(), null, now);
        await db.SaveChangesAsync(cancellationToken);
        return session;
    }

    /// <summary>Moves a scheduled session. A reminder already sent is sent again for the new time.</summary>
    public async Task<TherapySession> RescheduleAsync(Guid organisationId, Guid sessionId, SessionBooking booking, AuditActor actor, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var session = await FindAsync(organisationId, sessionId, cancellationToken);
        if (session.Status != SessionStatus.Scheduled)
        {
            throw new CycleValidationException($"Only a scheduled session can be moved; this one is {session.Status.ToString().ToLowerInvariant()}.");
        }

        var person = await db.ServiceUsers.SingleAsync(s => s.Id == session.ServiceUserId, cancellationToken);
        var startsAt = StartsAtUtc(person, booking, now);
        if (startsAt != session.StartsAtUtc)
        {
            session.StartsAtUtc = startsAt;
            session.ReminderSentAtUtc = null;
            await CloseAgendaAsync(session.Id, ConversationStatus.Cancelled, now, cancellationToken);
        }

        session.Location = CleanLocation(booking.Location);
        AuditTrail.Stage(db, actor, organisationId, "session.rescheduled", session.ServiceUserId, AuditEntities.Session, session.Id.ToString(), null, now);
        await db.SaveChangesAsync(cancellationToken);
        return session;
    }

    /// <summary>Marks what happened: attended, missed (did not attend) or cancelled.</summary>
    public async Task<TherapySession> MarkAsync(Guid organisationId, Guid sessionId, SessionStatus status, AuditActor actor, CancellationToken cancellationToken)
    {
        if (status == SessionStatus.Scheduled)
        {
            throw new CycleValidationException("A session can be marked attended, missed or cancelled.");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var session = await FindAsync(organisationId, sessionId, cancellationToken);
        if (status is SessionStatus.Attended or SessionStatus.Missed && session.StartsAtUtc > now)
        {
            throw new CycleValidationException("A session cannot be marked attended or missed before it starts.");
        }

        session.Status = status;
        await CloseAgendaAsync(session.Id, ConversationStatus.Cancelled, now, cancellationToken);
        AuditTrail.Stage(db, actor, organisationId, $"session.{status.ToString().ToLowerInvariant()}", session.ServiceUserId, AuditEntities.Session, session.Id.ToString(), null, now);
        await db.SaveChangesAsync(cancellationToken);
        return session;
    }

    private async Task<TherapySession> FindAsync(Guid organisationId, Guid sessionId, CancellationToken cancellationToken) =>
        await db.TherapySessions.SingleOrDefaultAsync(s => s.Id == sessionId && s.OrganisationId == organisationId, cancellationToken)
        ?? throw new CycleValidationException("That session does not exist.");

    private async Task CloseAgendaAsync(Guid sessionId, ConversationStatus status, DateTime now, CancellationToken cancellationToken)
    {
        var open = await db.Conversations
            .Where(c => c.SubjectId == sessionId && c.Kind == ConversationKind.Agenda && c.Status == ConversationStatus.Open)
            .ToListAsync(cancellationToken);
        open.ForEach(c => c.Close(status, now));
    }

    private static DateTime StartsAtUtc(ServiceUser person, SessionBooking booking, DateTime now)
    {
        var startsAt = LocalTimes.ToUtc(booking.Date, booking.Time, person.TimeZoneId);
        return startsAt > now ? startsAt : throw new CycleValidationException("The session must be in the future.");
    }

    private static string CleanLocation(string location)
    {
        var trimmed = location.Trim();
        if (trimmed.Length == 0)
        {
            throw new CycleValidationException("Say where the session is: a place, or video or phone.");
        }

        return trimmed.Length <= MaxLocationLength ? trimmed : throw new CycleValidationException($"The place must be at most {MaxLocationLength} characters.");
    }
}
