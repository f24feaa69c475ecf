using System.Collections.Frozen;

namespace Buddy.Domain.Replies;

/// <summary>
/// A case-insensitive set of words looked up straight from a slice of the reply, ignoring apostrophes
/// ("can't" finds "cant"), without allocating.
/// </summary>
internal sealed class WordSet
{
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public WordSet(IEnumerable<string> words) =>
        _lookup = words.ToFrozenSet(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

    public WordSet(params string[] words)
        : this((IEnumerable<string>)words)
    {
    }

    public bool Contains(ReadOnlySpan<char> word)
    {
        if (word.IndexOfAny('\'', '\u2019', '\u2018') < 0)
        {
            return _lookup.Contains(word);
        }

        if (word.Length > 64)
        {
            return false;
        }

        Span<char> buffer = stackalloc char[64];
        var n = 0;
        foreach (var c in word)
        {
            if (c is not ('\'' or '\u2019' or '\u2018'))
            {
                buffer[n++] = c;
            }
        }

        return _lookup.Contains(buffer[..n]);
    }
}
