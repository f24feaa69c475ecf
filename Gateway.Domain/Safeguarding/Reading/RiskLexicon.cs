using System.Collections.Frozen;
using System.Text.Json;

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
internal sealed partial class RiskLexicon
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
    private readonly WordFilter _textSpeakFilter;
    private readonly WordFilter _unitFilter;
    private readonly WordFilter _splitFilter;
    private readonly WordFilter _stretchedFilter;

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
        _textSpeakFilter = new WordFilter(textSpeak.Keys);
        _stretchedFilter = new WordFilter(_stretched.Dictionary.Keys);
        _unitFilter = new WordFilter(units.Select(u => u.Words[0]));
        _splitStarts = words.Values.Where(w => w.Concepts.HasAny(Joinable) && w.Key.Length >= 6 && !w.Key.Contains(' ', StringComparison.Ordinal))
            .Select(w => w.Key).Concat(stems.Keys.Where(k => k.Length >= 4 && stems[k].HasAny(Joinable)))
            .SelectMany(k => Enumerable.Range(2, Math.Max(0, k.Length - 3)).Select(n => k[..n]))
            .ToFrozenSet(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        _splitFilter = new WordFilter(_splitStarts.Set);
    }

    /// <summary>Families worth joining split letters or words for ("s u i c i d e", "over dose"): not grammar words.</summary>
    public static Concepts Joinable { get; } = Concepts.Of(
        Concept.Suicide, Concept.Die, Concept.Kill, Concept.SelfHarm, Concept.Overdose, Concept.Meds, Concept.Abuse, Concept.Sexual,
        Concept.Violence, Concept.Exploit, Concept.Myself, Concept.Cut, Concept.Burden, Concept.Disappear, Concept.Relapse, Concept.Nobody,
        Concept.Everyone, Concept.Other, Concept.Choke, Concept.Means, Concept.Blade);

    /// <summary>True when <paramref name="word"/> can be the first part of a risk word split in two.</summary>
    public bool CouldStartSplitWord(ReadOnlySpan<char> word) => _splitFilter.MayContain(word) && _splitStarts.Contains(word);

    /// <summary>The families as written in the data, for tests that read every entry.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Families { get; }

    /// <summary>The idioms as written in the data.</summary>
    public IReadOnlyList<string> Idioms { get; }

    /// <summary>The most words any unit has.</summary>
    public int MaxUnitLength { get; }

    public bool TryTextSpeak(ReadOnlySpan<char> word, out string[] replacement)
    {
        if (!_textSpeakFilter.MayContain(word))
        {
            replacement = [];
            return false;
        }

        return _textSpeak.TryGetValue(word, out replacement!);
    }

    /// <summary>
    /// The units that start with <paramref name="first"/> then <paramref name="second"/>, longest first; and those whose
    /// second word is a number or a stem, which the caller checks in full.
    /// </summary>
    public (ReadOnlyMemory<LexiconUnit> Exact, ReadOnlyMemory<LexiconUnit> Patterned) UnitsStartingWith(ReadOnlySpan<char> first, ReadOnlySpan<char> second)
    {
        if (!_unitFilter.MayContain(first) || !_unitsByFirstWord.TryGetValue(first, out var after))
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
}
