using Buddy.Domain.Replies;

namespace Buddy.Domain.Safeguarding.Reading;

/// <summary>
/// One reply read into words with their families, sentences and clauses, for the rules to query. Built in a few
/// linear passes: tokens, split words joined ("s u i c i d e", "sui cide"), text-speak rewritten, each word looked
/// up, units merged ("no one", "made my mind up", idioms), names marked, sentences and clauses numbered. One
/// instance per thread is reused, so reading a reply allocates nothing.
/// </summary>
internal sealed partial class RiskText
{
    private static readonly Concepts s_deathFamilies = Concepts.Of(
        Concept.Die, Concept.Kill, Concept.Suicide, Concept.Farewell, Concept.Bye, Concept.Disappear, Concept.Deceased);


    private static readonly WordSet s_clauseWords = new("but", "though", "although", "however", "except", "whereas");

    private static readonly WordSet s_unitsAfterNumber = new("kms", "km", "k", "ks", "ish", "x", "xx");

    private char[] _chars = new char[256];
    private RiskToken[] _raw = new RiskToken[256];
    private RiskToken[] _tokens = new RiskToken[768];
    private Scope[] _sentences = new Scope[64];
    private Scope[] _clauses = new Scope[64];
    private int _sentenceCount;
    private int _clauseCount;

    public string Text { get; private set; } = "";

    public int Count { get; private set; }

    /// <summary>Every family found anywhere in the reply.</summary>
    public Concepts All { get; private set; }

    /// <summary>True when an idiom was read as one (so the rules should also be run without idioms, see RiskDetector).</summary>
    public bool HasIdiom { get; private set; }

    public void Read(string text, RiskLexicon lexicon, bool readIdioms)
    {
        Text = text;
        Grow(ref _chars, text.Length);
        Grow(ref _raw, text.Length + 1);
        var raw = RiskTokenizer.Tokenize(text, _chars, _raw, lexicon);
        raw = JoinSplitWords(lexicon, raw);
        Grow(ref _tokens, (raw * 3) + 1);
        Count = RewriteTextSpeak(lexicon, raw);
        LookUp(lexicon);
        HasIdiom = false;
        Count = MergeUnits(lexicon, readIdioms);
        MarkNames();
        NumberScopes();
    }

    /// <summary>The word's spelling as the lexicon reads it.</summary>
    public ReadOnlySpan<char> Key(int i)
    {
        ref readonly var token = ref _tokens[i];
        return token.Word is { } word ? word : _chars.AsSpan(token.CharStart, token.CharLength);
    }

    /// <summary>The word an inflected form comes from, or the word itself.</summary>
    public ReadOnlySpan<char> Base(int i) => _tokens[i].Base ?? Key(i);

    public ref readonly RiskToken this[int i] => ref _tokens[i];

    public bool Has(int i, Concept concept) => i >= 0 && i < Count && _tokens[i].Concepts.Has(concept);

    public bool HasAny(int i, Concepts concepts) => i >= 0 && i < Count && _tokens[i].Concepts.HasAny(concepts);

    public bool Is(int i, string word) => i >= 0 && i < Count && Key(i).SequenceEqual(word);

    /// <summary>The reply as typed from word <paramref name="first"/> to word <paramref name="last"/>.</summary>
    public string Span(int first, int last) => Text[_tokens[first].OriginalStart.._tokens[last].OriginalEnd];

    private static void Grow<T>(ref T[] buffer, int size)
    {
        if (buffer.Length < size)
        {
            buffer = new T[Math.Max(size, buffer.Length * 2)];
        }
    }

    /// <summary>
    /// Letters typed apart to dodge filters ("s u i c i d e", "k.i.l.l") and words split in two ("sui cide",
    /// "over dose") are joined when the joined word is one the lexicon knows.
    /// </summary>
    private int JoinSplitWords(RiskLexicon lexicon, int count)
    {
        var written = 0;
        var r = 0;
        while (r < count)
        {
            var end = r;
            if (_raw[r].Has(TokenMarks.SingleLetter))
            {
                while (end + 1 < count && _raw[end + 1].Has(TokenMarks.SingleLetter) && _raw[end + 1].OriginalStart == _raw[end].OriginalEnd + 1)
                {
                    end++;
                }

                if (end - r < 2)
                {
                    end = r; // "i a" is not a split word: three letters at least
                }
            }
            else if (r + 1 < count && IsWordPart(r) && IsWordPart(r + 1) && _raw[r + 1].OriginalStart == _raw[r].OriginalEnd + 1
                && _raw[r].CharLength + _raw[r + 1].CharLength >= 6 && lexicon.CouldStartSplitWord(CharsOf(r)))
            {
                end = r + 1;
            }

            // A joined pair must reach into its second word: "suicidal just" is not a split "suicid*".
            if (end > r && lexicon.FindPlain(_chars.AsSpan(_raw[r].CharStart, _raw[end].CharStart + _raw[end].CharLength - _raw[r].CharStart)) is { } joined
                && joined.Concepts.HasAny(RiskLexicon.Joinable) && (_raw[r].Has(TokenMarks.SingleLetter) || joined.Key.Length > _raw[r].CharLength))
            {
                _raw[written] = _raw[r];
                _raw[written].CharLength = _raw[end].CharStart + _raw[end].CharLength - _raw[r].CharStart;
                _raw[written].OriginalEnd = _raw[end].OriginalEnd;
                _raw[written].Marks &= ~TokenMarks.SingleLetter;
                written++;
                r = end + 1;
                continue;
            }

            _raw[written++] = _raw[r++];
        }

        return written;
    }

    private bool IsWordPart(int r) => _raw[r].Word is null && _raw[r].CharLength >= 2 && !_raw[r].Has(TokenMarks.Numeric);

    private ReadOnlySpan<char> CharsOf(int r) => _chars.AsSpan(_raw[r].CharStart, _raw[r].CharLength);

    /// <summary>"wanna" becomes "want" "to": the rewritten words are tokens of their own, the first keeps the breaks.</summary>
    private int RewriteTextSpeak(RiskLexicon lexicon, int count)
    {
        var written = 0;
        for (var r = 0; r < count; r++)
        {
            var token = _raw[r];
            if (token.Word is null && lexicon.TryTextSpeak(CharsOf(r), out var replacement))
            {
                for (var k = 0; k < replacement.Length; k++)
                {
                    var marks = (k == 0 ? token.Marks : TokenMarks.None) & ~(TokenMarks.Numeric | TokenMarks.SingleLetter);
                    _tokens[written++] = token with { CharStart = -1, Word = replacement[k], Marks = marks, Number = -1 };
                }

                continue;
            }

            _tokens[written++] = token;
        }

        return written;
    }

    private void LookUp(RiskLexicon lexicon)
    {
        for (var i = 0; i < Count; i++)
        {
            ref var token = ref _tokens[i];
            if (token.Has(TokenMarks.Numeric))
            {
                token.Concepts = Concepts.None; // a count of tablets is read by the overdose rule, next to the tablets
                continue;
            }

            // "ran 5 kms": a unit after a number, not "kill myself".
            if (i > 0 && _tokens[i - 1].Has(TokenMarks.Numeric) && s_unitsAfterNumber.Contains(Key(i)))
            {
                token.Concepts = Concepts.None;
                continue;
            }

            if (lexicon.Find(Key(i)) is { } word)
            {
                token.Concepts = word.Concepts;
                if (!Key(i).SequenceEqual(word.Key))
                {
                    token.Word = word.Key; // stretched, misspelt or censored: read as the word meant
                }

                token.Base = word.Base;
                if (IsDeathWord(word))
                {
                    token.Marks |= TokenMarks.DeathWord;
                }
            }
            else
            {
                token.Concepts = Concepts.None;
            }
        }
    }

    /// <summary>A word of death, ending or goodbye: "ending" is "end" and its forms, not "over" or "stop".</summary>
    private static bool IsDeathWord(LexiconWord word) =>
        word.Concepts.HasAny(s_deathFamilies) || (word.Concepts.Has(Concept.End) && word.Base.StartsWith("end", StringComparison.Ordinal));

    /// <summary>Capitalised words the lexicon does not know, not starting a sentence, are names: people ("my Jean").</summary>
    private void MarkNames()
    {
        var capitals = 0;
        var letters = 0;
        foreach (var c in Text)
        {
            if (char.IsLetter(c))
            {
                letters++;
                capitals += char.IsUpper(c) ? 1 : 0;
            }
        }

        if (capitals * 2 > letters)
        {
            return; // WRITTEN IN CAPITALS: every word looks like a name
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

    private void NumberScopes()
    {
        _sentenceCount = 0;
        _clauseCount = 0;
        var all = Concepts.None;
        for (var i = 0; i < Count; i++)
        {
            ref var token = ref _tokens[i];
            if (i == 0 || token.Has(TokenMarks.SentenceBreak))
            {
                Open(ref _sentences, ref _sentenceCount, i);
            }

            if (i == 0 || token.Has(TokenMarks.ClauseBreak) || token.Has(TokenMarks.SentenceBreak) || s_clauseWords.Contains(Key(i)))
            {
                Open(ref _clauses, ref _clauseCount, i);
            }

            token.Sentence = _sentenceCount - 1;
            token.Clause = _clauseCount - 1;
            Extend(_sentences, _sentenceCount, i, token.Concepts);
            Extend(_clauses, _clauseCount, i, token.Concepts);
            all = all.Union(token.Concepts);
        }

        All = all;
    }

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
