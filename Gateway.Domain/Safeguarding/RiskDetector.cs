using System.Buffers;
using System.Collections.Frozen;
using System.Text.Json;
using Buddy.Domain.Replies;

namespace Buddy.Domain.Safeguarding;

/// <summary>
/// The safeguarding check on every reply, separate from the mood parser so nothing there can weaken it.
/// Conservative by design: text-speak is rewritten, repeated letters and single typos are forgiven, words may
/// sit between a phrase's words, and a negated phrase ("not suicidal") is still reported, as Low. The phrase
/// lists are data (risk-phrases.json). Immutable and thread-safe.
/// </summary>
public sealed class RiskDetector
{
    private const string ResourceName = "Buddy.Domain.Safeguarding.risk-phrases.json";
    private const int MaxGap = 2;
    private const int NegationReach = 5;

    private static readonly SearchValues<char> s_digits = SearchValues.Create("0123456789");

    private readonly FrozenDictionary<string, string[]>.AlternateLookup<ReadOnlySpan<char>> _textSpeak;
    private readonly WordSet _negations;
    private readonly WordSet _bridges;

    // Phrases bucketed by the first letter their first word can start with, so each text word tries only a few.
    private readonly RiskPhrase[][] _phrasesByLetter;
    private readonly RiskPhrase[][] _exceptionsByLetter;

    public RiskDetector(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var textSpeak = root.GetProperty("textSpeak").EnumerateObject()
            .ToDictionary(p => p.Name, p => p.Value.GetString()!.Split(' ', StringSplitOptions.RemoveEmptyEntries), StringComparer.OrdinalIgnoreCase);
        _textSpeak = textSpeak.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();
        _negations = new WordSet(root.GetProperty("negations").EnumerateArray().Select(e => e.GetString()!));
        _bridges = new WordSet(root.GetProperty("negationBridges").EnumerateArray().Select(e => e.GetString()!));

        IEnumerable<string> Expand(string word) => textSpeak.TryGetValue(word, out var replacement) ? replacement : [word];

        var phrases = new List<RiskPhrase>();
        foreach (var (levelName, level) in new[] { ("high", RiskLevel.High), ("low", RiskLevel.Review) })
        {
            foreach (var category in root.GetProperty(levelName).EnumerateObject())
            {
                phrases.AddRange(category.Value.EnumerateArray().Select(p => RiskPhrase.Parse(category.Name, level, p.GetString()!, Expand)));
            }
        }

        var exceptions = root.GetProperty("exceptions").EnumerateArray()
            .Select(p => RiskPhrase.Parse("exception", RiskLevel.None, p.GetString()!, Expand)).ToList();

        PhraseCount = phrases.Count;
        _phrasesByLetter = ByLetter(phrases);
        _exceptionsByLetter = ByLetter(exceptions);
    }

    public static RiskDetector Default { get; } = new(ReadResource());

    /// <summary>How many risk phrases (high and low) the detector knows.</summary>
    public int PhraseCount { get; }

    public RiskAssessment Assess(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return RiskAssessment.None;
        }

        var normalised = ArrayPool<char>.Shared.Rent(text.Length);
        var tokens = ArrayPool<RiskToken>.Shared.Rent((text.Length * 3) + 4);
        try
        {
            var count = Tokenize(text, normalised, tokens);
            return Match(text, new Words(normalised, tokens, count));
        }
        finally
        {
            ArrayPool<RiskToken>.Shared.Return(tokens);
            ArrayPool<char>.Shared.Return(normalised);
        }
    }

    private RiskAssessment Match(string text, Words words)
    {
        List<RiskMatch>? matches = null;
        var level = RiskLevel.None;
        for (var i = 0; i < words.Count; i++)
        {
            var bucket = _phrasesByLetter[Bucket(words.Text(i))];
            foreach (var phrase in bucket)
            {
                var end = MatchFrom(words, phrase.Elements, 0, i);
                if (end < 0 || IsExcepted(words, i, end))
                {
                    continue;
                }

                var negatedFrom = NegatedFrom(words, i);
                if (negatedFrom >= 0 && phrase.Level == RiskLevel.Review)
                {
                    continue; // "not lonely": nothing to flag
                }

                var matchLevel = negatedFrom >= 0 ? RiskLevel.Review : phrase.Level;
                var from = negatedFrom >= 0 ? negatedFrom : i;
                var written = text[words.Tokens[from].OriginalStart..words.Tokens[end - 1].OriginalEnd];
                Record(matches ??= [], new RiskMatch(phrase.Category, written, matchLevel, negatedFrom >= 0));
                level = matchLevel > level ? matchLevel : level;
            }
        }

        if (matches is null)
        {
            return RiskAssessment.None;
        }

        var categories = matches.Where(m => m.Level == level).Select(m => m.Category).Distinct(StringComparer.Ordinal).ToList();
        return new RiskAssessment(level, matches) { Subject = SubjectOf(categories), Concepts = categories };
    }

    /// <summary>Abuse is done to the sender by someone else; harm to others puts a third party at risk.</summary>
    private static RiskSubject SubjectOf(List<string> categories) =>
        categories.Exists(c => c is not ("abuse" or "harm-to-others")) ? RiskSubject.Sender
        : categories.Contains("abuse") ? RiskSubject.SenderFromOthers
        : RiskSubject.ThirdParty;

    /// <summary>
    /// Keeps the longest wording of overlapping matches ("not suicidal" rather than "suicidal" too). A method of its
    /// own so its lambdas' closure is only allocated when something matched, not once per phrase tried.
    /// </summary>
    private static void Record(List<RiskMatch> matches, RiskMatch match)
    {
        if (matches.Exists(m => m.Text == match.Text || (m.Text.Contains(match.Text, StringComparison.Ordinal) && m.Level >= match.Level)))
        {
            return;
        }

        matches.RemoveAll(m => match.Text.Contains(m.Text, StringComparison.Ordinal) && m.Level <= match.Level);
        matches.Add(match);
    }

    /// <summary>Returns the end (exclusive) of a match of elements[k..] starting at word j, or -1.</summary>
    private int MatchFrom(Words words, RiskPhrase.Element[] elements, int k, int j)
    {
        if (k == elements.Length)
        {
            return j;
        }

        var element = elements[k];
        var maxGap = k == 0 ? 0 : MaxGap;
        for (var gap = 0; gap <= maxGap; gap++)
        {
            var position = j + gap;
            if (position >= words.Count || (k > 0 && words.Tokens[position].HardBreakBefore))
            {
                break;
            }

            if (gap > 0 && _negations.Contains(words.Text(position - 1)))
            {
                break; // "want to not die" is not "want to die"
            }

            // Every way two words can match needs the same first letter, so most alternatives are skipped cheaply.
            var firstLetter = words.Text(position) is { IsEmpty: false } word ? word[0] : '\0';
            foreach (var alternative in element.Alternatives)
            {
                if (alternative[0][0] != firstLetter && alternative[0][0] != '#')
                {
                    continue;
                }

                var end = MatchWords(words, alternative, position);
                if (end >= 0)
                {
                    var rest = MatchFrom(words, elements, k + 1, end);
                    if (rest >= 0)
                    {
                        return rest;
                    }
                }
            }
        }

        return element.Optional ? MatchFrom(words, elements, k + 1, j) : -1;
    }

    private static int MatchWords(Words words, string[] sequence, int position)
    {
        for (var w = 0; w < sequence.Length; w++)
        {
            var at = position + w;
            if (at >= words.Count || (w > 0 && words.Tokens[at].HardBreakBefore) || !SameWord(words.Text(at), sequence[w]))
            {
                return -1;
            }
        }

        return position + sequence.Length;
    }

    /// <summary>Exact, a stem ("suicid*"), any number ("#"), repeated letters collapsed ("killl"), or one typo for long words.</summary>
    private static bool SameWord(ReadOnlySpan<char> word, string pattern)
    {
        if (pattern == "#")
        {
            return word.Length > 0 && !word.ContainsAnyExcept(s_digits);
        }

        if (pattern.EndsWith('*'))
        {
            return word.StartsWith(pattern.AsSpan(0, pattern.Length - 1), StringComparison.Ordinal);
        }

        if (word.SequenceEqual(pattern))
        {
            return true;
        }

        if (pattern.Length >= 3 && word.Length > 0 && word[0] == pattern[0] && CollapsedEquals(word, pattern))
        {
            return true;
        }

        // Six-letter words are too close to everyday ones ("choked"/"cooked"): typos are forgiven from seven letters.
        return pattern.Length >= 7 && word.Length >= 6 && word[0] == pattern[0] && Typos.WithinOneEdit(word, pattern);
    }

    /// <summary>Equal once runs of a repeated letter count as one: "killll" = "kill", "diiie" = "die".</summary>
    private static bool CollapsedEquals(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        int i = 0, j = 0;
        while (i < a.Length && j < b.Length)
        {
            if (a[i] != b[j])
            {
                return false;
            }

            var c = a[i];
            while (i < a.Length && a[i] == c)
            {
                i++;
            }

            while (j < b.Length && b[j] == c)
            {
                j++;
            }
        }

        return i == a.Length && j == b.Length;
    }

    /// <summary>The index of a negation governing the phrase at <paramref name="start"/> ("not", "no thoughts of"), or -1.</summary>
    private int NegatedFrom(Words words, int start)
    {
        for (var j = start - 1; j >= 0 && j >= start - NegationReach; j--)
        {
            if (words.Tokens[j + 1].AnyBreakBefore)
            {
                return -1;
            }

            var word = words.Text(j);
            if (_negations.Contains(word))
            {
                return j;
            }

            if (!_bridges.Contains(word))
            {
                return -1;
            }
        }

        return -1;
    }

    /// <summary>True when an exception ("hit me up", "cant go on the trip") overlaps the match and runs to its end or past it.</summary>
    private bool IsExcepted(Words words, int start, int end)
    {
        for (var from = Math.Max(0, start - 3); from < end; from++)
        {
            foreach (var exception in _exceptionsByLetter[Bucket(words.Text(from))])
            {
                var exceptionEnd = MatchExactly(words, exception.Elements, 0, from);
                if (exceptionEnd >= end && exceptionEnd > start)
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>Exceptions match word for word, with no gaps.</summary>
    private static int MatchExactly(Words words, RiskPhrase.Element[] elements, int k, int j)
    {
        if (k == elements.Length)
        {
            return j;
        }

        foreach (var alternative in elements[k].Alternatives)
        {
            var end = MatchWords(words, alternative, j);
            if (end >= 0)
            {
                var rest = MatchExactly(words, elements, k + 1, end);
                if (rest >= 0)
                {
                    return rest;
                }
            }
        }

        return elements[k].Optional ? MatchExactly(words, elements, k + 1, j) : -1;
    }

    /// <summary>
    /// Lower-cased words with apostrophes dropped, look-alike digits inside words read as letters ("su1c1de"),
    /// and text-speak rewritten ("wanna" = "want to"). Records where sentences and clauses break.
    /// </summary>
    private int Tokenize(string text, char[] normalised, RiskToken[] tokens)
    {
        var count = 0;
        var written = 0;
        var hardBreak = false;
        var softBreak = false;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (!char.IsLetterOrDigit(c))
            {
                if (c is '.' or '!' or '?' or ';' or '\n' or '\r')
                {
                    hardBreak = true;
                }
                else if (!char.IsWhiteSpace(c) && c is not ('\'' or '\u2019' or '\u2018' or '*' or '@' or '$'))
                {
                    softBreak = true;
                }

                i++;
                continue;
            }

            var start = i;
            var wordStart = written;
            var letters = false;
            var digits = false;
            while (i < text.Length)
            {
                c = text[i];
                if (char.IsLetter(c))
                {
                    letters = true;
                    normalised[written++] = char.ToLowerInvariant(c);
                }
                else if (char.IsDigit(c))
                {
                    digits = true;
                    normalised[written++] = c;
                }
                else if (c is '\'' or '\u2019' or '\u2018' or '*' && i + 1 < text.Length && char.IsLetter(text[i + 1]) && letters)
                {
                    // can't -> cant; k*ll -> kll is left as typed (the * is a censor, not a break)
                }
                else if (c is '@' or '$' && i + 1 < text.Length && char.IsLetterOrDigit(text[i + 1]) && (letters || digits))
                {
                    normalised[written++] = c == '@' ? 'a' : 's';
                }
                else
                {
                    break;
                }

                i++;
            }

            var word = normalised.AsSpan(wordStart, written - wordStart);
            if (letters && digits)
            {
                ReadLookAlikeDigits(word);
            }

            var breakBefore = count > 0 && hardBreak;
            var softBefore = count > 0 && (hardBreak || softBreak);
            hardBreak = softBreak = false;
            if (_textSpeak.TryGetValue(word, out var replacement))
            {
                for (var r = 0; r < replacement.Length; r++)
                {
                    tokens[count++] = new RiskToken(wordStart, word.Length, replacement[r], start, i, r == 0 && breakBefore, r == 0 && softBefore);
                }
            }
            else
            {
                tokens[count++] = new RiskToken(wordStart, word.Length, null, start, i, breakBefore, softBefore);
            }
        }

        return count;
    }

    private static void ReadLookAlikeDigits(Span<char> word)
    {
        for (var k = 0; k < word.Length; k++)
        {
            word[k] = word[k] switch
            {
                '1' => 'i',
                '3' => 'e',
                '0' => 'o',
                '4' => 'a',
                '5' => 's',
                '7' => 't',
                _ => word[k],
            };
        }
    }

    private static int Bucket(ReadOnlySpan<char> word) => word.IsEmpty ? 27 : System.Numerics.BitOperations.TrailingZeroCount(RiskPhrase.LetterBit(word[0]));

    private static RiskPhrase[][] ByLetter(List<RiskPhrase> phrases)
    {
        var buckets = new RiskPhrase[28][];
        for (var b = 0; b < buckets.Length; b++)
        {
            buckets[b] = [.. phrases.Where(p => (p.FirstLetters() & (1u << b)) != 0)];
        }

        return buckets;
    }

    private static string ReadResource()
    {
        using var stream = typeof(RiskDetector).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private readonly record struct RiskToken(
        int NormalisedStart, int NormalisedLength, string? Replacement, int OriginalStart, int OriginalEnd, bool HardBreakBefore, bool AnyBreakBefore);

    private readonly ref struct Words(char[] normalised, RiskToken[] tokens, int count)
    {
        public RiskToken[] Tokens { get; } = tokens;

        public int Count { get; } = count;

        public ReadOnlySpan<char> Text(int i)
        {
            var token = Tokens[i];
            return token.Replacement is { } replacement ? replacement : normalised.AsSpan(token.NormalisedStart, token.NormalisedLength);
        }
    }
}
