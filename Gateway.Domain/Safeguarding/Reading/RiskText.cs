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


    private static readonly Concepts s_numberFamilies = Concepts.Of(Concept.Help);

    private static readonly WordSet s_clauseWords = new("but", "though", "although", "however", "except", "whereas");

    private static readonly WordSet s_unitsAfterNumber = new("kms", "km", "k", "ks", "ish", "x", "xx");

    private static readonly WordSet s_units = new(
        "day", "days", "week", "weeks", "month", "months", "year", "years", "yr", "yrs", "hour", "hours", "hrs", "min", "mins", "minutes", "times",
        "tablets", "tabs", "pills", "paracetamol", "of", "x", "packs", "boxes", "bottles", "more");

    private char[] _chars = new char[256];
    private RiskToken[] _raw = new RiskToken[256];
    private RiskToken[] _tokens = new RiskToken[768];

    // The words as looked up, before units were merged: what the reading without idioms starts from.
    private RiskToken[] _lookedUp = new RiskToken[768];
    private int _lookedUpCount;
    private Scope[] _sentences = new Scope[64];
    private Scope[] _clauses = new Scope[64];
    private readonly int[] _counts = new int[Enum.GetValues<Concept>().Length];
    private int _letters;
    private int _capitals;
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
        var raw = RiskTokenizer.Tokenize(text, _chars, _raw, lexicon, out _letters, out _capitals);
        raw = JoinSplitWords(lexicon, raw);
        Grow(ref _tokens, (raw * 3) + 1);
        Count = RewriteTextSpeak(lexicon, raw);
        LookUp(lexicon);
        Merge(lexicon, readIdioms);
    }

    /// <summary>
    /// Reads the same reply as <paramref name="source"/> without idioms, from the words <paramref name="source"/>
    /// already tokenised and looked up: one tokenisation serves both readings (see RiskDetector.AddWhatIdiomsHid).
    /// </summary>
    public void ReadWithoutIdioms(RiskText source, RiskLexicon lexicon)
    {
        Text = source.Text;
        _chars = source._chars;
        _letters = source._letters;
        _capitals = source._capitals;
        Grow(ref _tokens, source._lookedUp.Length);
        Array.Copy(source._lookedUp, _tokens, source._lookedUpCount);
        Count = source._lookedUpCount;
        Merge(lexicon, readIdioms: false);
    }

    private void Merge(RiskLexicon lexicon, bool readIdioms)
    {
        HasIdiom = false;
        Grow(ref _lookedUp, _tokens.Length);
        _lookedUpCount = MergeUnits(lexicon, readIdioms, _lookedUp);
        (_tokens, _lookedUp) = (_lookedUp, _tokens);
        (Count, _lookedUpCount) = (_lookedUpCount, Count);
        MarkNames();
        NumberScopes();
    }

    /// <summary>A number given as a score: "10/10", "mood 2", "a solid 8" (the words before it are already looked up).</summary>
    private bool IsScore(int number) =>
        number > 0 && (_tokens[number - 1].Has(TokenMarks.Numeric) || _tokens[number - 1].Concepts.Has(Concept.Score));

    /// <summary>How many words of the family the reply has.</summary>
    public int CountOf(Concept concept) => _counts[(int)concept];

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
                end = LongestLetterRun(lexicon, r, count);
            }
            else if (r + 1 < count && IsWordPart(r) && IsWordPart(r + 1) && _raw[r + 1].OriginalStart == _raw[r].OriginalEnd + 1
                && _raw[r].CharLength + _raw[r + 1].CharLength >= 6 && _raw[r].Entry is { StartsSplitWord: true })
            {
                end = r + 1;
            }

            // A joined pair must reach into its second word ("suicidal just" is not a split "suicid*") and be a word as listed
            // ("murder in" is not "murderin"); a pair that starts a unit ("self harm", "over dose") is read as the unit instead.
            var joinedEntry = end > r ? lexicon.Entry(JoinedChars(r, end)) : null;
            if (end > r && lexicon.FindPlain(JoinedChars(r, end), joinedEntry) is { } joined
                && joined.Concepts.HasAny(RiskLexicon.Joinable)
                && (_raw[r].Has(TokenMarks.SingleLetter) || (joined.Key.Length > _raw[r].CharLength && (joined.IsStem || joined.Key == joined.Base)
                    && !RiskLexicon.StartsAUnit(_raw[r].Entry, CharsOf(end)))))
            {
                _raw[written] = _raw[r];
                _raw[written].CharLength = _raw[end].CharStart + _raw[end].CharLength - _raw[r].CharStart;
                _raw[written].Entry = joinedEntry;
                _raw[written].OriginalEnd = _raw[end].OriginalEnd;
                _raw[written].Marks = (_raw[written].Marks & ~TokenMarks.SingleLetter) | TokenMarks.Joined;
                written++;
                r = end + 1;
                continue;
            }

            if (written != r)
            {
                _raw[written] = _raw[r];
            }

            written++;
            r++;
        }

        return written;
    }

    /// <summary>
    /// The end of the longest run of single letters from <paramref name="r"/> that spells a risk word ("k m s x" is
    /// "kms" then "x"; "s/h" is "sh"), or <paramref name="r"/> itself. Runs are tried up to 24 letters, so this is linear.
    /// </summary>
    private int LongestLetterRun(RiskLexicon lexicon, int r, int count)
    {
        var last = r;
        while (last + 1 < count && last - r < 23 && _raw[last + 1].Has(TokenMarks.SingleLetter) && _raw[last + 1].OriginalStart == _raw[last].OriginalEnd + 1)
        {
            last++;
        }

        for (var end = last; end > r; end--)
        {
            var joined = lexicon.FindPlain(JoinedChars(r, end));
            if (joined is not null && joined.Concepts.HasAny(RiskLexicon.Joinable))
            {
                return end;
            }
        }

        return r;
    }

    private bool IsWordPart(int r) => _raw[r].Word is null && _raw[r].CharLength >= 2 && !_raw[r].Has(TokenMarks.Numeric);

    private ReadOnlySpan<char> CharsOf(int r) => _chars.AsSpan(_raw[r].CharStart, _raw[r].CharLength);

    /// <summary>The characters of raw words <paramref name="r"/> to <paramref name="end"/> with the gaps left out.</summary>
    private ReadOnlySpan<char> JoinedChars(int r, int end) => _chars.AsSpan(_raw[r].CharStart, _raw[end].CharStart + _raw[end].CharLength - _raw[r].CharStart);

    /// <summary>"wanna" becomes "want" "to": the rewritten words are tokens of their own, the first keeps the breaks.</summary>
    private int RewriteTextSpeak(RiskLexicon lexicon, int count)
    {
        var written = 0;
        for (var r = 0; r < count; r++)
        {
            var token = _raw[r];
            var typed = token.Word is null;
            if (typed && lexicon.Destretch(CharsOf(r)) is { } meant)
            {
                token.Word = meant; // "wannaaaa", "nooseeee": read as spelt, so text-speak, units and rules see the word
                token.Entry = lexicon.Entry(meant);
            }

            if (typed && token.Entry?.TextSpeak is { } replacement && (token.Word is not null || !IsCountBeforeUnit(r, count)))
            {
                for (var k = 0; k < replacement.Length; k++)
                {
                    var marks = (k == 0 ? token.Marks : TokenMarks.None) & ~(TokenMarks.Numeric | TokenMarks.SingleLetter);
                    _tokens[written++] = token with { CharStart = -1, Word = replacement[k], Entry = lexicon.Entry(replacement[k]), Marks = marks, Number = -1 };
                }

                continue;
            }

            _tokens[written++] = token;
        }

        return written;
    }

    /// <summary>"2" is "to" in "want 2 die" but a number in "for 2 years" and "took 2 tablets".</summary>
    private bool IsCountBeforeUnit(int r, int count) =>
        _raw[r].Has(TokenMarks.Numeric) && r + 1 < count && _raw[r + 1].Word is null && s_units.Contains(CharsOf(r + 1));

    private void LookUp(RiskLexicon lexicon)
    {
        for (var i = 0; i < Count; i++)
        {
            ref var token = ref _tokens[i];
            if (token.Has(TokenMarks.Numeric))
            {
                // A count of tablets is read by the overdose rule, next to the tablets; a crisis line's number ("999",
                // "116123", "85258") is the service it calls, whatever else the digits could be.
                token.Concepts = token.Entry?.Word is { } listed ? listed.Concepts.Intersect(s_numberFamilies) : Concepts.None;
                continue;
            }

            // "ran 5 kms": a unit right after a number, not "kill myself" (but "9 k m s", spelt out, is, and so is "kms"
            // after a score: "10/10 kms", "mood 2 kms").
            if (i > 0 && _tokens[i - 1].Has(TokenMarks.Numeric) && !token.Has(TokenMarks.SentenceBreak) && !token.Has(TokenMarks.Joined)
                && s_unitsAfterNumber.Contains(Key(i)) && !IsScore(i - 1))
            {
                token.Concepts = Concepts.None;
                continue;
            }

            if (lexicon.Find(Key(i), token.Entry) is { } word)
            {
                token.Concepts = word.Concepts;
                if (!Key(i).SequenceEqual(word.Key) && !word.IsStem)
                {
                    token.Word = word.Key; // stretched, misspelt or censored: read as the word meant
                    token.Entry = lexicon.Entry(word.Key);
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
}
