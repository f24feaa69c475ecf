using System.Globalization;
using Buddy.Domain.Organisations;

namespace Buddy.Domain.Replies;

/// <summary>
/// Finds the mood score in a tokenised reply: only a number the person gave (digits or words), never a face or a
/// mood word. Every number is judged by its neighbours (<see cref="ScoreJudge"/>); the strongest wins, then the
/// first, except that a revision ("4 *5", "was gonna say 8 but more like a 7") replaces what came before it.
/// </summary>
internal static class MoodReader
{
    public static MoodReading Read(ReadOnlySpan<char> text, ReadOnlySpan<ReplyToken> tokens, MoodScale scale)
    {
        var reply = new ReplyView(text, tokens);
        var best = default(ScoreCandidate);
        var haveBest = false;
        var revisedEarlier = false;
        string? rejection = null;
        var rejectionRank = ScoreRank.None;
        for (var i = 0; i < tokens.Length; i++)
        {
            if (tokens[i].Kind is not (TokenKind.Number or TokenKind.Mixed))
            {
                continue;
            }

            var candidate = ScoreJudge.Evaluate(reply, i, scale);
            if (candidate.Accepted)
            {
                if (haveBest && candidate.IsRevision)
                {
                    // The last value meant; the earlier one goes from the event text with it ("4 *5", "8 no wait 7").
                    best = candidate with { CutStart = Math.Min(best.CutStart, candidate.CutStart) };
                    revisedEarlier = true;
                }
                else if (!haveBest || candidate.Strength > best.Strength)
                {
                    best = candidate;
                    haveBest = true;
                }
            }
            else if (candidate.Rank > rejectionRank)
            {
                rejection = candidate.Note;
                rejectionRank = candidate.Rank;
            }

            i = Math.Max(i, candidate.Last);
        }

        // A correction of an earlier text ("sorry I meant 5") replaces the day's score; a revision within this text does not.
        return haveBest
            ? new MoodReading(best.Value, best.Note, best.IsCorrection && !revisedEarlier, best.CutStart, best.CutEnd)
            : new MoodReading(null, rejection, false, -1, -1);
    }

    internal static string Format(double score) => score.ToString("0.##", CultureInfo.InvariantCulture);
}
