namespace Buddy.Domain.Safeguarding.Reading;

[Flags]
internal enum TokenMarks : ushort
{
    None = 0,

    /// <summary>A sentence ends before this token (. ! ? ; or a new line).</summary>
    SentenceBreak = 1,

    /// <summary>A clause ends before this token (a comma, a dash, an emoji, or "but").</summary>
    ClauseBreak = 2,

    /// <summary>Typed with a capital first letter (a name, when the lexicon does not know the word).</summary>
    Capitalised = 4,

    /// <summary>Written in digits.</summary>
    Numeric = 8,

    /// <summary>One letter on its own: part of a split word ("s u i c i d e") or "i", "a".</summary>
    SingleLetter = 16,

    /// <summary>A word about death, ending or goodbye, even inside an idiom ("dead tired"): what a very low score is read with.</summary>
    DeathWord = 32,

    /// <summary>Joined from letters or parts typed apart ("k m s", "sui cide").</summary>
    Joined = 64,
}

/// <summary>
/// One word of a reply as the risk reader sees it: where it is in the reply as typed, its normalised spelling (in the
/// reader's character buffer, or <see cref="Word"/> when rewritten), and the word families it belongs to.
/// </summary>
internal struct RiskToken
{
    /// <summary>Start of the normalised spelling in the character buffer; -1 when <see cref="Word"/> holds it.</summary>
    public int CharStart;

    public int CharLength;

    /// <summary>The spelling when it is not the typed one: text-speak rewritten, a typo's intended word, a unit.</summary>
    public string? Word;

    /// <summary>The word an inflected form comes from ("killed" -> "kill"), when the lexicon knows it.</summary>
    public string? Base;

    public int OriginalStart;

    public int OriginalEnd;

    public TokenMarks Marks;

    /// <summary>The value of a number written in digits, or -1.</summary>
    public int Number;

    public Concepts Concepts;

    /// <summary>What the lexicon knows about the word's spelling, looked up once when the spelling was set.</summary>
    public VocabularyEntry? Entry;

    public int Sentence;

    public int Clause;

    public readonly bool Has(TokenMarks mark) => (Marks & mark) != 0;
}
