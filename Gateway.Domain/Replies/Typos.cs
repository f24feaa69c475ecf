namespace Buddy.Domain.Replies;

/// <summary>Typo tolerance shared by the tag matcher and the risk detector.</summary>
internal static class Typos
{
    /// <summary>
    /// True when <paramref name="a"/> becomes <paramref name="b"/> with at most one edit: a letter changed, added,
    /// dropped, or two neighbours swapped ("sucidal", "colege", "overdoes"). Case-insensitive, O(n), no allocation.
    /// </summary>
    public static bool WithinOneEdit(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        if (Math.Abs(a.Length - b.Length) > 1)
        {
            return false;
        }

        var i = 0;
        while (i < a.Length && i < b.Length && Same(a[i], b[i]))
        {
            i++;
        }

        if (i == a.Length && i == b.Length)
        {
            return true;
        }

        if (a.Length == b.Length)
        {
            // One substitution, or one swap of neighbours.
            if (a[(i + 1)..].Equals(b[(i + 1)..], StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }

            return i + 1 < a.Length && Same(a[i], b[i + 1]) && Same(a[i + 1], b[i])
                && a[(i + 2)..].Equals(b[(i + 2)..], StringComparison.OrdinalIgnoreCase);
        }

        // One letter added or dropped.
        return a.Length > b.Length
            ? a[(i + 1)..].Equals(b[i..], StringComparison.OrdinalIgnoreCase)
            : a[i..].Equals(b[(i + 1)..], StringComparison.OrdinalIgnoreCase);
    }

    private static bool Same(char x, char y) => x == y || char.ToLowerInvariant(x) == char.ToLowerInvariant(y);
}
