using System.Collections.Frozen;
using System.Text.Json;

namespace Buddy.Domain.Replies;

/// <summary>
/// The tags Buddy puts on a reply and the words that set them: exact words, stems ("walk*"), phrases
/// ("couldnt sleep"), and for words of six letters or more one typo ("colege", "excercise"). Matching ignores
/// case and apostrophes and allocates nothing but the final list. Immutable and safe to share.
/// </summary>
public sealed class TagVocabulary
{
    private const int FuzzyMinimumLength = 6;
    private const string ResourceName = "Buddy.Domain.Replies.tags.json";

    // Real words one typo away from a tag word ("boring"/"boxing", "things"/"thongs"): never matched fuzzily.
    private static readonly WordSet s_notTypos = new(
        "boring", "bored", "things", "nothing", "morning", "evening", "having", "coming", "going", "doing", "seeing", "living",
        "moving", "loving", "saying", "trying", "crying", "buying", "paying", "playing", "staying", "sitting", "waiting",
        "better", "letter", "bitter", "rather", "farther", "another", "others", "brothers", "stressed", "dressed", "talking",
        "walking", "taking", "making", "baking", "shaking", "waking", "parked", "worried", "sorted", "starting", "watching",
        "matching", "patches", "wishes", "dishes", "finished", "laughing", "hanging", "ringing", "singing", "signing",
        "started", "stated", "starter", "shouted", "sorting", "hearing", "heating", "dating", "rating", "eating");

    private readonly string[] _names;
    // One lookup per word: a word's own tags and the phrases it starts are one entry.
    private readonly FrozenDictionary<string, TagEntry>.AlternateLookup<ReadOnlySpan<char>> _entries;
    private readonly (string Stem, ulong Tags)[] _stems;

    // Stems and typo candidates by first letter (a-z, then everything else), so a word is compared with a few, not all.
    private readonly (string Stem, ulong Tags)[][] _stemsByLetter;
    private readonly (string Word, ulong Tags)[][] _fuzzyByLetter;

    public TagVocabulary(IEnumerable<KeyValuePair<string, IReadOnlyList<string>>> tags)
    {
        var names = new List<string>();
        var words = new Dictionary<string, ulong>(StringComparer.OrdinalIgnoreCase);
        var stems = new Dictionary<string, ulong>(StringComparer.OrdinalIgnoreCase);
        var phrases = new Dictionary<string, List<(string[] Words, ulong Tags)>>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, terms) in tags)
        {
            var index = names.FindIndex(n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase));
            if (index < 0)
            {
                if (names.Count == 64)
                {
                    throw new ArgumentException("A tag vocabulary holds at most 64 tags.", nameof(tags));
                }

                index = names.Count;
                names.Add(name.Trim().ToLowerInvariant());
            }

            var bit = 1UL << index;
            foreach (var term in terms)
            {
                var parts = term.Replace("'", "", StringComparison.Ordinal).Replace("\u2019", "", StringComparison.Ordinal)
                    .Split([' ', '-', '&', '/', '.'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                if (parts.Length == 0)
                {
                    continue;
                }

                if (parts.Length > 1)
                {
                    if (!phrases.TryGetValue(parts[0], out var list))
                    {
                        phrases[parts[0]] = list = [];
                    }

                    list.Add((parts, bit));
                }
                else if (parts[0].EndsWith('*'))
                {
                    var stem = parts[0].TrimEnd('*');
                    stems[stem] = stems.GetValueOrDefault(stem) | bit;
                }
                else
                {
                    words[parts[0]] = words.GetValueOrDefault(parts[0]) | bit;
                }
            }
        }

        _names = [.. names];
        Names = _names;
        _entries = words.Keys.Concat(phrases.Keys).Distinct(StringComparer.OrdinalIgnoreCase)
            .ToFrozenDictionary(k => k, k => new TagEntry(words.GetValueOrDefault(k), phrases.TryGetValue(k, out var list) ? [.. list] : []), StringComparer.OrdinalIgnoreCase)
            .GetAlternateLookup<ReadOnlySpan<char>>();
        _stems = [.. stems.Select(s => (s.Key, s.Value))];
        var fuzzy = words.Where(w => w.Key.Length >= FuzzyMinimumLength).Select(w => (w.Key, w.Value)).ToList();
        _stemsByLetter = [.. Enumerable.Range(0, 27).Select(b => _stems.Where(x => Letter(x.Stem) == b).ToArray())];
        _fuzzyByLetter = [.. Enumerable.Range(0, 27).Select(b => fuzzy.Where(x => Letter(x.Key) == b).ToArray())];
    }

    /// <summary>Buddy's built-in vocabulary (Replies/tags.json).</summary>
    public static TagVocabulary Default { get; } = FromJson(ReadResource());

    /// <summary>Tag names in vocabulary order, which is the order tags are reported in.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>Reads <c>{ "tag": ["word", "stem*", "a phrase"], ... }</c>; keys starting with '_' are comments.</summary>
    public static TagVocabulary FromJson(string json)
    {
        var tags = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(json)
            ?? throw new ArgumentException("The tag vocabulary is empty.", nameof(json));
        return new TagVocabulary(tags
            .Where(t => !t.Key.StartsWith('_'))
            .Select(t => new KeyValuePair<string, IReadOnlyList<string>>(t.Key, t.Value.EnumerateArray().Select(e => e.GetString() ?? "").ToList())));
    }

    /// <summary>This vocabulary with more terms (and perhaps new tags) added, e.g. from an organisation's settings.</summary>
    public TagVocabulary With(IEnumerable<KeyValuePair<string, IReadOnlyList<string>>> extra) =>
        new(ToPairs().Concat(extra));

    internal ulong Match(ReadOnlySpan<char> text, ReadOnlySpan<ReplyToken> tokens)
    {
        var found = 0UL;
        Span<char> buffer = stackalloc char[64];
        for (var i = 0; i < tokens.Length; i++)
        {
            var token = tokens[i];
            if (token.Kind is TokenKind.Symbol or TokenKind.Emoji || token.Length > buffer.Length)
            {
                continue;
            }

            var word = WithoutApostrophes(text.Slice(token.Start, token.Length), buffer);
            _entries.TryGetValue(word, out var entry);
            var tags = entry.Tags;
            if (tags == 0 && word.Length >= 4 && word[^1] is 's' or 'S' && _entries.TryGetValue(word[..^1], out var singular))
            {
                tags = singular.Tags; // "nans", "mum's": plurals and possessives of a tag word
            }

            found |= tags;
            if (entry.Phrases is { Length: > 0 } phrases)
            {
                foreach (var phrase in phrases)
                {
                    if (PhraseAt(text, tokens, i, phrase.Words))
                    {
                        found |= phrase.Tags;
                    }
                }
            }

            if (token.Kind != TokenKind.Word)
            {
                continue;
            }

            // A word the vocabulary lists exactly ("sleepover") is not also read through a stem ("sleep*").
            if (tags != 0)
            {
                continue;
            }

            var letter = Letter(word);
            var matchedStem = false;
            foreach (var (stem, stemTags) in _stemsByLetter[letter])
            {
                if (word.StartsWith(stem, StringComparison.OrdinalIgnoreCase))
                {
                    found |= stemTags;
                    matchedStem = true;
                }
            }

            if (!matchedStem && word.Length >= FuzzyMinimumLength && !s_notTypos.Contains(word))
            {
                foreach (var (candidate, candidateTags) in _fuzzyByLetter[letter])
                {
                    if (Typos.WithinOneEdit(word, candidate))
                    {
                        found |= candidateTags;
                    }
                }
            }
        }

        return found;
    }

    private static int Letter(ReadOnlySpan<char> word) =>
        word.IsEmpty ? 26 : char.ToLowerInvariant(word[0]) is var c and >= 'a' and <= 'z' ? c - 'a' : 26;

    internal IReadOnlyList<string> NamesOf(ulong tags)
    {
        if (tags == 0)
        {
            return [];
        }

        var list = new List<string>(System.Numerics.BitOperations.PopCount(tags));
        for (var i = 0; i < _names.Length; i++)
        {
            if ((tags & (1UL << i)) != 0)
            {
                list.Add(_names[i]);
            }
        }

        return list;
    }

    private IEnumerable<KeyValuePair<string, IReadOnlyList<string>>> ToPairs()
    {
        for (var i = 0; i < _names.Length; i++)
        {
            var bit = 1UL << i;
            var terms = new List<string>();
            foreach (var (word, entry) in _entries.Dictionary)
            {
                if ((entry.Tags & bit) != 0)
                {
                    terms.Add(word);
                }
            }

            terms.AddRange(_stems.Where(s => (s.Tags & bit) != 0).Select(s => s.Stem + "*"));
            terms.AddRange(_entries.Dictionary.Values.SelectMany(e => e.Phrases).Where(p => (p.Tags & bit) != 0).Select(p => string.Join(' ', p.Words)));
            yield return new(_names[i], terms);
        }
    }

    private static bool PhraseAt(ReadOnlySpan<char> text, ReadOnlySpan<ReplyToken> tokens, int i, string[] words)
    {
        var j = i + 1;
        Span<char> buffer = stackalloc char[64];
        for (var w = 1; w < words.Length; w++)
        {
            while (j < tokens.Length && tokens[j].Kind == TokenKind.Symbol)
            {
                j++;
            }

            if (j >= tokens.Length || tokens[j].Kind == TokenKind.Emoji)
            {
                return false;
            }

            var token = tokens[j];
            if (token.Length > buffer.Length || !WithoutApostrophes(text.Slice(token.Start, token.Length), buffer).Equals(words[w], StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }

            j++;
        }

        return true;
    }

    internal static ReadOnlySpan<char> WithoutApostrophes(ReadOnlySpan<char> word, Span<char> buffer)
    {
        if (word.IndexOfAny('\'', '\u2019', '\u2018') < 0)
        {
            return word;
        }

        var n = 0;
        foreach (var c in word)
        {
            if (c is not ('\'' or '\u2019' or '\u2018'))
            {
                buffer[n++] = c;
            }
        }

        return buffer[..n];
    }

    private static string ReadResource()
    {
        using var stream = typeof(TagVocabulary).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>What one word sets: its own tags (0 when it sets none alone) and the phrases it starts.</summary>
    private readonly record struct TagEntry(ulong Tags, (string[] Words, ulong Tags)[] Phrases);
}
