namespace Buddy.Domain.Safeguarding.Reading;

/// <summary>Several words read as one: "no one" (nobody, not a negation), "made my mind up", idioms ("dying to").</summary>
internal sealed partial class RiskText
{
    /// <summary>Merges the longest unit starting at each word, left to right, into <paramref name="merged"/>; returns its word count.</summary>
    private int MergeUnits(RiskLexicon lexicon, bool readIdioms, RiskToken[] merged)
    {
        var written = 0;
        var r = 0;
        while (r < Count)
        {
            var unit = LongestUnitAt(lexicon, r, readIdioms);
            if (unit is not null && IsOutgrown(lexicon, r, unit.Words.Length, unit.IsIdiom, readIdioms))
            {
                unit = null; // "im dead inside", "a waste of space": a unit starting inside this one and running past it says more
            }

            if (unit is null)
            {
                merged[written++] = _tokens[r++];
                continue;
            }

            var last = r + unit.Words.Length - 1;
            var token = _tokens[r];
            var death = false;
            for (var k = r; k <= last; k++)
            {
                death |= _tokens[k].Has(TokenMarks.DeathWord);
            }

            token.CharStart = -1;
            token.Word = unit.Text;
            token.Base = null;
            token.Concepts = unit.Concepts;
            token.OriginalEnd = _tokens[last].OriginalEnd;
            token.Marks = (token.Marks & (TokenMarks.SentenceBreak | TokenMarks.ClauseBreak | TokenMarks.Capitalised))
                | (death || unit.Concepts.HasAny(s_deathFamilies) ? TokenMarks.DeathWord : TokenMarks.None);
            token.Number = -1;
            HasIdiom |= unit.IsIdiom;
            merged[written++] = token;
            r = last + 1;
        }

        return written;
    }

    private LexiconUnit? LongestUnitAt(RiskLexicon lexicon, int r, bool readIdioms)
    {
        if (r + 1 >= Count || (_tokens[r + 1].Marks & (TokenMarks.SentenceBreak | TokenMarks.ClauseBreak)) != 0)
        {
            return null; // every unit has two words at least, and none runs across a break
        }

        var first = _tokens[r].Has(TokenMarks.Numeric) ? lexicon.NumberEntry : _tokens[r].Entry;
        if (first?.Units is null)
        {
            return null; // most words start no unit: no need to read the next one
        }

        var second = _tokens[r + 1].Has(TokenMarks.Numeric) ? "#".AsSpan() : Key(r + 1);
        var (exact, patterned) = RiskLexicon.UnitsStartingWith(first, second);
        var longest = FirstMatch(exact.Span, r, readIdioms);
        var other = FirstMatch(patterned.Span, r, readIdioms);
        return other is not null && (longest is null || other.Words.Length > longest.Words.Length) ? other : longest;
    }

    private LexiconUnit? FirstMatch(ReadOnlySpan<LexiconUnit> units, int r, bool readIdioms)
    {
        foreach (var unit in units)
        {
            if ((readIdioms || !unit.IsIdiom) && MatchesAt(unit, r))
            {
                return unit;
            }
        }

        return null;
    }

    /// <summary>True when a unit that says more starts inside [r, r+length) and runs past its end.</summary>
    private bool IsOutgrown(RiskLexicon lexicon, int r, int length, bool outerIsIdiom, bool readIdioms)
    {
        for (var k = r + 1; k < r + length && k < Count; k++)
        {
            // Outgrown by a longer unit, or by one as long when this one is an idiom and that one is not.
            if (LongestUnitAt(lexicon, k, readIdioms) is { } inner && k + inner.Words.Length > r + length
                && (inner.Words.Length > length || (inner.Words.Length == length && outerIsIdiom && !inner.IsIdiom)))
            {
                return true;
            }
        }

        return false;
    }

    private bool MatchesAt(LexiconUnit unit, int r)
    {
        if (r + unit.Words.Length > Count)
        {
            return false;
        }

        for (var k = 1; k < unit.Words.Length; k++)
        {
            ref readonly var token = ref _tokens[r + k];
            if ((token.Marks & (TokenMarks.SentenceBreak | TokenMarks.ClauseBreak)) != 0 || !WordMatches(unit.Words[k], r + k))
            {
                return false;
            }
        }

        return true;
    }

    private bool WordMatches(string word, int i)
    {
        if (word == "#")
        {
            return _tokens[i].Has(TokenMarks.Numeric);
        }

        var key = Key(i);
        return word.EndsWith('*') ? key.StartsWith(word.AsSpan(0, word.Length - 1), StringComparison.Ordinal) : key.SequenceEqual(word);
    }
}
