namespace Buddy.Domain.Replies;

/// <summary>
/// Numbers that are something other than a score (LABELS.md): clock times, dates, hours worked, results, ages,
/// counts and units, labels ("year 10", "the 47 bus"), money, phone numbers and codes, text-speak digits ("2day",
/// "gr8"). Each says why, so the diary can show it.
/// </summary>
internal static class NotAScore
{
    /// <summary>What the number's own shape says: "7pm", "12th", "5k", "07700", "2day".</summary>
    public static ScoreCandidate? ByShape(ReplyView reply, int i)
    {
        var token = reply.Tokens[i];
        var raw = reply.Slice(i);
        if (token.Kind == TokenKind.Mixed)
        {
            if (token.Digits == 0 || token.Value < 0)
            {
                return ScoreCandidate.Ignore(i); // "gr8", "b4": text-speak, not numbers
            }

            var suffix = raw[token.Digits..];
            if (MoodWords.TimeSuffixes.Contains(suffix) || suffix.Contains(':'))
            {
                return ScoreCandidate.Reject(i, ScoreRank.Other, $"'{raw}' looks like a time, not a score");
            }

            if (MoodWords.OrdinalSuffixes.Contains(suffix))
            {
                return ScoreCandidate.Reject(i, ScoreRank.Other, $"'{raw}' looks like a date, not a score");
            }

            if (!MoodWords.ScoreSuffixes.Contains(suffix))
            {
                return MoodWords.Units.Contains(suffix) || suffix.Length <= 3
                    ? ScoreCandidate.Reject(i, ScoreRank.Other, $"'{raw}' looks like a count or amount, not a score")
                    : ScoreCandidate.Ignore(i); // "2day", "2moro", "4ever"
            }

            return null;
        }

        if (token.Has(TokenFlags.ClockTime))
        {
            return ScoreCandidate.Reject(i, ScoreRank.Other, $"'{raw}' looks like a time, not a score");
        }

        if (token.Has(TokenFlags.LeadingZero) || token.Digits >= 4 || (token.Digits == 3 && (reply.IsDigits(i - 1) || reply.IsDigits(i + 1))))
        {
            return ScoreCandidate.Reject(i, ScoreRank.Other, "a long number (phone number, year or code) is not a score");
        }

        // Clock times: "7 pm", "seven o'clock", "at 7", "half 6", "got home around 7" (but "between 4 and 5" is a range).
        var between = reply.WordIs(i - 1, "between") && reply.WordIs(i + 1, "and");
        if (!between && (MoodWords.ClockSuffixes.Contains(reply.WordAt(i + 1)) || IsClockContext(reply, i)))
        {
            return ScoreCandidate.Reject(i, ScoreRank.Other, $"'{raw}' looks like a time, not a score");
        }

        return null;
    }

    /// <summary>What the words around the number say: "3 miles", "£20", "year 10", "5 june", "not 7".</summary>
    public static ScoreCandidate? ByContext(ReplyView reply, int i, int last)
    {
        var raw = reply.Slice(i).ToString();
        var next = last + 1;
        if (MoodWords.Units.Contains(reply.WordAt(next)) || reply.SymbolAt(next) is '%')
        {
            return ScoreCandidate.Reject(last, ScoreRank.Other, $"'{reply.Span(i, next)}' is a count or amount, not a score");
        }

        // "mood=6", "mood: 6" are labelled scores; "£6", "#6", "+6", "@6" and "x=6" are not.
        var symbol = reply.SymbolAt(i - 1);
        if (symbol is '£' or '$' or '€' or '#' or '+' or '@' || (symbol == '=' && !MoodWords.StrongCues.Contains(reply.WordAt(i - 2))))
        {
            return ScoreCandidate.Reject(last, ScoreRank.Other, $"'{raw}' is an amount or label, not a score");
        }

        var previous = reply.WordAt(i - 1);
        if (MoodWords.Labels.Contains(previous) && !MoodWords.LabelCancellers.Contains(reply.WordAt(i - 2)))
        {
            return ScoreCandidate.Reject(last, ScoreRank.Other, $"'{previous} {raw}' is a label, not a score");
        }

        if (MoodWords.Months.Contains(previous) || MoodWords.Months.Contains(reply.WordAt(next)))
        {
            return ScoreCandidate.Reject(last, ScoreRank.Other, $"'{raw}' is part of a date, not a score");
        }

        return previous.Equals("not", StringComparison.OrdinalIgnoreCase)
            ? ScoreCandidate.Reject(last, ScoreRank.Other, $"'not {raw}' takes a number back")
            : null;
    }

    /// <summary>"at 7", "till 10", "half 6", or a time verb with a hedge: "home around 7", "up at like 6".</summary>
    private static bool IsClockContext(ReplyView reply, int i)
    {
        if (reply.SymbolAt(i - 1) == '@')
        {
            return true;
        }

        if (MoodWords.TimePrepositions.Contains(reply.WordAt(i - 1)))
        {
            return true;
        }

        var j = i - 1;
        var hedges = 0;
        while (j >= 0 && hedges < 3 && MoodWords.TimeHedges.Contains(reply.WordAt(j)))
        {
            if (MoodWords.TimePrepositions.Contains(reply.WordAt(j)))
            {
                return true;
            }

            hedges++;
            j--;
        }

        return hedges > 0 && MoodWords.TimeVerbs.Contains(reply.WordAt(j));
    }
}
