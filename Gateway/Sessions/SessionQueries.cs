using Buddy.Domain.Sessions;
using Buddy.Gateway.Data;
using Microsoft.EntityFrameworkCore;

namespace Buddy.Gateway.Sessions;

/// <summary>
/// Sessions for the pre-session summary: the last attended and the next scheduled session, the default summary
/// period between them, and the agenda notes the person sent for the next one (shown at the top of the page).
/// </summary>
public sealed class SessionQueries(BuddyDbContext db)
{
    /// <summary>Without a previous session, the summary looks back this far.</summary>
    public static readonly TimeSpan DefaultLookBack = TimeSpan.FromDays(14);

    public async Task<SessionOverview> GetOverviewAsync(Guid organisationId, Guid serviceUserId, DateTime nowUtc, CancellationToken cancellationToken)
    {
        var sessions = db.TherapySessions.AsNoTracking().Where(s => s.OrganisationId == organisationId && s.ServiceUserId == serviceUserId);
        var last = await sessions
            .Where(s => s.Status == SessionStatus.Attended && s.StartsAtUtc <= nowUtc)
            .OrderByDescending(s => s.StartsAtUtc)
            .FirstOrDefaultAsync(cancellationToken);
        var next = await sessions
            .Where(s => s.Status == SessionStatus.Scheduled && s.StartsAtUtc > nowUtc)
            .OrderBy(s => s.StartsAtUtc)
            .FirstOrDefaultAsync(cancellationToken);
        var lastView = last is null ? null : SessionView.From(last);
        var nextView = next is null ? null : SessionView.From(next);
        return new SessionOverview(lastView, nextView, lastView?.StartsAtUtc ?? nowUtc - DefaultLookBack, nextView?.StartsAtUtc ?? nowUtc);
    }

    /// <summary>Every session for a person, newest first, for the appointments list.</summary>
    public async Task<IReadOnlyList<SessionView>> ListAsync(Guid organisationId, Guid serviceUserId, CancellationToken cancellationToken) =>
        (await db.TherapySessions.AsNoTracking()
            .Where(s => s.OrganisationId == organisationId && s.ServiceUserId == serviceUserId)
            .OrderByDescending(s => s.StartsAtUtc)
            .ToListAsync(cancellationToken))
        .Select(SessionView.From)
        .ToList();
}

/// <param name="PeriodStartUtc">The summary's default start: the last attended session (or two weeks back).</param>
/// <param name="PeriodEndUtc">The summary's default end: the next session (or now).</param>
public sealed record SessionOverview(SessionView? Last, SessionView? Next, DateTime PeriodStartUtc, DateTime PeriodEndUtc)
{
    /// <summary>What the person wants to talk about next time, in their own words; null when they sent nothing.</summary>
    public string? NextAgendaNotes => Next?.AgendaNotes;
}

public sealed record SessionView(Guid Id, DateTime StartsAtUtc, string? Location, SessionStatus Status, string? AgendaNotes, DateTime? ReminderSentAtUtc)
{
    public static SessionView From(TherapySession s) => new(s.Id, s.StartsAtUtc, s.Location, s.Status, s.AgendaNotes, s.ReminderSentAtUtc);
}
