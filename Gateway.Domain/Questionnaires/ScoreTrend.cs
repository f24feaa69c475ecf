namespace Buddy.Domain.Questionnaires;

/// <summary>One completed questionnaire's score, for the summary.</summary>
public sealed record ScorePoint(DateTime CompletedAtUtc, int Total, Severity Severity, bool RiskFlagged);

/// <summary>How a person's scores on one questionnaire moved, read the way services report them.</summary>
public enum TrendDirection
{
    /// <summary>Fewer than two scores.</summary>
    NotEnoughScores,

    /// <summary>Down by at least the reliable-change threshold.</summary>
    ReliablyImproved,

    /// <summary>Up by at least the reliable-change threshold.</summary>
    ReliablyDeteriorated,

    /// <summary>Moved less than the threshold: within measurement noise.</summary>
    NoReliableChange,
}

/// <param name="Points">Oldest first.</param>
/// <param name="Change">Latest minus first; negative is better (lower symptom scores).</param>
public sealed record ScoreTrend(QuestionnaireKind Kind, IReadOnlyList<ScorePoint> Points, int? Change, TrendDirection Direction, bool LatestAboveCaseness)
{
    public ScorePoint? Latest => Points.Count == 0 ? null : Points[^1];

    /// <summary>Compares the latest score with the first in the period, against the instrument's reliable-change threshold.</summary>
    public static ScoreTrend Build(QuestionnaireDefinition definition, IEnumerable<ScorePoint> points)
    {
        var ordered = points.OrderBy(p => p.CompletedAtUtc).ToList();
        if (ordered.Count == 0)
        {
            return new ScoreTrend(definition.Kind, ordered, null, TrendDirection.NotEnoughScores, false);
        }

        var latest = ordered[^1];
        var aboveCaseness = latest.Total >= definition.Caseness;
        if (ordered.Count < 2)
        {
            return new ScoreTrend(definition.Kind, ordered, null, TrendDirection.NotEnoughScores, aboveCaseness);
        }

        var change = latest.Total - ordered[0].Total;
        var direction = change <= -definition.ReliableChange ? TrendDirection.ReliablyImproved
            : change >= definition.ReliableChange ? TrendDirection.ReliablyDeteriorated
            : TrendDirection.NoReliableChange;
        return new ScoreTrend(definition.Kind, ordered, change, direction, aboveCaseness);
    }
}
