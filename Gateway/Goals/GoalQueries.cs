using Buddy.Domain.Goals;
using Buddy.Gateway.Data;
using Microsoft.EntityFrameworkCore;

namespace Buddy.Gateway.Goals;

/// <summary>Goal progress for the pre-session summary: every active goal, and others with replies in the period.</summary>
public sealed class GoalQueries(BuddyDbContext db)
{
    public async Task<IReadOnlyList<GoalProgressSummary>> GetProgressAsync(
        Guid organisationId, Guid serviceUserId, DateTime fromUtc, DateTime toUtc, CancellationToken cancellationToken)
    {
        var progress = await db.GoalProgress.AsNoTracking()
            .Where(p => p.OrganisationId == organisationId && p.ServiceUserId == serviceUserId && p.RecordedAtUtc >= fromUtc && p.RecordedAtUtc < toUtc)
            .ToListAsync(cancellationToken);
        var withReplies = progress.Select(p => p.GoalId).Distinct().ToList();
        var goals = await db.Goals.AsNoTracking()
            .Where(g => g.OrganisationId == organisationId && g.ServiceUserId == serviceUserId && (g.Status == GoalStatus.Active || withReplies.Contains(g.Id)))
            .OrderBy(g => g.CreatedAtUtc)
            .ToListAsync(cancellationToken);
        return [.. goals.Select(g => GoalProgressSummary.Build(g, progress))];
    }
}
