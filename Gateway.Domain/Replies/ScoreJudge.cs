using Buddy.Domain.Organisations;

namespace Buddy.Domain.Replies;

/// <summary>
/// Judges one number of a reply in four steps, each in its own class: is its shape a score at all (<see cref="NotAScore"/>:
/// times, dates, codes, text-speak), what value does it give (<see cref="ScoreShape"/>: ranges, halves, "out of"),
/// does its context make it something else (<see cref="NotAScore"/>: counts, labels, months), and how strongly is it
/// meant as the score (<see cref="ScoreStrength"/>). Then the scale, and what to cut from the event text.
/// </summary>
internal static class ScoreJudge
{
    public static ScoreCandidate Evaluate(ReplyView reply, int i, MoodScale scale)
    {
        if (NotAScore.ByShape(reply, i) is { } notByShape)
        {
            return notByShape;
        }

        var shape = ScoreShape.Read(reply, i, scale);
        if (shape.Rejection is { } notByValue)
        {
            return notByValue;
        }

        if (!shape.IsOutOf && NotAScore.ByContext(reply, i, shape.Last) is { } notByContext)
        {
            return notByContext;
        }

        var strength = ScoreStrength.Of(reply, i, shape.Last, shape.IsOutOf);
        if (shape.Note is not null && strength.Value < ScoreCandidate.Soft)
        {
            strength = strength with { Value = ScoreCandidate.Soft, Ignored = false }; // a range is given as a score: "between six and seven"
        }

        if (strength.Ignored)
        {
            return ScoreCandidate.Ignore(shape.Last);
        }

        if (strength.Value == 0)
        {
            return ScoreCandidate.Reject(shape.Last, ScoreRank.Other, $"'{reply.Span(i, i)}' sits mid-sentence like a count, so it was not read as a score");
        }

        if (shape.Value < scale.Minimum() || shape.Value > scale.Maximum())
        {
            return ScoreCandidate.Reject(shape.Last, ScoreRank.OutOfScale,
                $"'{reply.Span(i, shape.Last)}' is outside the {scale.ToRangeText()} scale, so no score was recorded");
        }

        var (cutStart, cutEnd) = ScoreCut.Range(reply, i, shape.Last);
        return new ScoreCandidate(true, strength.Value, shape.Value, shape.Note, strength.IsCorrection, strength.IsRevision, cutStart, cutEnd, shape.Last, ScoreRank.None);
    }
}
