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

    // One lookup per word: every vocabulary the reader asks about a spelling is one entry of this dictionary.
    private readonly FrozenDictionary<string, VocabularyEntry>.AlternateLookup<ReadOnlySpan<char>> _entries;
    private readonly WordFilter _entryFilter;
    private readonly VocabularyEntry? _numberEntry;
    private readonly (string Stem, LexiconWord Word)[][] _stemsByLetters;
    private readonly LexiconWord[][] _typosByLetterAndLength;
    private readonly LexiconWord[][] _wordsByLetter;

    public RiskLexicon(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var textSpeak = root.GetProperty("textSpeak").EnumerateObject()
            .ToDictionary(p => p.Name, p => p.Value.GetString()!.Split(' ', StringSplitOptions.RemoveEmptyEntries), StringComparer.OrdinalIgnoreCase);
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
        var stretched = words.Values.Where(w => w.Key.Length >= 3)
            .GroupBy(w => Collapse(w.Key), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderBy(w => w.Key.Length).First(), StringComparer.Ordinal);
        // Every word the lexicon spells, alone, in a unit or as text-speak: what a word typed with a letter held down may be.
        var spelt = words.Keys.Concat(units.SelectMany(u => u.Words)).Concat(textSpeak.Keys.Select(k => k.ToLowerInvariant()))
            .Where(w => w.Length >= 2 && !w.EndsWith('*') && w != "#")
            .ToHashSet(StringComparer.Ordinal);
        var unitsByFirstWord = MergeUnits(units).GroupBy(u => u.Words[0], StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => new UnitsAfter(g), StringComparer.Ordinal);
        // The starts of split risk words ("sui" of "sui cide", "over" of "over dose"): a pair of words is only joined when the first is one.
        var splitStarts = words.Values.Where(w => w.Concepts.HasAny(Joinable) && w.Key.Length >= 6 && !w.Key.Contains(' ', StringComparison.Ordinal))
            .Select(w => w.Key).Concat(stems.Keys.Where(k => k.Length >= 4 && stems[k].HasAny(Joinable)))
            .SelectMany(k => Enumerable.Range(2, Math.Max(0, k.Length - 3)).Select(n => k[..n]))
            .ToHashSet(StringComparer.Ordinal);
        var textSpeakLower = textSpeak.ToDictionary(p => p.Key.ToLowerInvariant(), p => p.Value, StringComparer.Ordinal);
        var lookup = words.Keys.Concat(stretched.Keys).Concat(spelt).Concat(unitsByFirstWord.Keys).Concat(splitStarts).Concat(textSpeakLower.Keys)
            .Distinct(StringComparer.Ordinal)
            .ToFrozenDictionary(k => k, k => new VocabularyEntry
            {
                Spelling = k,
                Word = words.GetValueOrDefault(k),
                TextSpeak = textSpeakLower.GetValueOrDefault(k),
                Units = unitsByFirstWord.GetValueOrDefault(k),
                StartsSplitWord = splitStarts.Contains(k),
                Stretched = stretched.GetValueOrDefault(k),
                IsSpelt = spelt.Contains(k),
            }, StringComparer.Ordinal);
        _entries = lookup.GetAlternateLookup<ReadOnlySpan<char>>();
        _entryFilter = new WordFilter(lookup.Keys);
        _numberEntry = Entry("#");
        MaxUnitLength = units.Count == 0 ? 1 : units.Max(u => u.Words.Length);
        _stemsByLetters = ByTwoLetters(stems.OrderByDescending(s => s.Key.Length).Select(s => (s.Key, new LexiconWord(s.Value, s.Key, s.Key) { IsStem = true })));
        // Typos are forgiven against words as listed, not against generated forms ("staying" is not a typo of "stabing").
        var typos = words.Values.Where(w => w.Key == w.Base && w.Key.Length >= TypoMinimumLength && w.Concepts.HasAny(s_typoFamilies)).ToList();
        // Bucket (letter, length) holds the words that letter starts whose length is within one of it.
        _typosByLetterAndLength = [.. Enumerable.Range(0, 27 * MaxTypoLength).Select(b => typos
            .Where(w => Letter(w.Key[0]) == b / MaxTypoLength && Math.Abs(Math.Min(w.Key.Length, MaxTypoLength - 1) - (b % MaxTypoLength)) <= 1).ToArray())];
        _wordsByLetter = ByLetter(words.Values, w => w.Key);
    }

    /// <summary>Families worth joining split letters or words for ("s u i c i d e", "over dose"): not grammar words.</summary>
    public static Concepts Joinable { get; } = Concepts.Of(
        Concept.Suicide, Concept.Die, Concept.Kill, Concept.SelfHarm, Concept.Overdose, Concept.Meds, Concept.Abuse, Concept.Sexual,
        Concept.Violence, Concept.Exploit, Concept.Myself, Concept.Cut, Concept.Burden, Concept.Disappear, Concept.Relapse, Concept.Nobody,
        Concept.Everyone, Concept.Other, Concept.Choke, Concept.Means, Concept.Blade);

    /// <summary>Everything the lexicon knows about this spelling (one filter test and one hash lookup), or null.</summary>
    public VocabularyEntry? Entry(ReadOnlySpan<char> word) =>
        _entryFilter.MayContain(word) && _entries.TryGetValue(word, out var entry) ? entry : null;

    /// <summary>The entry a number is read as in units ("#": "took 30 tablets").</summary>
    public VocabularyEntry? NumberEntry => _numberEntry;

    /// <summary>The families as written in the data, for tests that read every entry.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Families { get; }

    /// <summary>The idioms as written in the data.</summary>
    public IReadOnlyList<string> Idioms { get; }

    /// <summary>The most words any unit has.</summary>
    public int MaxUnitLength { get; }

    public bool TryTextSpeak(ReadOnlySpan<char> word, out string[] replacement)
    {
        replacement = Entry(word)?.TextSpeak ?? [];
        return replacement.Length > 0;
    }

    /// <summary>
    /// The units that start with the word of <paramref name="first"/> then <paramref name="second"/>, longest first; and
    /// those whose second word is a number or a stem, which the caller checks in full.
    /// </summary>
    public static (ReadOnlyMemory<LexiconUnit> Exact, ReadOnlyMemory<LexiconUnit> Patterned) UnitsStartingWith(VocabularyEntry? first, ReadOnlySpan<char> second)
    {
        if (first?.Units is not { } after)
        {
            return (ReadOnlyMemory<LexiconUnit>.Empty, ReadOnlyMemory<LexiconUnit>.Empty);
        }

        return (after.BySecondWord.TryGetValue(second, out var exact) ? exact : ReadOnlyMemory<LexiconUnit>.Empty, after.Patterned);
    }

    /// <summary>True when a typo in this word, as listed, is forgiven (seven letters or more, in a risk family).</summary>
    public bool ForgivesTypo(string word) =>
        word.Length >= TypoMinimumLength && Entry(word)?.Word is { } listed && listed.Key == listed.Base && listed.Concepts.HasAny(s_typoFamilies);

    /// <summary>True when some unit starts with the word of <paramref name="first"/> then <paramref name="second"/>.</summary>
    public static bool StartsAUnit(VocabularyEntry? first, ReadOnlySpan<char> second) =>
        first?.Units is { } after && (after.BySecondWord.ContainsKey(second) || after.Patterned.Length > 0);
}
