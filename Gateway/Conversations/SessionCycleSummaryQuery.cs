using Buddy.Domain.Goals;
using Buddy.Gateway.Goals;
using Buddy.Gateway.Questionnaires;
using Buddy.Gateway.Sessions;

namespace Buddy.Gateway.Conversations;

/// <summary>
/// Everything the session cycle adds to the pre-session summary, in one call: the sessions (with the agenda notes
/// for the next one, shown at the top of the page), goal progress and questionnaire scores with their trend, over
/// the summary's period (by default from the last attended session to the next one).
/// </summary>
public sealed class SessionCycleSummaryQuery(SessionQueries sessions, GoalQueries goals, QuestionnaireQueries questionnaires)
{
    public async Task<SessionCycleSummary> GetAsync(
        Guid organisationId, Guid serviceUserId, DateTime nowUtc, DateTime? fromUtc, DateTime? toUtc, CancellationToken cancellationToken)
    {
        var overview = await sessions.GetOverviewAsync(organisationId, serviceUserId, nowUtc, cancellationToken);
        var from = fromUtc ?? overview.PeriodStartUtc;

        // Up to now at least: replies sent after the next session was booked but before it starts still count.
        var to = toUtc ?? (overview.PeriodEndUtc > nowUtc ? overview.PeriodEndUtc : nowUtc);
        return new SessionCycleSummary(
            overview,
            from,
            to,
            await goals.GetProgressAsync(organisationId, serviceUserId, from, to, cancellationToken),
            await questionnaires.GetOverviewAsync(organisationId, serviceUserId, from, to, cancellationToken));
    }
}

public sealed record SessionCycleSummary(
    SessionOverview Sessions, DateTime FromUtc, DateTime ToUtc, IReadOnlyList<GoalProgressSummary> Goals, QuestionnaireOverview Questionnaires);
