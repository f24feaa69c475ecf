using Buddy.Domain.Organisations;

namespace Buddy.Domain.Replies;

/// <summary>The value a number gives with what is written around it: a range's midpoint, a half, "out of 10".</summary>
internal readonly record struct ScoreValue(double Value, int Last, string? Note, bool IsOutOf, ScoreCandidate? Rejection);

internal static class ScoreShape
{
    public static ScoreValue Read(ReplyView reply, int i, MoodScale scale)
    {
        var value = reply.Tokens[i].Value;
        var last = i;
        string? note = null;

        // Ranges: "6-7", "6 to 7", "six or seven", "a 4 or a 5", "between 4 and 5".
        if (TryReadRange(reply, i, value, out var upper, out var rangeLast))
        {
            if (upper is null)
            {
                return Rejected(ScoreCandidate.Reject(rangeLast, ScoreRank.Other, $"'{reply.Span(i, rangeLast)}' looks like a result or a time span, not a score"));
            }

            var midpoint = (value + upper.Value) / 2;
            note = $"'{reply.Span(i, rangeLast)}' is a range: recorded as {MoodReader.Format(midpoint)}, its midpoint";
            value = midpoint;
            last = rangeLast;
        }

        // Halves: "6 and a half", "6½".
        if (reply.SymbolAt(last + 1) == '½')
        {
            value += 0.5;
            last++;
        }
        else if (reply.WordIs(last + 1, "and") && reply.WordIs(last + 2, "a") && reply.WordIs(last + 3, "half"))
        {
            value += 0.5;
            last += 3;
        }

        // Out of: "7/10", "7 out of 10", "seven outta ten". A slash with another denominator is a date ("3/4").
        var denominator = ReadDenominator(reply, last, out var denominatorLast, out var slash);
        if (denominator < 0)
        {
            return new ScoreValue(value, last, note, false, null);
        }

        var given = reply.Span(i, denominatorLast);
        if (slash && reply.SymbolAt(denominatorLast + 1) == '/')
        {
            return Rejected(ScoreCandidate.Reject(denominatorLast + 2, ScoreRank.Other, $"'{given}' looks like a date, not a score"));
        }

        if (denominator == scale.Maximum())
        {
            return new ScoreValue(value, denominatorLast, note, true, null);
        }

        if (denominator == 10 || !slash)
        {
            // "8/10" on a 1-5 service, "3 out of 5" on a 0-10 one: given on another scale, so not recorded.
            return Rejected(ScoreCandidate.Reject(denominatorLast, ScoreRank.OutOfScale,
                $"'{given}' was given, but this service uses the {scale.ToRangeText()} scale, so no score was recorded"));
        }

        return Rejected(ScoreCandidate.Reject(denominatorLast, ScoreRank.Other, $"'{given}' looks like a date or a fraction, not a score"));
    }

    private static ScoreValue Rejected(ScoreCandidate rejection) => new(0, rejection.Last, null, false, rejection);

    private static bool TryReadRange(ReplyView reply, int i, double value, out double? upper, out int last)
    {
        upper = null;
        last = i;

        // "between 4 and 5"
        var between = reply.WordIs(i - 1, "between") && reply.WordIs(i + 1, "and");
        var separator = i + 1;
        var isSymbol = reply.SymbolAt(separator) is '-' or '\u2013' or '\u2014' or '~';
        var isWord = between || reply.WordIs(separator, "to") || reply.WordIs(separator, "or");
        if (!isSymbol && !isWord)
        {
            return false;
        }

        // "a 4 or a 5"
        var second = separator + 1;
        if (isWord && (reply.WordIs(second, "a") || reply.WordIs(second, "an")))
        {
            second++;
        }

        if (!IsUpperBound(reply, second))
        {
            return false;
        }

        var high = reply.Tokens[second].Value;
        last = second;
        if (high > value && high - value <= 2)
        {
            upper = high;
            return true;
        }

        // "3-0", "9-5": a result or a span, never a score. "6 to 10 people" is left to the unit check.
        return isSymbol;
    }

    /// <summary>The second number of a range: digits or a word, or "6ish" ("5-6ish").</summary>
    private static bool IsUpperBound(ReplyView reply, int j)
    {
        if (j >= reply.Count)
        {
            return false;
        }

        var token = reply.Tokens[j];
        if (token.Kind == TokenKind.Number)
        {
            return !token.Has(TokenFlags.ClockTime);
        }

        return token.Kind == TokenKind.Mixed && token.Value >= 0 && token.Digits > 0 && MoodWords.ScoreSuffixes.Contains(reply.Slice(j)[token.Digits..]);
    }

    private static double ReadDenominator(ReplyView reply, int last, out int denominatorLast, out bool slash)
    {
        denominatorLast = last;
        slash = false;
        if (reply.SymbolAt(last + 1) == '/' && reply.IsNumber(last + 2))
        {
            slash = true;
            denominatorLast = last + 2;
            return reply.Tokens[last + 2].Value;
        }

        if (reply.WordIs(last + 1, "out"))
        {
            if (reply.WordIs(last + 2, "of") && reply.IsNumber(last + 3))
            {
                denominatorLast = last + 3;
                return reply.Tokens[last + 3].Value;
            }

            if (reply.IsNumber(last + 2))
            {
                denominatorLast = last + 2;
                return reply.Tokens[last + 2].Value;
            }
        }

        // "seven outta ten"; a bare "of" only before a scale's top ("7 of 10"), not a count ("2 of 3 exams").
        var bareOf = reply.WordIs(last + 1, "of") && reply.IsNumber(last + 2) && reply.Tokens[last + 2].Value is 5 or 10;
        if (((reply.WordIs(last + 1, "outta") || reply.WordIs(last + 1, "outa") || reply.WordIs(last + 1, "outof")) && reply.IsNumber(last + 2)) || bareOf)
        {
            denominatorLast = last + 2;
            return reply.Tokens[last + 2].Value;
        }

        return -1;
    }
}
