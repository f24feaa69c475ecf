namespace Buddy.Domain.Safeguarding.Reading;

/// <summary>
/// Which (first letter, length) pairs a set of words has: a two-instruction test that turns most typed words away
/// before a hash lookup (most words of a reply are in none of the reader's vocabularies). Never turns a member away.
/// </summary>
internal sealed class WordFilter
{
    private const int Letters = 37; // a-z, 0-9 and anything else
    private readonly ulong[] _lengthsByLetter = new ulong[Letters];

    public WordFilter(IEnumerable<string> words)
    {
        foreach (var word in words)
        {
            if (word.Length > 0)
            {
                _lengthsByLetter[Slot(word[0])] |= 1UL << Math.Min(word.Length, 63);
            }
        }
    }

    /// <summary>False when no word of the set starts with this letter and has this length.</summary>
    public bool MayContain(ReadOnlySpan<char> word) =>
        !word.IsEmpty && ((_lengthsByLetter[Slot(word[0])] >> Math.Min(word.Length, 63)) & 1UL) != 0;

    private static int Slot(char c) => c switch
    {
        >= 'a' and <= 'z' => c - 'a',
        >= 'A' and <= 'Z' => c - 'A',
        >= '0' and <= '9' => 26 + (c - '0'),
        _ => 36,
    };
}
