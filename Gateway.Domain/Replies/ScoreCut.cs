namespace Buddy.Domain.Replies;

/// <summary>What to cut from the event text with the score: its cue words ("my mood is about a"), "not 7" after a correction, framing punctuation.</summary>
internal static class ScoreCut
{
    public static (int Start, int End) Range(ReplyView reply, int i, int last)
    {
        var start = i;
        while (start > 0)
        {
            var before = reply.Tokens[start - 1];
            if ((before.Kind is TokenKind.Word or TokenKind.Mixed && MoodWords.StripBefore.Contains(reply.Slice(start - 1)))
                || (before.Kind == TokenKind.Symbol && reply.Text[before.Start] is ':' or '*' or '='))
            {
                start--;
            }
            else
            {
                break;
            }
        }

        var end = last + 1;
        if (reply.WordIs(end, "not") && reply.Count > end + 1 && reply.Tokens[end + 1].Kind == TokenKind.Number)
        {
            end += 2;
        }

        // Punctuation right after the score only framed it ("7. went", "10!!", "6 - college").
        while (end < reply.Count && reply.Tokens[end].Kind == TokenKind.Symbol && reply.Text[reply.Tokens[end].Start] is '.' or '!' or '?' or ',' or ':' or ';' or '-' or '\u2013' or ')' or '~')
        {
            end++;
        }

        return (start, end);
    }
}
