using Buddy.Domain.Sessions;
using Buddy.Gateway.Data;
using Microsoft.EntityFrameworkCore;

namespace Buddy.Gateway.Sessions;

/// <summary>
/// Sessions for the pre-session summary and the cycle: the last session and the next one (with the agenda notes the
/// person sent for it), and every session for the appointments list.
/// </summary>
public sealed class SessionQueries(BuddyDbContext db)
{
    /// <summary>
    /// The one definition of "last" and "next" session, used by the summary page, the JSON summary and the cycle.
    /// The last session is the latest that has started and was not missed or cancelled: a session nobody has marked
    /// yet most likely took place, so it still bounds the summary, and <see cref="SessionOverview.LastIsUnmarked"/>
    /// lets the page ask the therapist to mark it. The next is the earliest scheduled one still to start.
    /// </summary>
    public async Task<SessionOverview> GetOverviewAsync(Guid organisationId, Guid serviceUserId, DateTime nowUtc, CancellationToken cancellationToken)
    {
        var sessions = db.TherapySessions.AsNoTracking().Where(s => s.OrganisationId == organisationId && s.ServiceUserId == serviceUserId);
        var last = await sessions
            .Where(s => s.StartsAtUtc <= nowUtc && (s.Status == SessionStatus.Attended || s.Status == SessionStatus.Scheduled))
            .OrderByDescending(s => s.StartsAtUtc)
            .FirstOrDefaultAsync(cancellationToken);
        var next = await sessions
            .Where(s => s.Status == SessionStatus.Scheduled && s.StartsAtUtc > nowUtc)
            .OrderBy(s => s.StartsAtUtc)
            .FirstOrDefaultAsync(cancellationToken);
        return new SessionOverview(last is null ? null : SessionView.From(last), next is null ? null : SessionView.From(next));
    }

    /// <summary>The one ownership check for a session named in a path or a form: it exists and is this person's.</summary>
    public Task<bool> BelongsToAsync(Guid serviceUserId, Guid sessionId, CancellationToken cancellationToken) =>
        db.TherapySessions.AnyAsync(s => s.Id == sessionId && s.ServiceUserId == serviceUserId, cancellationToken);

    /// <summary>Every session for a person, newest first, for the appointments list.</summary>
    public async Task<IReadOnlyList<SessionView>> ListAsync(Guid organisationId, Guid serviceUserId, CancellationToken cancellationToken) =>
        (await db.TherapySessions.AsNoTracking()
            .Where(s => s.OrganisationId == organisationId && s.ServiceUserId == serviceUserId)
            .OrderByDescending(s => s.StartsAtUtc)
            .ToListAsync(cancellationToken))
        .Select(SessionView.From)
        .ToList();
}

/// <param name="Last">The last session that took place (attended, or started and not marked yet).</param>
/// <param name="Next">The next scheduled session.</param>
public sealed record SessionOverview(SessionView? Last, SessionView? Next)
{
    /// <summary>The last session has started but nobody has marked it attended or missed.</summary>
    public bool LastIsUnmarked => Last?.Status == SessionStatus.Scheduled;

    /// <summary>What the person wants to talk about next time, in their own words; null when they sent nothing.</summary>
    public string? NextAgendaNotes => Next?.AgendaNotes;
}

public sealed record SessionView(Guid Id, DateTime StartsAtUtc, string? Location, SessionStatus Status, string? AgendaNotes, DateTime? ReminderSentAtUtc)
{
    public static SessionView From(TherapySession s) => new(s.Id, s.StartsAtUtc, s.Location, s.Status, s.AgendaNotes, s.ReminderSentAtUtc);
}
