using System.Collections.Frozen;
using System.Text.Json;
using Buddy.Domain.Replies;

namespace Buddy.Domain.Safeguarding.Reading;

/// <summary>One word the lexicon knows: its families, the form it was listed as (the key) and the word it inflects.</summary>
internal sealed record LexiconWord(Concepts Concepts, string Key, string Base)
{
    /// <summary>Found by a stem ("suicid*"): the key is a start, not a spelling to read the word as.</summary>
    public bool IsStem { get; init; }
}

/// <summary>Several words read as one ("no one", "made my mind up"); an idiom's words mean nothing risky.</summary>
internal sealed record LexiconUnit(string[] Words, Concepts Concepts, bool IsIdiom, string Source)
{
    /// <summary>The words joined by spaces: the unit's spelling once merged into one token.</summary>
    public string Text { get; } = string.Join(' ', Words);
}

/// <summary>
/// risk-lexicon.json compiled for lookups that allocate nothing: exact words (with generated inflections), stems,
/// stretched words ("killlll"), one typo in long risk words ("sucidal"), censored words ("k*ll"), and the units
/// (several words read as one) keyed by their first word. Immutable and thread-safe.
/// </summary>
internal sealed class RiskLexicon
{
    private const int TypoMinimumLength = 7;
    private const int MaxTypoLength = 24;

    // Only these families forgive a typo: their long words are rarely one letter from an everyday word.
    private static readonly Concepts s_typoFamilies = Concepts.Of(
        Concept.Suicide, Concept.SelfHarm, Concept.Overdose, Concept.Meds, Concept.Abuse, Concept.Exploit, Concept.Sexual, Concept.Choke,
        Concept.Burden, Concept.Farewell, Concept.Relapse, Concept.Means, Concept.Violence);

    private readonly FrozenDictionary<string, string[]>.AlternateLookup<ReadOnlySpan<char>> _textSpeak;
    private readonly FrozenDictionary<string, LexiconWord>.AlternateLookup<ReadOnlySpan<char>> _words;
    private readonly FrozenDictionary<string, LexiconWord>.AlternateLookup<ReadOnlySpan<char>> _stretched;
    private readonly FrozenDictionary<string, UnitsAfter>.AlternateLookup<ReadOnlySpan<char>> _unitsByFirstWord;
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _vocabulary;
    private readonly (string Stem, LexiconWord Word)[][] _stemsByLetters;
    private readonly LexiconWord[][] _typosByLetterAndLength;
    private readonly LexiconWord[][] _wordsByLetter;
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _splitStarts;

    public RiskLexicon(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var textSpeak = root.GetProperty("textSpeak").EnumerateObject()
            .ToDictionary(p => p.Name, p => p.Value.GetString()!.Split(' ', StringSplitOptions.RemoveEmptyEntries), StringComparer.OrdinalIgnoreCase);
        _textSpeak = textSpeak.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();
        IEnumerable<string> Speak(string word) => textSpeak.TryGetValue(word, out var replacement) ? replacement : [word];

        var words = new Dictionary<string, LexiconWord>(StringComparer.Ordinal);
        var stems = new Dictionary<string, Concepts>(StringComparer.Ordinal);
        var units = new List<LexiconUnit>();
        var families = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var family in root.GetProperty("words").EnumerateObject())
        {
            var concept = Enum.Parse<Concept>(family.Name, ignoreCase: true);
            var entries = family.Value.EnumerateArray().Select(e => e.GetString()!).ToList();
            families[family.Name] = entries;
            foreach (var entry in entries)
            {
                var isInflected = entry.EndsWith('~') && !entry.Contains(' ', StringComparison.Ordinal);
                foreach (var sequence in LexiconSyntax.Expand(entry, Speak))
                {
                    Add(sequence, Concepts.Of(concept), entry, isInflected ? LexiconSyntax.Normalise(entry[..^1]) : null, words, stems, units);
                }
            }
        }

        var idioms = root.GetProperty("idioms").EnumerateArray().Select(e => e.GetString()!).ToList();
        foreach (var idiom in idioms)
        {
            units.AddRange(LexiconSyntax.Expand(idiom, Speak).Where(s => s.Length > 1).Select(s => new LexiconUnit(s, Concepts.Of(Concept.Idiom), true, idiom)));
        }

        // A word listed exactly ("overdose" as a topic) keeps the families of any stem it also has ("overdos*").
        foreach (var (word, known) in words.ToList())
        {
            foreach (var (stem, stemConcepts) in stems)
            {
                if (word.StartsWith(stem, StringComparison.Ordinal))
                {
                    words[word] = known with { Concepts = known.Concepts.Union(stemConcepts) };
                }
            }
        }

        Families = families;
        Idioms = idioms;
        _words = words.ToFrozenDictionary(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        _stretched = words.Values.Where(w => w.Key.Length >= 3)
            .GroupBy(w => Collapse(w.Key), StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.OrderBy(w => w.Key.Length).First(), StringComparer.Ordinal)
            .GetAlternateLookup<ReadOnlySpan<char>>();
        // Every word the lexicon spells, alone, in a unit or as text-speak: what a word typed with a letter held down may be.
        _vocabulary = words.Keys.Concat(units.SelectMany(u => u.Words)).Concat(textSpeak.Keys).Where(w => w.Length >= 2 && !w.EndsWith('*') && w != "#")
            .ToFrozenSet(StringComparer.Ordinal)
            .GetAlternateLookup<ReadOnlySpan<char>>();
        _unitsByFirstWord = MergeUnits(units).GroupBy(u => u.Words[0], StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => new UnitsAfter(g), StringComparer.Ordinal)
            .GetAlternateLookup<ReadOnlySpan<char>>();
        MaxUnitLength = units.Count == 0 ? 1 : units.Max(u => u.Words.Length);
        _stemsByLetters = ByTwoLetters(stems.OrderByDescending(s => s.Key.Length).Select(s => (s.Key, new LexiconWord(s.Value, s.Key, s.Key) { IsStem = true })));
        // Typos are forgiven against words as listed, not against generated forms ("staying" is not a typo of "stabing").
        var typos = words.Values.Where(w => w.Key == w.Base && w.Key.Length >= TypoMinimumLength && w.Concepts.HasAny(s_typoFamilies)).ToList();
        // Bucket (letter, length) holds the words that letter starts whose length is within one of it.
        _typosByLetterAndLength = [.. Enumerable.Range(0, 27 * MaxTypoLength).Select(b => typos
            .Where(w => Letter(w.Key[0]) == b / MaxTypoLength && Math.Abs(Math.Min(w.Key.Length, MaxTypoLength - 1) - (b % MaxTypoLength)) <= 1).ToArray())];
        _wordsByLetter = ByLetter(words.Values, w => w.Key);

        // The starts of split risk words ("sui" of "sui cide", "over" of "over dose"): a pair of words is only joined when the first is one.
        _splitStarts = words.Values.Where(w => w.Concepts.HasAny(Joinable) && w.Key.Length >= 6 && !w.Key.Contains(' ', StringComparison.Ordinal))
            .Select(w => w.Key).Concat(stems.Keys.Where(k => k.Length >= 4 && stems[k].HasAny(Joinable)))
            .SelectMany(k => Enumerable.Range(2, Math.Max(0, k.Length - 3)).Select(n => k[..n]))
            .ToFrozenSet(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>Families worth joining split letters or words for ("s u i c i d e", "over dose"): not grammar words.</summary>
    public static Concepts Joinable { get; } = Concepts.Of(
        Concept.Suicide, Concept.Die, Concept.Kill, Concept.SelfHarm, Concept.Overdose, Concept.Meds, Concept.Abuse, Concept.Sexual,
        Concept.Violence, Concept.Exploit, Concept.Myself, Concept.Cut, Concept.Burden, Concept.Disappear, Concept.Relapse, Concept.Nobody,
        Concept.Everyone, Concept.Other, Concept.Choke, Concept.Means, Concept.Blade);

    /// <summary>True when <paramref name="word"/> can be the first part of a risk word split in two.</summary>
    public bool CouldStartSplitWord(ReadOnlySpan<char> word) => _splitStarts.Contains(word);

    /// <summary>The families as written in the data, for tests that read every entry.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Families { get; }

    /// <summary>The idioms as written in the data.</summary>
    public IReadOnlyList<string> Idioms { get; }

    /// <summary>The most words any unit has.</summary>
    public int MaxUnitLength { get; }

    public bool TryTextSpeak(ReadOnlySpan<char> word, out string[] replacement) => _textSpeak.TryGetValue(word, out replacement!);

    /// <summary>
    /// The units that start with <paramref name="first"/> then <paramref name="second"/>, longest first; and those whose
    /// second word is a number or a stem, which the caller checks in full.
    /// </summary>
    public (ReadOnlyMemory<LexiconUnit> Exact, ReadOnlyMemory<LexiconUnit> Patterned) UnitsStartingWith(ReadOnlySpan<char> first, ReadOnlySpan<char> second)
    {
        if (!_unitsByFirstWord.TryGetValue(first, out var after))
        {
            return (ReadOnlyMemory<LexiconUnit>.Empty, ReadOnlyMemory<LexiconUnit>.Empty);
        }

        return (after.BySecondWord.TryGetValue(second, out var exact) ? exact : ReadOnlyMemory<LexiconUnit>.Empty, after.Patterned);
    }

    /// <summary>True when a typo in this word, as listed, is forgiven (seven letters or more, in a risk family).</summary>
    public bool ForgivesTypo(string word) =>
        word.Length >= TypoMinimumLength && _words.TryGetValue(word, out var listed) && listed.Key == listed.Base && listed.Concepts.HasAny(s_typoFamilies);

    /// <summary>True when some unit starts with these two words.</summary>
    public bool StartsAUnit(ReadOnlySpan<char> first, ReadOnlySpan<char> second) =>
        _unitsByFirstWord.TryGetValue(first, out var after) && (after.BySecondWord.ContainsKey(second) || after.Patterned.Length > 0);

    /// <summary>The units after one first word, by their second word (two lookups instead of trying every unit of "my" or "i").</summary>
    private sealed class UnitsAfter(IEnumerable<LexiconUnit> units)
    {
        public FrozenDictionary<string, LexiconUnit[]>.AlternateLookup<ReadOnlySpan<char>> BySecondWord { get; } = units
            .Where(u => !IsPattern(u.Words[1]))
            .GroupBy(u => u.Words[1], StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.OrderByDescending(u => u.Words.Length).ToArray(), StringComparer.Ordinal)
            .GetAlternateLookup<ReadOnlySpan<char>>();

        public LexiconUnit[] Patterned { get; } = [.. units.Where(u => IsPattern(u.Words[1])).OrderByDescending(u => u.Words.Length)];

        private static bool IsPattern(string word) => word == "#" || word.EndsWith('*');
    }

    /// <summary>What a word means when spelt as listed or with a listed stem: the cheap lookup for joining split words.</summary>
    public LexiconWord? FindPlain(ReadOnlySpan<char> word)
    {
        if (word.IsEmpty)
        {
            return null;
        }

        if (_words.TryGetValue(word, out var found))
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
    public LexiconWord? Find(ReadOnlySpan<char> word)
    {
        if (word.IsEmpty)
        {
            return null;
        }

        if (_words.TryGetValue(word, out var found))
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
            if (_stretched.TryGetValue(collapsed[..length], out found) && word.Length > found.Key.Length)
            {
                return found; // "killlll", "diiie": stretched for emphasis
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
            if (_vocabulary.TryGetValue(shorter[..length], out var listed))
            {
                return listed;
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
