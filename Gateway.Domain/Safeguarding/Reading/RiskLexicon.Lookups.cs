using Buddy.Domain.Replies;

namespace Buddy.Domain.Safeguarding.Reading;

/// <summary>How a typed word is found: as listed, by stem, held-down letters, one typo or a censor's stars; and the helpers that build the lookups.</summary>
internal sealed partial class RiskLexicon
{
    /// <summary>What a word means when spelt as listed or with a listed stem: the cheap lookup for joining split words.</summary>
    public LexiconWord? FindPlain(ReadOnlySpan<char> word) => FindPlain(word, Entry(word));

    /// <summary>What a word means as listed or by a listed stem, given its entry (or null when it has none).</summary>
    public LexiconWord? FindPlain(ReadOnlySpan<char> word, VocabularyEntry? entry)
    {
        if (word.IsEmpty)
        {
            return null;
        }

        if (entry?.Word is { } found)
        {
            return found;
        }

        foreach (var (stem, stemmed) in _stemsByLetters[TwoLetters(word)])
        {
            if (word.StartsWith(stem, StringComparison.Ordinal))
            {
                return stemmed;
            }
        }

        return null;
    }

    /// <summary>What a typed word means: exactly, stretched, by stem, with one typo, or through a censor ("k*ll").</summary>
    public LexiconWord? Find(ReadOnlySpan<char> word) => Find(word, Entry(word));

    /// <summary>What a typed word means, given its entry (already looked up by the caller, or null when it has none).</summary>
    public LexiconWord? Find(ReadOnlySpan<char> word, VocabularyEntry? entry)
    {
        if (word.IsEmpty)
        {
            return null;
        }

        if (entry?.Word is { } found)
        {
            return found;
        }

        if (word.Contains('*'))
        {
            return Uncensor(word);
        }

        if (HasDoubleLetter(word) && word.Length <= 64)
        {
            Span<char> collapsed = stackalloc char[word.Length];
            var length = Collapse(word, collapsed);
            if (Entry(collapsed[..length])?.Stretched is { } stretched && word.Length > stretched.Key.Length)
            {
                return stretched; // "killlll", "diiie": stretched for emphasis
            }
        }

        var letter = Letter(word[0]);
        foreach (var (stem, stemmed) in _stemsByLetters[TwoLetters(word)])
        {
            if (word.StartsWith(stem, StringComparison.Ordinal))
            {
                return stemmed;
            }
        }

        if (word.Length >= TypoMinimumLength - 1)
        {
            foreach (var candidate in _typosByLetterAndLength[(letter * MaxTypoLength) + Math.Min(word.Length, MaxTypoLength - 1)])
            {
                if (Math.Abs(candidate.Key.Length - word.Length) <= 1 && Typos.WithinOneEdit(word, candidate.Key))
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    /// <summary>
    /// The listed spelling of a word typed with a letter held down (three or more in a row: "wannaaaa", "nooseeee",
    /// "anymoreeee"), when the lexicon spells it alone, in a unit or as text-speak; null otherwise. Each long run is
    /// tried as two letters, then as one ("gooood" is "good", "diiie" is "die"). Two in a row is a spelling, not emphasis.
    /// </summary>
    public string? Destretch(ReadOnlySpan<char> word)
    {
        if (word.Length > 64 || !HasTripleLetter(word))
        {
            return null;
        }

        Span<char> shorter = stackalloc char[word.Length];
        for (var keep = 2; keep >= 1; keep--)
        {
            var length = Shorten(word, shorter, keep);
            if (Entry(shorter[..length]) is { IsSpelt: true } listed)
            {
                return listed.Spelling;
            }
        }

        return null;
    }

    /// <summary>Copies the word with every run of three or more of a letter cut to <paramref name="keep"/>.</summary>
    private static int Shorten(ReadOnlySpan<char> word, Span<char> into, int keep)
    {
        var n = 0;
        var run = 0;
        for (var i = 0; i < word.Length; i++)
        {
            run = i > 0 && word[i] == word[i - 1] ? run + 1 : 1;
            var runLength = run;
            var j = i + 1;
            while (j < word.Length && word[j] == word[i])
            {
                runLength++;
                j++;
            }

            if (runLength < 3 || run <= keep)
            {
                into[n++] = word[i];
            }
        }

        return n;
    }

    private static bool HasTripleLetter(ReadOnlySpan<char> word)
    {
        for (var i = 2; i < word.Length; i++)
        {
            if (word[i] == word[i - 1] && word[i] == word[i - 2] && char.IsLetter(word[i]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A word with stars for letters: "k*ll", "s**cide", "su*c*de" (each star one letter, or a run of them several).</summary>
    private LexiconWord? Uncensor(ReadOnlySpan<char> word)
    {
        if (word[0] == '*')
        {
            return null;
        }

        var firstStar = word.IndexOf('*');
        var lastStar = word.LastIndexOf('*');
        var prefix = word[..firstStar];
        var suffix = word[(lastStar + 1)..];
        var oneRun = !word[firstStar..(lastStar + 1)].ContainsAnyExcept('*');
        foreach (var candidate in _wordsByLetter[Letter(word[0])])
        {
            var key = candidate.Key.AsSpan();
            if (key.Length == word.Length ? MatchesStars(word, key)
                : oneRun && key.Length > prefix.Length + suffix.Length && key.StartsWith(prefix) && key.EndsWith(suffix))
            {
                return candidate;
            }
        }

        return null;
    }

    private static bool MatchesStars(ReadOnlySpan<char> pattern, ReadOnlySpan<char> key)
    {
        for (var i = 0; i < pattern.Length; i++)
        {
            if (pattern[i] != '*' && pattern[i] != key[i])
            {
                return false;
            }
        }

        return true;
    }

    private static void Add(string[] sequence, Concepts concepts, string source, string? inflectedFrom,
        Dictionary<string, LexiconWord> words, Dictionary<string, Concepts> stems, List<LexiconUnit> units)
    {
        if (sequence.Length > 1)
        {
            units.Add(new LexiconUnit(sequence, concepts, false, source));
            return;
        }

        var word = sequence[0];
        if (word.EndsWith('*'))
        {
            var stem = word[..^1];
            stems[stem] = stems.GetValueOrDefault(stem).Union(concepts);
            return;
        }

        words[word] = words.TryGetValue(word, out var known)
            ? known with { Concepts = known.Concepts.Union(concepts) }
            : new LexiconWord(concepts, word, inflectedFrom ?? word);
    }

    /// <summary>The same word sequence listed in several families is one unit with all their concepts.</summary>
    private static IEnumerable<LexiconUnit> MergeUnits(List<LexiconUnit> units) =>
        units.GroupBy(u => string.Join(' ', u.Words), StringComparer.Ordinal)
            .Select(g => g.Any(u => !u.IsIdiom)
                ? g.Where(u => !u.IsIdiom).Aggregate((a, b) => a with { Concepts = a.Concepts.Union(b.Concepts) })
                : g.First());

    private static T[][] ByLetter<T>(IEnumerable<T> items, Func<T, string> key)
    {
        var list = items.ToList();
        return [.. Enumerable.Range(0, 27).Select(b => list.Where(x => Letter(key(x)[0]) == b).ToArray())];
    }

    private static int Letter(char c) => c is >= 'a' and <= 'z' ? c - 'a' : 26;

    /// <summary>Stems are bucketed by their first two letters (a one-letter word shares the bucket of its letter and nothing).</summary>
    private static int TwoLetters(ReadOnlySpan<char> word) => (Letter(word[0]) * 28) + (word.Length > 1 ? Letter(word[1]) : 27);

    private static (string Stem, LexiconWord Word)[][] ByTwoLetters(IEnumerable<(string Stem, LexiconWord Word)> stems)
    {
        var list = stems.ToList();
        return [.. Enumerable.Range(0, 27 * 28).Select(b => list.Where(s => TwoLetters(s.Stem) == b).ToArray())];
    }

    private static bool HasDoubleLetter(ReadOnlySpan<char> word)
    {
        for (var i = 1; i < word.Length; i++)
        {
            if (word[i] == word[i - 1])
            {
                return true;
            }
        }

        return false;
    }

    private static int Collapse(ReadOnlySpan<char> word, Span<char> into)
    {
        var n = 0;
        foreach (var c in word)
        {
            if (n == 0 || into[n - 1] != c)
            {
                into[n++] = c;
            }
        }

        return n;
    }

    private static string Collapse(string word)
    {
        Span<char> buffer = stackalloc char[word.Length];
        return new string(buffer[..Collapse(word, buffer)]);
    }
}
