namespace Buddy.Domain.Replies;

/// <summary>How strongly a number is meant as the score, and whether it corrects or revises one.</summary>
internal readonly record struct Strength(int Value, bool Ignored, bool IsCorrection, bool IsRevision);

/// <summary>
/// Reads the cues around a number: a label ("mood 7", "mood=6") or an out-of ("7/10") makes it strong; "about a",
/// "feeling" soft; the start or end of the reply, or punctuation, weaker still; mid-sentence it is a count. A word
/// number must stand alone ("seven", "zero today honestly."), or "a one off" would be a score.
/// </summary>
internal static class ScoreStrength
{
    public static Strength Of(ReplyView reply, int i, int last, bool isOutOf)
    {
        var token = reply.Tokens[i];
        var spelled = token.Has(TokenFlags.Spelled);
        var next = last + 1;
        var starred = reply.SymbolAt(i - 1) == '*' && reply.Tokens[i - 1].End == token.Start; // "*5", "4 *5"
        var isCorrection = HasCorrectionCue(reply, i) || (starred && reply.IsAtStart(i - 1));
        var isRevision = isCorrection || starred || HasRevisionCue(reply, i);

        // "mood 7", "mood: 7", "mood=7"
        var cue = reply.SymbolAt(i - 1) is ':' or '=' ? reply.WordAt(i - 2) : reply.WordAt(i - 1);
        if (isOutOf || isCorrection || starred || MoodWords.StrongCues.Contains(cue))
        {
            return new Strength(ScoreCandidate.Strong, false, isCorrection, isRevision);
        }

        if (MoodWords.SoftCues.Contains(cue) && !(spelled && token.Value == 1))
        {
            // "a one off", "like two people": a word number then a word is not a score
            var ignored = spelled && next < reply.Count && reply.Tokens[next].Kind == TokenKind.Word && !MoodWords.TrailingFillers.Contains(reply.WordAt(next));
            return new Strength(ScoreCandidate.Soft, ignored, isCorrection, isRevision);
        }

        var atStart = reply.IsAtStart(i);
        var atEnd = reply.IsAtEnd(next);
        if (spelled)
        {
            // A number word needs to stand alone: "seven", "seven, went out", "went out. seven", "zero today honestly."
            var standsAlone = (atStart && (atEnd || reply.IsBoundary(next) || reply.OnlyFillersToBoundary(next)))
                || (atEnd && (atStart || reply.IsBoundary(i - 1)));
            return standsAlone ? new Strength(ScoreCandidate.Edge, false, isCorrection, isRevision) : new Strength(0, true, false, false);
        }

        if (atStart || atEnd)
        {
            return new Strength(ScoreCandidate.Edge, false, isCorrection, isRevision);
        }

        return reply.IsBoundary(i - 1) || reply.IsBoundary(next)
            ? new Strength(ScoreCandidate.Isolated, false, isCorrection, isRevision)
            : new Strength(isRevision ? ScoreCandidate.Isolated : 0, false, isCorrection, isRevision);
    }

    /// <summary>Within a few words before the number: "sorry I meant 5", "actually 6", "make that a 5".</summary>
    private static bool HasCorrectionCue(ReplyView reply, int i)
    {
        for (var j = i - 1; j >= 0 && j >= i - 6; j--)
        {
            var token = reply.Tokens[j];
            if (token.Kind == TokenKind.Word)
            {
                var word = reply.Slice(j);
                if (MoodWords.CorrectionCues.Contains(word))
                {
                    return true;
                }

                if (!MoodWords.CorrectionBridges.Contains(word))
                {
                    return false;
                }
            }
            else if (token.Kind != TokenKind.Symbol || reply.Text[token.Start] is not (',' or '-' or ':' or '.' or '!' or '*'))
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>"4 no 5", "8... well 7", "was gonna say 8 but more like a 7": a later number that takes the place of an earlier one.</summary>
    private static bool HasRevisionCue(ReplyView reply, int i)
    {
        for (var j = i - 1; j >= 0 && j >= i - 6; j--)
        {
            var token = reply.Tokens[j];
            if (token.Kind is TokenKind.Number or TokenKind.Mixed)
            {
                return false;
            }

            if (token.Kind == TokenKind.Word)
            {
                if (MoodWords.RevisionCues.Contains(reply.Slice(j)))
                {
                    return true;
                }

                if (!MoodWords.RevisionBridges.Contains(reply.Slice(j)))
                {
                    return false; // "7 but my sister got a 9": the 9 is about someone else
                }
            }
        }

        return false;
    }
}
