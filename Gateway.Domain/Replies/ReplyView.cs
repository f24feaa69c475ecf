namespace Buddy.Domain.Replies;

/// <summary>A tokenised reply and the questions the mood reader asks of it: the word or symbol at a position, edges, boundaries.</summary>
internal readonly ref struct ReplyView(ReadOnlySpan<char> text, ReadOnlySpan<ReplyToken> tokens)
{
    public ReadOnlySpan<char> Text { get; } = text;

    public ReadOnlySpan<ReplyToken> Tokens { get; } = tokens;

    public int Count => Tokens.Length;

    public ReadOnlySpan<char> Slice(int j) => Text.Slice(Tokens[j].Start, Tokens[j].Length);

    /// <summary>The word at <paramref name="j"/>, or empty when it is not a word (or out of range).</summary>
    public ReadOnlySpan<char> WordAt(int j) =>
        j >= 0 && j < Tokens.Length && Tokens[j].Kind is TokenKind.Word or TokenKind.Mixed ? Slice(j) : [];

    public bool WordIs(int j, string word) => WordAt(j).Equals(word, StringComparison.OrdinalIgnoreCase);

    /// <summary>The symbol at <paramref name="j"/>, or '\0'.</summary>
    public char SymbolAt(int j) => j >= 0 && j < Tokens.Length && Tokens[j].Kind == TokenKind.Symbol ? Text[Tokens[j].Start] : '\0';

    public bool IsDigits(int j) => j >= 0 && j < Tokens.Length && Tokens[j].Kind == TokenKind.Number && !Tokens[j].Has(TokenFlags.Spelled);

    public bool IsNumber(int j) => j >= 0 && j < Tokens.Length && Tokens[j].Kind == TokenKind.Number && !Tokens[j].Has(TokenFlags.ClockTime);

    /// <summary>The reply as typed from token <paramref name="first"/> to token <paramref name="last"/>.</summary>
    public string Span(int first, int last)
    {
        last = Math.Min(last, Tokens.Length - 1);
        return Text[Tokens[first].Start..Tokens[last].End].ToString();
    }

    /// <summary>Only greetings, fillers, symbols and emojis come before <paramref name="i"/>.</summary>
    public bool IsAtStart(int i)
    {
        for (var j = 0; j < i; j++)
        {
            var token = Tokens[j];
            if (token.Kind is TokenKind.Symbol or TokenKind.Emoji)
            {
                continue;
            }

            if (token.Kind != TokenKind.Word || !MoodWords.LeadingFillers.Contains(Slice(j)))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Only fillers ("x", "lol", "today tbh"), symbols and emojis come from <paramref name="next"/> on.</summary>
    public bool IsAtEnd(int next)
    {
        for (var j = next; j < Tokens.Length; j++)
        {
            var token = Tokens[j];
            if (token.Kind is TokenKind.Symbol or TokenKind.Emoji)
            {
                continue;
            }

            if (token.Kind is TokenKind.Number || !IsTrailingFiller(Slice(j)))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Only fillers come between <paramref name="next"/> and the next boundary: "zero today honestly. just flat".</summary>
    public bool OnlyFillersToBoundary(int next)
    {
        for (var j = next; j < Tokens.Length; j++)
        {
            if (IsBoundary(j))
            {
                return true;
            }

            if (Tokens[j].Kind != TokenKind.Word || !IsTrailingFiller(Slice(j)))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Punctuation (or an emoji) that separates a score from the words around it; the edges of the reply count too.</summary>
    public bool IsBoundary(int j)
    {
        if (j < 0 || j >= Tokens.Length)
        {
            return true;
        }

        var token = Tokens[j];
        return token.Kind == TokenKind.Emoji
            || (token.Kind == TokenKind.Symbol && Text[token.Start] is '.' or ',' or '!' or ';' or ':' or '-' or '\u2013' or '(' or ')' or '?' or '~' or '\n');
    }

    private static bool IsTrailingFiller(ReadOnlySpan<char> word) =>
        MoodWords.TrailingFillers.Contains(word) || word.TrimStart('x').IsEmpty || word.TrimStart('X').IsEmpty;
}
