using Buddy.Domain.Goals;
using Buddy.Gateway.Data;
using Microsoft.EntityFrameworkCore;

namespace Buddy.Gateway.Goals;

/// <summary>Goal progress for the pre-session summary: every active or paused goal, and others with replies in the period.</summary>
public sealed class GoalQueries(BuddyDbContext db)
{
    /// <summary>
    /// How many of a goal's latest replies any screen or the API lists under it (the summary, the session-cycle page,
    /// /api/v1 goals): about two weeks of daily replies, what a worker reads before a session; older ones stay in the
    /// counts, which always cover the whole period. One number, so the page and the API never disagree.
    /// </summary>
    public const int RecentRepliesShown = 10;

    public async Task<IReadOnlyList<GoalProgressSummary>> GetProgressAsync(
        Guid organisationId, Guid serviceUserId, DateTime fromUtc, DateTime toUtc, CancellationToken cancellationToken)
    {
        var progress = await db.GoalProgress.AsNoTracking()
            .Where(p => p.OrganisationId == organisationId && p.ServiceUserId == serviceUserId && p.RecordedAtUtc >= fromUtc && p.RecordedAtUtc < toUtc)
            .ToListAsync(cancellationToken);
        var withReplies = progress.Select(p => p.GoalId).Distinct().ToList();
        var goals = await db.Goals.AsNoTracking()
            .Where(g => g.OrganisationId == organisationId && g.ServiceUserId == serviceUserId && (g.Status == GoalStatus.Active || g.Status == GoalStatus.Paused || withReplies.Contains(g.Id)))
            .OrderBy(g => g.CreatedAtUtc)
            .ToListAsync(cancellationToken);
        return [.. goals.Select(g => GoalProgressSummary.Build(g, progress))];
    }

    /// <summary>The one ownership check for a goal named in a path or a form: it exists and is this person's.</summary>
    public Task<bool> BelongsToAsync(Guid serviceUserId, Guid goalId, CancellationToken cancellationToken) =>
        db.Goals.AnyAsync(g => g.Id == goalId && g.ServiceUserId == serviceUserId, cancellationToken);

    /// <summary>Every goal of a person (active and paused first, then by age) with its <see cref="RecentRepliesShown"/> most recent replies.</summary>
    public async Task<IReadOnlyList<GoalListItem>> ListAsync(Guid organisationId, Guid serviceUserId, CancellationToken cancellationToken)
    {
        var goals = await db.Goals.AsNoTracking()
            .Where(g => g.OrganisationId == organisationId && g.ServiceUserId == serviceUserId)
            .OrderBy(g => g.CreatedAtUtc)
            .ToListAsync(cancellationToken);
        var ids = goals.Select(g => g.Id).ToList();
        var progress = await db.GoalProgress.AsNoTracking()
            .Where(p => p.OrganisationId == organisationId && ids.Contains(p.GoalId))
            .ToListAsync(cancellationToken);
        return [.. goals
            .OrderBy(g => g.Status is GoalStatus.Active or GoalStatus.Paused ? 0 : 1)
            .Select(g => new GoalListItem(g, [.. progress.Where(p => p.GoalId == g.Id).OrderByDescending(p => p.RecordedAtUtc).Take(RecentRepliesShown)]))];
    }
}

/// <param name="Recent">The latest replies to its reminders, newest first.</param>
public sealed record GoalListItem(Goal Goal, IReadOnlyList<GoalProgress> Recent);
