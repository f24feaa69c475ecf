using System.Collections.Frozen;

namespace Buddy.Domain.Safeguarding.Reading;

/// <summary>
/// Everything the reader needs to know about one spelling, found with ONE hash lookup per word: what the word
/// means as listed, what it is as text-speak, the units it starts, whether it starts a risk word split in two,
/// and what it means when it is the collapsed form of a stretched word ("kil" for "killlll"). Built once from the
/// lexicon; immutable.
/// </summary>
internal sealed class VocabularyEntry
{
    /// <summary>The spelling this entry is for (the dictionary's key).</summary>
    public required string Spelling { get; init; }

    /// <summary>The word as listed (with the families of any stem it also has), or null.</summary>
    public LexiconWord? Word { get; init; }

    /// <summary>What the word is as text-speak ("wanna" is "want to"), or null.</summary>
    public string[]? TextSpeak { get; init; }

    /// <summary>The units whose first word this is, or null.</summary>
    public UnitsAfter? Units { get; init; }

    /// <summary>The first part of a risk word typed in two ("sui" of "sui cide").</summary>
    public bool StartsSplitWord { get; init; }

    /// <summary>The shortest listed word that collapses to this spelling (every doubled letter made single), or null.</summary>
    public LexiconWord? Stretched { get; init; }

    /// <summary>The lexicon spells this word somewhere (alone, in a unit or as text-speak): what "wannaaaa" may be.</summary>
    public bool IsSpelt { get; init; }
}

/// <summary>The units after one first word, by their second word (two lookups instead of trying every unit of "my" or "i").</summary>
internal sealed class UnitsAfter(IEnumerable<LexiconUnit> units)
{
    public FrozenDictionary<string, LexiconUnit[]>.AlternateLookup<ReadOnlySpan<char>> BySecondWord { get; } = units
        .Where(u => !IsPattern(u.Words[1]))
        .GroupBy(u => u.Words[1], StringComparer.Ordinal)
        .ToFrozenDictionary(g => g.Key, g => g.OrderByDescending(u => u.Words.Length).ToArray(), StringComparer.Ordinal)
        .GetAlternateLookup<ReadOnlySpan<char>>();

    public LexiconUnit[] Patterned { get; } = [.. units.Where(u => IsPattern(u.Words[1])).OrderByDescending(u => u.Words.Length)];

    private static bool IsPattern(string word) => word == "#" || word.EndsWith('*');
}
