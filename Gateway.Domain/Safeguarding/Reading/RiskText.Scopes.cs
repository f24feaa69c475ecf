namespace Buddy.Domain.Safeguarding.Reading;

/// <summary>Names, sentences and clauses: what capitalised words are, and the scopes rules read within.</summary>
internal sealed partial class RiskText
{
    /// <summary>A word of death, ending or goodbye: "ending" is "end" and its forms, not "over" or "stop".</summary>
    private static bool IsDeathWord(LexiconWord word) =>
        word.Concepts.HasAny(s_deathFamilies) || (word.Concepts.Has(Concept.End) && word.Base.StartsWith("end", StringComparison.Ordinal));

    /// <summary>Capitalised words the lexicon does not know, not starting a sentence, are names: people ("my Jean").</summary>
    private void MarkNames()
    {
        if (_capitals * 2 > _letters || IsTitleCase())
        {
            MarkNamesAfterMy(); // WRITTEN IN CAPITALS or In Title Case: every word looks like a name, but "MY JEAN" is one
            return;
        }

        for (var i = 1; i < Count; i++)
        {
            ref var token = ref _tokens[i];
            if (token.Has(TokenMarks.Capitalised) && !token.Has(TokenMarks.SentenceBreak) && token.Concepts.IsEmpty && token.CharLength > 1 && token.Word is null)
            {
                token.Concepts = Concepts.Of(Concept.Person);
            }
        }
    }

    /// <summary>An unknown word after "my" that ends the reply or its clause: "BE WITH MY JEAN", "Miss My Tom".</summary>
    private void MarkNamesAfterMy()
    {
        for (var i = 1; i < Count; i++)
        {
            ref var token = ref _tokens[i];
            var last = i + 1 >= Count || (_tokens[i + 1].Marks & (TokenMarks.SentenceBreak | TokenMarks.ClauseBreak)) != 0;
            if (last && token.Concepts.IsEmpty && token.CharLength > 1 && token.Word is null && !token.Has(TokenMarks.Numeric)
                && _tokens[i - 1].Word is null && _chars.AsSpan(_tokens[i - 1].CharStart, _tokens[i - 1].CharLength).SequenceEqual("my"))
            {
                token.Concepts = Concepts.Of(Concept.Person);
            }
        }
    }

    /// <summary>Most words start with a capital ("I Want To Die"): a phone or a habit, not names.</summary>
    private bool IsTitleCase()
    {
        var capitalised = 0;
        for (var i = 0; i < Count; i++)
        {
            capitalised += _tokens[i].Has(TokenMarks.Capitalised) ? 1 : 0;
        }

        return Count >= 3 && capitalised * 3 >= Count * 2;
    }

    private void NumberScopes()
    {
        _sentenceCount = 0;
        _clauseCount = 0;
        Array.Clear(_counts);
        var all = Concepts.None;
        for (var i = 0; i < Count; i++)
        {
            ref var token = ref _tokens[i];
            if (i == 0 || token.Has(TokenMarks.SentenceBreak))
            {
                Open(ref _sentences, ref _sentenceCount, i);
            }

            if (i == 0 || token.Has(TokenMarks.ClauseBreak) || token.Has(TokenMarks.SentenceBreak) || IsClauseWord(Key(i)))
            {
                Open(ref _clauses, ref _clauseCount, i);
            }

            token.Sentence = _sentenceCount - 1;
            token.Clause = _clauseCount - 1;
            foreach (var concept in token.Concepts)
            {
                _counts[(int)concept]++;
            }
            Extend(_sentences, _sentenceCount, i, token.Concepts);
            Extend(_clauses, _clauseCount, i, token.Concepts);
            all = all.Union(token.Concepts);
        }

        All = all;
    }

    /// <summary>"but", "though", "however"...: the length and first letter turn most words away before the lookup.</summary>
    private static bool IsClauseWord(ReadOnlySpan<char> key) =>
        key.Length is >= 3 and <= 8 && key[0] is 'b' or 't' or 'a' or 'h' or 'e' or 'w' && s_clauseWords.Contains(key);

    private static void Open(ref Scope[] scopes, ref int count, int first)
    {
        Grow(ref scopes, count + 1);
        scopes[count++] = new Scope(first, first, Concepts.None);
    }

    private static void Extend(Scope[] scopes, int count, int i, Concepts concepts) =>
        scopes[count - 1] = new Scope(scopes[count - 1].First, i, scopes[count - 1].Concepts.Union(concepts));

    /// <summary>A sentence or clause: its first and last word and every family in it.</summary>
    private readonly record struct Scope(int First, int Last, Concepts Concepts);
}
