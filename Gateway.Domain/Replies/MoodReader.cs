using System.Globalization;
using Buddy.Domain.Organisations;

namespace Buddy.Domain.Replies;

/// <summary>
/// The score a reply gives, and which tokens held it (so the event text can be cleaned of it). Cut is a token
/// range [CutStart, CutEnd); -1 when nothing is cut.
/// </summary>
internal readonly record struct MoodReading(double? Score, string? Note, bool IsCorrection, int CutStart, int CutEnd, bool FromEmoji);

/// <summary>
/// Finds the mood score in a tokenised reply. Every number is judged by its neighbours: a clock time, date,
/// count, label, phone number or negated number is never a score; a cue ("mood", "a", "/10") or a place at the
/// start or end of the reply makes one. When several qualify the strongest wins, then the first.
/// </summary>
internal static class MoodReader
{
    private const int Strong = 6;
    private const int Soft = 4;
    private const int Edge = 2;
    private const int Isolated = 1;

    public static MoodReading Read(ReadOnlySpan<char> text, ReadOnlySpan<ReplyToken> tokens, MoodScale scale)
    {
        var best = default(Candidate);
        var haveBest = false;
        string? rejection = null;
        var rejectionRank = Rank.None;
        for (var i = 0; i < tokens.Length; i++)
        {
            if (tokens[i].Kind is not (TokenKind.Number or TokenKind.Mixed))
            {
                continue;
            }

            var candidate = Evaluate(text, tokens, i, scale);
            if (candidate.Accepted)
            {
                if (!haveBest || candidate.Strength > best.Strength)
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

        if (haveBest)
        {
            return new MoodReading(best.Value, best.Note, best.IsCorrection, best.CutStart, best.CutEnd, FromEmoji: false);
        }

        // A number outside the scale was meant as a score: say why it was not recorded rather than read a face instead.
        if (rejectionRank == Rank.OutOfScale)
        {
            return new MoodReading(null, rejection, false, -1, -1, false);
        }

        return ReadEmojis(text, tokens, scale) ?? new MoodReading(null, rejection, false, -1, -1, false);
    }

    private static MoodReading? ReadEmojis(ReadOnlySpan<char> text, ReadOnlySpan<ReplyToken> tokens, MoodScale scale)
    {
        var sum = 0.0;
        var count = 0;
        var first = -1;
        var distinct = 0;
        foreach (var token in tokens)
        {
            if (token.Kind == TokenKind.Emoji && token.Value > 0)
            {
                if (first < 0 || !text.Slice(token.Start, token.Length).SequenceEqual(text.Slice(tokens[first].Start, tokens[first].Length)))
                {
                    distinct++;
                }

                first = first < 0 ? IndexOf(tokens, token) : first;
                sum += token.Value;
                count++;
            }
        }

        if (count == 0)
        {
            return null;
        }

        var score = EmojiMoods.ToScale(sum / count, scale);
        var faces = text.Slice(tokens[first].Start, tokens[first].Length).ToString();
        var note = distinct > 1
            ? $"no number given: read from the average of {count} emojis as {Format(score)}"
            : $"no number given: read from the emoji {faces} as {Format(score)}";
        return new MoodReading(score, note, false, -1, -1, FromEmoji: true);
    }

    private static int IndexOf(ReadOnlySpan<ReplyToken> tokens, ReplyToken token)
    {
        for (var i = 0; i < tokens.Length; i++)
        {
            if (tokens[i] == token)
            {
                return i;
            }
        }

        return -1;
    }

    private static Candidate Evaluate(ReadOnlySpan<char> text, ReadOnlySpan<ReplyToken> tokens, int i, MoodScale scale)
    {
        var token = tokens[i];
        var raw = Slice(text, token);
        double value;

        if (token.Kind == TokenKind.Mixed)
        {
            if (token.Digits == 0 || token.Value < 0)
            {
                return Candidate.Ignore(i); // "gr8", "b4": text-speak, not numbers
            }

            var suffix = raw[token.Digits..];
            if (MoodWords.TimeSuffixes.Contains(suffix) || suffix.Contains(':'))
            {
                return Candidate.Reject(i, Rank.Other, $"'{raw}' looks like a time, not a score");
            }

            if (MoodWords.OrdinalSuffixes.Contains(suffix))
            {
                return Candidate.Reject(i, Rank.Other, $"'{raw}' looks like a date, not a score");
            }

            if (!MoodWords.ScoreSuffixes.Contains(suffix))
            {
                return MoodWords.Units.Contains(suffix) || suffix.Length <= 3
                    ? Candidate.Reject(i, Rank.Other, $"'{raw}' looks like a count or amount, not a score")
                    : Candidate.Ignore(i); // "2day", "2moro", "4ever"
            }

            value = token.Value;
        }
        else
        {
            if (token.Has(TokenFlags.ClockTime))
            {
                return Candidate.Reject(i, Rank.Other, $"'{raw}' looks like a time, not a score");
            }

            if (token.Has(TokenFlags.LeadingZero) || token.Digits >= 4 || (token.Digits == 3 && (IsDigits(tokens, i - 1) || IsDigits(tokens, i + 1))))
            {
                return Candidate.Reject(i, Rank.Other, "a long number (phone number, year or code) is not a score");
            }

            value = token.Value;
        }

        var spelled = token.Has(TokenFlags.Spelled);
        var last = i;
        var strength = 0;
        string? note = null;

        // Clock times: "7 pm", "seven o'clock", "at 7", "half 6", "got home around 7".
        if (MoodWords.ClockSuffixes.Contains(WordAt(text, tokens, i + 1)) || IsClockContext(text, tokens, i))
        {
            return Candidate.Reject(i, Rank.Other, $"'{raw}' looks like a time, not a score");
        }

        // Ranges: "6-7", "6 to 7", "six or seven".
        if (TryReadRange(text, tokens, i, value, out var upper, out var rangeLast))
        {
            if (upper is null)
            {
                return Candidate.Reject(rangeLast, Rank.Other, $"'{Span(text, tokens, i, rangeLast)}' looks like a result or a time span, not a score");
            }

            note = $"'{Span(text, tokens, i, rangeLast)}' is a range: recorded as {Format((value + upper.Value) / 2)}, its midpoint";
            value = (value + upper.Value) / 2;
            last = rangeLast;
        }

        // Halves: "6 and a half", "6½".
        if (SymbolAt(text, tokens, last + 1) == '½')
        {
            value += 0.5;
            last++;
        }
        else if (WordAt(text, tokens, last + 1).Equals("and", StringComparison.OrdinalIgnoreCase)
            && WordAt(text, tokens, last + 2).Equals("a", StringComparison.OrdinalIgnoreCase)
            && WordAt(text, tokens, last + 3).Equals("half", StringComparison.OrdinalIgnoreCase))
        {
            value += 0.5;
            last += 3;
        }

        // Out of: "7/10", "7 out of 10", "seven outta ten". A slash with another denominator is a date ("3/4").
        var denominator = ReadDenominator(text, tokens, last, out var denominatorLast, out var slash);
        if (denominator >= 0)
        {
            var given = Span(text, tokens, i, denominatorLast);
            if (slash && SymbolAt(text, tokens, denominatorLast + 1) == '/')
            {
                return Candidate.Reject(denominatorLast + 2, Rank.Other, $"'{given}' looks like a date, not a score");
            }

            if (denominator == 10 || denominator == scale.Maximum())
            {
                if (denominator != scale.Maximum())
                {
                    return Candidate.Reject(denominatorLast, Rank.OutOfScale,
                        $"'{given}' was given, but this service uses the {scale.ToRangeText()} scale, so no score was recorded");
                }

                strength = Strong;
                last = denominatorLast;
            }
            else if (slash)
            {
                return Candidate.Reject(denominatorLast, Rank.Other, $"'{given}' looks like a date or a fraction, not a score");
            }
        }

        var next = last + 1;
        if (strength < Strong)
        {
            if (MoodWords.Units.Contains(WordAt(text, tokens, next)) || SymbolAt(text, tokens, next) is '%')
            {
                return Candidate.Reject(last, Rank.Other, $"'{Span(text, tokens, i, next)}' is a count or amount, not a score");
            }

            if (SymbolAt(text, tokens, i - 1) is '£' or '$' or '€' or '#' or '+' or '@' or '=')
            {
                return Candidate.Reject(last, Rank.Other, $"'{raw}' is an amount or label, not a score");
            }

            var previous = WordAt(text, tokens, i - 1);
            if (MoodWords.Labels.Contains(previous) && !MoodWords.LabelCancellers.Contains(WordAt(text, tokens, i - 2)))
            {
                return Candidate.Reject(last, Rank.Other, $"'{previous} {raw}' is a label, not a score");
            }

            if (MoodWords.Months.Contains(previous) || MoodWords.Months.Contains(WordAt(text, tokens, next)))
            {
                return Candidate.Reject(last, Rank.Other, $"'{raw}' is part of a date, not a score");
            }

            if (previous.Equals("not", StringComparison.OrdinalIgnoreCase))
            {
                return Candidate.Reject(last, Rank.Other, $"'not {raw}' takes a number back");
            }
        }

        var isCorrection = HasCorrectionCue(text, tokens, i) || (SymbolAt(text, tokens, i - 1) == '*' && IsAtStart(text, tokens, i - 1));
        if (isCorrection || MoodWords.StrongCues.Contains(WordAt(text, tokens, i - 1)))
        {
            strength = Strong;
        }

        var previousWord = WordAt(text, tokens, i - 1);
        if (strength == 0 && MoodWords.SoftCues.Contains(previousWord) && !(spelled && value == 1))
        {
            strength = Soft;
            if (spelled && tokens.Length > next && tokens[next].Kind == TokenKind.Word && !MoodWords.TrailingFillers.Contains(WordAt(text, tokens, next)))
            {
                return Candidate.Ignore(last); // "a one off", "like two people"
            }
        }

        if (strength == 0)
        {
            var atStart = IsAtStart(text, tokens, i);
            var atEnd = IsAtEnd(text, tokens, next);
            if (spelled)
            {
                // A number word needs to stand alone: "seven", "seven, went out", "went out. seven"
                var standsAlone = (atStart && (atEnd || IsBoundary(text, tokens, next))) || (atEnd && (atStart || IsBoundary(text, tokens, i - 1)));
                if (!standsAlone)
                {
                    return Candidate.Ignore(last);
                }

                strength = Edge;
            }
            else if (atStart || atEnd)
            {
                strength = Edge;
            }
            else if (IsBoundary(text, tokens, i - 1) || IsBoundary(text, tokens, next))
            {
                strength = Isolated;
            }
            else
            {
                return Candidate.Reject(last, Rank.Other, $"'{raw}' sits mid-sentence like a count, so it was not read as a score");
            }
        }

        if (value < scale.Minimum() || value > scale.Maximum())
        {
            return Candidate.Reject(last, Rank.OutOfScale,
                $"'{Span(text, tokens, i, last)}' is outside the {scale.ToRangeText()} scale, so no score was recorded");
        }

        var (cutStart, cutEnd) = CutRange(text, tokens, i, last);
        return new Candidate(true, strength, value, note, isCorrection, cutStart, cutEnd, last, Rank.None);
    }

    /// <summary>The tokens to cut from the event: the score, its cue words ("my mood is about a"), "not 7" after a correction, and punctuation that only framed it.</summary>
    private static (int Start, int End) CutRange(ReadOnlySpan<char> text, ReadOnlySpan<ReplyToken> tokens, int i, int last)
    {
        var start = i;
        while (start > 0)
        {
            var before = tokens[start - 1];
            if ((before.Kind is TokenKind.Word or TokenKind.Mixed && MoodWords.StripBefore.Contains(Slice(text, before)))
                || (before.Kind == TokenKind.Symbol && text[before.Start] is ':' or '*' or '='))
            {
                start--;
            }
            else
            {
                break;
            }
        }

        var end = last + 1;
        if (WordAt(text, tokens, end).Equals("not", StringComparison.OrdinalIgnoreCase) && tokens.Length > end + 1 && tokens[end + 1].Kind == TokenKind.Number)
        {
            end += 2;
        }

        // Punctuation right after the score only framed it ("7. went", "10!!", "6 - college").
        while (end < tokens.Length && tokens[end].Kind == TokenKind.Symbol && text[tokens[end].Start] is '.' or '!' or '?' or ',' or ':' or ';' or '-' or '\u2013' or ')' or '~')
        {
            end++;
        }

        return (start, end);
    }

    private static bool TryReadRange(ReadOnlySpan<char> text, ReadOnlySpan<ReplyToken> tokens, int i, double value, out double? upper, out int last)
    {
        upper = null;
        last = i;
        if (tokens.Length <= i + 2 || tokens[i + 2].Kind != TokenKind.Number || tokens[i + 2].Has(TokenFlags.ClockTime))
        {
            return false;
        }

        var separator = tokens[i + 1];
        var isSymbol = separator.Kind == TokenKind.Symbol && text[separator.Start] is '-' or '\u2013' or '\u2014' or '~';
        var word = WordAt(text, tokens, i + 1);
        var isWord = word.Equals("to", StringComparison.OrdinalIgnoreCase) || word.Equals("or", StringComparison.OrdinalIgnoreCase);
        if (!isSymbol && !isWord)
        {
            return false;
        }

        var high = tokens[i + 2].Value;
        last = i + 2;
        if (high > value && high - value <= 2)
        {
            upper = high;
            return true;
        }

        // "3-0", "9-5": a result or a span, never a score. "6 to 10 people" is left to the unit check.
        return isSymbol;
    }

    private static double ReadDenominator(ReadOnlySpan<char> text, ReadOnlySpan<ReplyToken> tokens, int last, out int denominatorLast, out bool slash)
    {
        denominatorLast = last;
        slash = false;
        if (SymbolAt(text, tokens, last + 1) == '/' && IsNumberToken(tokens, last + 2))
        {
            slash = true;
            denominatorLast = last + 2;
            return tokens[last + 2].Value;
        }

        var word = WordAt(text, tokens, last + 1);
        if (word.Equals("out", StringComparison.OrdinalIgnoreCase))
        {
            if (WordAt(text, tokens, last + 2).Equals("of", StringComparison.OrdinalIgnoreCase) && IsNumberToken(tokens, last + 3))
            {
                denominatorLast = last + 3;
                return tokens[last + 3].Value;
            }

            if (IsNumberToken(tokens, last + 2))
            {
                denominatorLast = last + 2;
                return tokens[last + 2].Value;
            }
        }

        if ((word.Equals("outta", StringComparison.OrdinalIgnoreCase) || word.Equals("outa", StringComparison.OrdinalIgnoreCase)
            || word.Equals("of", StringComparison.OrdinalIgnoreCase) || word.Equals("outof", StringComparison.OrdinalIgnoreCase))
            && IsNumberToken(tokens, last + 2))
        {
            denominatorLast = last + 2;
            return tokens[last + 2].Value;
        }

        return -1;
    }

    /// <summary>"at 7", "till 10", "half 6", or a time verb with a hedge: "home around 7", "up at like 6".</summary>
    private static bool IsClockContext(ReadOnlySpan<char> text, ReadOnlySpan<ReplyToken> tokens, int i)
    {
        if (SymbolAt(text, tokens, i - 1) == '@')
        {
            return true;
        }

        var previous = WordAt(text, tokens, i - 1);
        if (MoodWords.TimePrepositions.Contains(previous))
        {
            return true;
        }

        var j = i - 1;
        var hedges = 0;
        while (j >= 0 && hedges < 3 && MoodWords.TimeHedges.Contains(WordAt(text, tokens, j)))
        {
            if (MoodWords.TimePrepositions.Contains(WordAt(text, tokens, j)))
            {
                return true;
            }

            hedges++;
            j--;
        }

        return hedges > 0 && MoodWords.TimeVerbs.Contains(WordAt(text, tokens, j));
    }

    private static bool HasCorrectionCue(ReadOnlySpan<char> text, ReadOnlySpan<ReplyToken> tokens, int i)
    {
        for (var j = i - 1; j >= 0 && j >= i - 6; j--)
        {
            var token = tokens[j];
            if (token.Kind == TokenKind.Word)
            {
                var word = Slice(text, token);
                if (MoodWords.CorrectionCues.Contains(word))
                {
                    return true;
                }

                if (!MoodWords.CorrectionBridges.Contains(word))
                {
                    return false;
                }
            }
            else if (token.Kind != TokenKind.Symbol || text[token.Start] is not (',' or '-' or ':' or '.' or '!' or '*'))
            {
                return false;
            }
        }

        return false;
    }

    private static bool IsAtStart(ReadOnlySpan<char> text, ReadOnlySpan<ReplyToken> tokens, int i)
    {
        for (var j = 0; j < i; j++)
        {
            var token = tokens[j];
            if (token.Kind is TokenKind.Symbol or TokenKind.Emoji)
            {
                continue;
            }

            if (token.Kind != TokenKind.Word || !MoodWords.LeadingFillers.Contains(Slice(text, token)))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsAtEnd(ReadOnlySpan<char> text, ReadOnlySpan<ReplyToken> tokens, int next)
    {
        for (var j = next; j < tokens.Length; j++)
        {
            var token = tokens[j];
            if (token.Kind is TokenKind.Symbol or TokenKind.Emoji)
            {
                continue;
            }

            if (token.Kind is TokenKind.Number || !IsTrailingFiller(Slice(text, token)))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsTrailingFiller(ReadOnlySpan<char> word) =>
        MoodWords.TrailingFillers.Contains(word) || word.TrimStart('x').IsEmpty || word.TrimStart('X').IsEmpty;

    /// <summary>Punctuation that separates a score from the words around it.</summary>
    private static bool IsBoundary(ReadOnlySpan<char> text, ReadOnlySpan<ReplyToken> tokens, int j)
    {
        if (j < 0 || j >= tokens.Length)
        {
            return true;
        }

        var token = tokens[j];
        return token.Kind == TokenKind.Emoji
            || (token.Kind == TokenKind.Symbol && text[token.Start] is '.' or ',' or '!' or ';' or ':' or '-' or '\u2013' or '(' or ')' or '?' or '~' or '\n');
    }

    private static bool IsDigits(ReadOnlySpan<ReplyToken> tokens, int j) =>
        j >= 0 && j < tokens.Length && tokens[j].Kind == TokenKind.Number && !tokens[j].Has(TokenFlags.Spelled);

    private static bool IsNumberToken(ReadOnlySpan<ReplyToken> tokens, int j) =>
        j >= 0 && j < tokens.Length && tokens[j].Kind == TokenKind.Number && !tokens[j].Has(TokenFlags.ClockTime);

    private static ReadOnlySpan<char> WordAt(ReadOnlySpan<char> text, ReadOnlySpan<ReplyToken> tokens, int j) =>
        j >= 0 && j < tokens.Length && tokens[j].Kind is TokenKind.Word or TokenKind.Mixed ? Slice(text, tokens[j]) : [];

    private static char SymbolAt(ReadOnlySpan<char> text, ReadOnlySpan<ReplyToken> tokens, int j) =>
        j >= 0 && j < tokens.Length && tokens[j].Kind == TokenKind.Symbol ? text[tokens[j].Start] : '\0';

    private static ReadOnlySpan<char> Slice(ReadOnlySpan<char> text, ReplyToken token) => text.Slice(token.Start, token.Length);

    private static string Span(ReadOnlySpan<char> text, ReadOnlySpan<ReplyToken> tokens, int first, int last)
    {
        last = Math.Min(last, tokens.Length - 1);
        return text[tokens[first].Start..tokens[last].End].ToString();
    }

    internal static string Format(double score) => score.ToString("0.##", CultureInfo.InvariantCulture);

    private enum Rank
    {
        None,
        Other,
        OutOfScale,
    }

    private readonly record struct Candidate(
        bool Accepted, int Strength, double Value, string? Note, bool IsCorrection, int CutStart, int CutEnd, int Last, Rank Rank)
    {
        public static Candidate Ignore(int last) => new(false, 0, 0, null, false, -1, -1, last, Rank.None);

        public static Candidate Reject(int last, Rank rank, string note) => new(false, 0, 0, note, false, -1, -1, last, rank);
    }
}
