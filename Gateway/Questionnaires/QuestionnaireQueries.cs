using Buddy.Domain.Questionnaires;
using Buddy.Gateway.Data;
using Microsoft.EntityFrameworkCore;

namespace Buddy.Gateway.Questionnaires;

/// <summary>
/// Questionnaire scores for the pre-session summary: for each instrument the person has completed, every score
/// so far (oldest first) with its band and the trend against the reliable-change threshold; plus the questionnaires
/// sent in the period that are in progress, expired or cancelled, so a gap is explained.
/// </summary>
public sealed class QuestionnaireQueries(BuddyDbContext db)
{
    public async Task<QuestionnaireOverview> GetOverviewAsync(
        Guid organisationId, Guid serviceUserId, DateTime fromUtc, DateTime toUtc, CancellationToken cancellationToken)
    {
        var runs = await db.QuestionnaireRuns.AsNoTracking()
            .Where(r => r.OrganisationId == organisationId && r.ServiceUserId == serviceUserId)
            .OrderBy(r => r.StartedAtUtc)
            .ToListAsync(cancellationToken);

        var trends = runs
            .Where(r => r.Status == QuestionnaireStatus.Completed && r.CompletedAtUtc < toUtc)
            .GroupBy(r => r.Kind)
            .OrderBy(g => g.Key)
            .Select(g => ScoreTrend.Build(
                QuestionnaireDefinitions.For(g.Key),
                g.Select(r => new ScorePoint(r.CompletedAtUtc!.Value, r.TotalScore!.Value, r.Severity!.Value, r.RiskFlagged))))
            .ToList();

        var unfinishedRuns = runs
            .Where(r => r.Status != QuestionnaireStatus.Completed && r.StartedAtUtc >= fromUtc && r.StartedAtUtc < toUtc)
            .ToList();
        var unfinishedIds = unfinishedRuns.Select(r => r.Id).ToList();
        var answered = await db.QuestionnaireAnswers.AsNoTracking()
            .Where(a => unfinishedIds.Contains(a.RunId))
            .GroupBy(a => a.RunId)
            .Select(g => new { RunId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.RunId, x => x.Count, cancellationToken);
        var unfinished = unfinishedRuns
            .Select(r => new UnfinishedQuestionnaire(
                r.Id, r.Kind, r.Status, r.StartedAtUtc, answered.GetValueOrDefault(r.Id), QuestionnaireDefinitions.For(r.Kind).ItemCount, r.RiskFlagged))
            .ToList();

        return new QuestionnaireOverview(trends, unfinished);
    }

    /// <summary>A person's questionnaires, newest first: status, answers so far, and the score and band once completed.</summary>
    public async Task<IReadOnlyList<QuestionnaireRunView>> ListRunsAsync(Guid organisationId, Guid serviceUserId, int take, CancellationToken cancellationToken)
    {
        var runs = await db.QuestionnaireRuns.AsNoTracking()
            .Where(r => r.OrganisationId == organisationId && r.ServiceUserId == serviceUserId)
            .OrderByDescending(r => r.StartedAtUtc)
            .Take(take)
            .ToListAsync(cancellationToken);
        var ids = runs.Select(r => r.Id).ToList();
        var answered = await db.QuestionnaireAnswers.AsNoTracking()
            .Where(a => ids.Contains(a.RunId))
            .GroupBy(a => a.RunId)
            .Select(g => new { RunId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.RunId, x => x.Count, cancellationToken);
        return [.. runs.Select(r => new QuestionnaireRunView(r, answered.GetValueOrDefault(r.Id), QuestionnaireDefinitions.For(r.Kind).ItemCount))];
    }

    /// <summary>The one ownership check for a questionnaire named in a path or a form: the run when it is this person's.</summary>
    public Task<QuestionnaireRun?> FindRunAsync(Guid serviceUserId, Guid runId, CancellationToken cancellationToken) =>
        db.QuestionnaireRuns.AsNoTracking().SingleOrDefaultAsync(r => r.Id == runId && r.ServiceUserId == serviceUserId, cancellationToken);

    /// <summary>The person's every-N-weeks schedules, enabled or not, one per questionnaire at most.</summary>
    public async Task<IReadOnlyList<QuestionnaireSchedule>> ListSchedulesAsync(Guid organisationId, Guid serviceUserId, CancellationToken cancellationToken) =>
        await db.QuestionnaireSchedules.AsNoTracking()
            .Where(s => s.OrganisationId == organisationId && s.ServiceUserId == serviceUserId)
            .OrderBy(s => s.Kind)
            .ToListAsync(cancellationToken);
}

/// <summary>One questionnaire sent to a person; <see cref="Answered"/> of <see cref="ItemCount"/> items so far.</summary>
public sealed record QuestionnaireRunView(QuestionnaireRun Run, int Answered, int ItemCount)
{
    /// <summary>An in-progress run past its expiry reads as expired even before the sweep closes it.</summary>
    public QuestionnaireStatus StatusAt(DateTime nowUtc) =>
        Run.Status == QuestionnaireStatus.InProgress && !Run.IsOpenAt(nowUtc) ? QuestionnaireStatus.Expired : Run.Status;
}

public sealed record QuestionnaireOverview(IReadOnlyList<ScoreTrend> Trends, IReadOnlyList<UnfinishedQuestionnaire> Unfinished);

/// <summary>A questionnaire sent in the period and not completed (yet): in progress, expired or cancelled.</summary>
public sealed record UnfinishedQuestionnaire(
    Guid RunId, QuestionnaireKind Kind, QuestionnaireStatus Status, DateTime StartedAtUtc, int Answered, int ItemCount, bool RiskFlagged);
