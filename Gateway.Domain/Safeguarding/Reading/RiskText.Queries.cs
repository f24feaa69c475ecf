namespace Buddy.Domain.Safeguarding.Reading;

/// <summary>What the rules ask of a reading: is a family near this word, in its clause, in its sentence. All bounded scans.</summary>
internal sealed partial class RiskText
{
    public int SentenceFirst(int i) => _sentences[_tokens[i].Sentence].First;

    public int SentenceLast(int i) => _sentences[_tokens[i].Sentence].Last;

    public int ClauseFirst(int i) => _clauses[_tokens[i].Clause].First;

    public int ClauseLast(int i) => _clauses[_tokens[i].Clause].Last;

    public bool SentenceHas(int i, Concept concept) => _sentences[_tokens[i].Sentence].Concepts.Has(concept);

    public bool SentenceHasAny(int i, Concepts concepts) => _sentences[_tokens[i].Sentence].Concepts.HasAny(concepts);

    public bool ClauseHas(int i, Concept concept) => _clauses[_tokens[i].Clause].Concepts.Has(concept);

    public bool ClauseHasAny(int i, Concepts concepts) => _clauses[_tokens[i].Clause].Concepts.HasAny(concepts);

    /// <summary>
    /// True when <paramref name="i"/> is the last word of its clause but for words that add nothing to it: a score,
    /// "lol", "im ok", a kiss ("can't cope 3", "i just can't anymore im ok x").
    /// </summary>
    public bool EndsClause(int i) => OnlyTrailing(i, ClauseLast(i));

    public bool EndsSentence(int i) => OnlyTrailing(i, SentenceLast(i));

    /// <summary>
    /// Ends its clause but for asides, a trailing negation or an idiom ("i want to not be anymore, bored to death"): none
    /// of them is what the phrase is about, so none may stop a rule that needs the phrase to end.
    /// </summary>
    public bool EndsClauseOrIdiom(int i)
    {
        for (var j = i + 1; j <= ClauseLast(i); j++)
        {
            if (_tokens[j].Concepts.Has(Concept.Idiom))
            {
                return true;
            }

            if (!IsAside(j) && !_tokens[j].Concepts.Has(Concept.Negation))
            {
                return false;
            }
        }

        return true;
    }

    private bool OnlyTrailing(int i, int last)
    {
        for (var j = i + 1; j <= last; j++)
        {
            if (!IsAside(j))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether any word of the unit at <paramref name="i"/> ("my savings", "would want me") is in the set.</summary>
    public bool AnyWordIn(int i, Buddy.Domain.Replies.WordSet words)
    {
        var key = Key(i);
        foreach (var range in key.Split(' '))
        {
            if (words.Contains(key[range]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A score, laughter, a reassurance or a kiss: words beside a disclosure that say nothing about it.</summary>
    public bool IsAside(int j) => j >= 0 && j < Count && (_tokens[j].Has(TokenMarks.Numeric) || _tokens[j].Concepts.HasAny(s_asides));

    private static readonly Concepts s_asides = Concepts.Of(Concept.Joke, Concept.Reassure, Concept.Score, Concept.Now);

    /// <summary>The nearest word before <paramref name="i"/>, at most <paramref name="window"/> back and in the same sentence (or clause), with the family.</summary>
    public int Before(int i, Concept concept, int window, bool clause = false) => Before(i, Concepts.Of(concept), window, clause);

    public int Before(int i, Concepts concepts, int window, bool clause = false)
    {
        var first = Math.Max(i - window, clause ? ClauseFirst(i) : SentenceFirst(i));
        for (var j = i - 1; j >= first; j--)
        {
            if (_tokens[j].Concepts.HasAny(concepts))
            {
                return j;
            }
        }

        return -1;
    }

    /// <summary>The nearest word after <paramref name="i"/>, at most <paramref name="window"/> on and in the same sentence (or clause), with the family.</summary>
    public int After(int i, Concept concept, int window, bool clause = false) => After(i, Concepts.Of(concept), window, clause);

    public int After(int i, Concepts concepts, int window, bool clause = false)
    {
        var last = Math.Min(i + window, clause ? ClauseLast(i) : SentenceLast(i));
        for (var j = i + 1; j <= last; j++)
        {
            if (_tokens[j].Concepts.HasAny(concepts))
            {
                return j;
            }
        }

        return -1;
    }

    /// <summary>The nearest word either side within the window, or -1.</summary>
    public int Near(int i, Concepts concepts, int window, bool clause = false)
    {
        var before = Before(i, concepts, window, clause);
        var after = After(i, concepts, window, clause);
        return before < 0 ? after : after < 0 ? before : (i - before <= after - i ? before : after);
    }

    public int Near(int i, Concept concept, int window, bool clause = false) => Near(i, Concepts.Of(concept), window, clause);

    /// <summary>True when a word in [first, last] has the family.</summary>
    public bool Within(int first, int last, Concept concept)
    {
        for (var j = Math.Max(first, 0); j <= last && j < Count; j++)
        {
            if (_tokens[j].Concepts.Has(concept))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The first word after <paramref name="i"/> that is the given word, within the window and sentence.</summary>
    public int AfterWord(int i, string word, int window)
    {
        var last = Math.Min(i + window, SentenceLast(i));
        for (var j = i + 1; j <= last; j++)
        {
            if (Key(j).SequenceEqual(word))
            {
                return j;
            }
        }

        return -1;
    }

    /// <summary>A word and its families, for a developer reading why a reply was or was not flagged.</summary>
    public string DebugToken(int i)
    {
        var marks = _tokens[i].Has(TokenMarks.SentenceBreak) ? "." : _tokens[i].Has(TokenMarks.ClauseBreak) ? "," : "";
        var concepts = new List<string>();
        foreach (var concept in _tokens[i].Concepts)
        {
            concepts.Add(concept.ToString());
        }

        return $"{marks}{Key(i).ToString()}{(concepts.Count == 0 ? "" : "[" + string.Join(' ', concepts) + "]")}";
    }
}
