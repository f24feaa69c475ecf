using System.Buffers;
using System.Text;

namespace Buddy.Domain.Safeguarding.Reading;

/// <summary>
/// Splits a reply into words in one forward pass with no backtracking: lower-cased, apostrophes dropped ("can't"
/// is "cant", "od'd" is "oded"), look-alike characters read as letters ("su1c1de", "k!ll", "$elf"), censor stars kept
/// for the lexicon ("k*ll"), a few emojis read as the words they stand for (💊 pills, 😂 lol), and a currency sign before digits as "money". Records where
/// sentences and clauses break, and looks each word up once (<see cref="VocabularyEntry"/>). Writes into caller-owned buffers and allocates nothing.
/// </summary>
internal static class RiskTokenizer
{
    /// <summary>Tokenises <paramref name="text"/>; <paramref name="tokens"/> needs text.Length + 1 slots and <paramref name="chars"/> text.Length.</summary>
    public static int Tokenize(string text, char[] chars, RiskToken[] tokens, RiskLexicon lexicon) => Tokenize(text, chars, tokens, lexicon, out _, out _);

    /// <summary>Tokenises and counts the reply's letters and capitals (how names are told from CAPITALS, without a second pass).</summary>
    public static int Tokenize(string text, char[] chars, RiskToken[] tokens, RiskLexicon lexicon, out int letters, out int capitals)
    {
        letters = 0;
        capitals = 0;
        var count = 0;
        var written = 0;
        var pending = TokenMarks.None;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsLetterOrDigit(c) || (c is '$' or '@' && i + 1 < text.Length && char.IsLetter(text[i + 1])))
            {
                var start = written;
                var end = ReadWord(text, i, chars, ref written, out var marks, ref letters, ref capitals, out var hasDigit);
                var word = chars.AsSpan(start, written - start);
                if (hasDigit && NeedsLookAlikes(word) && !lexicon.TryTextSpeak(word, out _))
                {
                    ReadLookAlikes(word);
                }

                tokens[count++] = NewToken(start, written - start, i, end, pending | marks, word, lexicon.Entry(word), hasDigit);
                pending = TokenMarks.None;
                i = end;
                continue;
            }

            if (char.IsSurrogate(c) || c > '\u2000')
            {
                var consumed = ReadSymbol(text, i, out var emoji);
                if (emoji is not null)
                {
                    tokens[count++] = new RiskToken { CharStart = -1, Word = emoji, Entry = lexicon.Entry(emoji), OriginalStart = i, OriginalEnd = i + consumed, Marks = pending, Number = -1 };
                    pending = TokenMarks.None;
                }
                else if (!char.IsWhiteSpace(c) && c is not ('\u2019' or '\u2018' or '\uFE0F' or '\u200D'))
                {
                    pending |= c is '\u2026' ? TokenMarks.SentenceBreak | TokenMarks.ClauseBreak : TokenMarks.ClauseBreak;
                }

                i += consumed;
                continue;
            }

            if (c is '\u00A3' or '\u20AC' or '$' && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1]))
            {
                // "£200", "$50": an amount of money, read as the word (what a demand or a debt is made of)
                tokens[count++] = new RiskToken { CharStart = -1, Word = "money", Entry = lexicon.Entry("money"), OriginalStart = i, OriginalEnd = i + 1, Marks = pending, Number = -1 };
                pending = TokenMarks.None;
                i++;
                continue;
            }

            pending |= BreakAt(text, i);
            i++;
        }

        return count;
    }

    private static RiskToken NewToken(int start, int length, int originalStart, int originalEnd, TokenMarks marks, ReadOnlySpan<char> word, VocabularyEntry? entry, bool hasDigit)
    {
        var number = -1;
        if (hasDigit && !word.ContainsAnyExcept(s_digits) && word.Length <= 6)
        {
            number = int.Parse(word, provider: System.Globalization.CultureInfo.InvariantCulture);
            marks |= TokenMarks.Numeric;
        }
        else if (word.Length == 1)
        {
            marks |= TokenMarks.SingleLetter;
        }

        return new RiskToken { CharStart = start, CharLength = length, Entry = entry, OriginalStart = originalStart, OriginalEnd = originalEnd, Marks = marks, Number = number };
    }

    private static readonly SearchValues<char> s_digits = SearchValues.Create("0123456789");

    /// <summary>Reads one word from <paramref name="i"/>; returns the index after it. Says whether it wrote a digit, so words
    /// without one (most) skip the look-alike and number scans.</summary>
    private static int ReadWord(string text, int i, char[] chars, ref int written, out TokenMarks marks, ref int allLetters, ref int capitals, out bool hasDigit)
    {
        hasDigit = false;
        marks = char.IsUpper(text[i]) ? TokenMarks.Capitalised : TokenMarks.None;
        var letters = 0;
        var wordStart = written;
        while (i < text.Length)
        {
            var c = text[i];
            var next = i + 1 < text.Length ? text[i + 1] : '\0';
            if (char.IsLetter(c))
            {
                var lower = char.ToLowerInvariant(c);
                chars[written++] = lower;
                letters++;
                allLetters++;
                capitals += lower != c && char.IsUpper(c) ? 1 : 0;
            }
            else if (char.IsDigit(c))
            {
                chars[written++] = c;
                hasDigit = true;
            }
            else if (c is '\'' or '\u2019' or '\u2018' or '`' && letters > 0 && char.IsLetter(next))
            {
                // can't -> cant; "od'd" and "sa'd" are verbs made from the abbreviation: oded, saed
                if (next is 'd' or 'D' && (i + 2 >= text.Length || !char.IsLetter(text[i + 2])) && IsAbbreviatedVerb(chars.AsSpan(wordStart, written - wordStart)))
                {
                    chars[written++] = 'e';
                }
            }
            else if (c == '*' && written > wordStart && (char.IsLetter(next) || next == '*'))
            {
                chars[written++] = '*';
            }
            else if (c is '@' or '$' && char.IsLetterOrDigit(next))
            {
                chars[written++] = c == '@' ? 'a' : 's';
            }
            else if (c == '!' && letters > 0 && char.IsLetter(next))
            {
                chars[written++] = 'i';
            }
            else
            {
                break;
            }

            i++;
        }

        return i;
    }

    private static bool IsAbbreviatedVerb(ReadOnlySpan<char> word) => word is "od" or "sa";

    /// <summary>Letters and digits mixed the way filters are dodged ("su1c1de", "k1ll"), not "7pm", "2nd", "5kms".</summary>
    private static bool NeedsLookAlikes(ReadOnlySpan<char> word)
    {
        var digits = word.IndexOfAny(s_digits);
        if (digits < 0)
        {
            return false;
        }

        var lead = 0;
        while (lead < word.Length && char.IsAsciiDigit(word[lead]))
        {
            lead++;
        }

        // Digits then letters only: a count or a time ("7pm", "5kms"), unless a lone 0/1/3 starts a long word ("0verdose").
        if (lead > 0 && word[lead..].IndexOfAny(s_digits) < 0)
        {
            return lead == 1 && word[0] is '0' or '1' or '3' && word.Length - lead >= 4;
        }

        return lead < word.Length;
    }

    private static void ReadLookAlikes(Span<char> word)
    {
        for (var k = 0; k < word.Length; k++)
        {
            word[k] = word[k] switch
            {
                '1' => 'i',
                '3' => 'e',
                '0' => 'o',
                '4' => 'a',
                '5' => 's',
                '7' => 't',
                '9' => 'g',
                _ => word[k],
            };
        }
    }

    private static TokenMarks BreakAt(string text, int i)
    {
        var c = text[i];
        if (c is '.' or '!' or '?' or ';' or '\n' or '\r')
        {
            return TokenMarks.SentenceBreak | TokenMarks.ClauseBreak;
        }

        if (c == '-')
        {
            // "self-harm" is one phrase; "6 - went out" and "fine -- whatever" are breaks.
            var joins = i > 0 && i + 1 < text.Length && char.IsLetterOrDigit(text[i - 1]) && char.IsLetterOrDigit(text[i + 1]);
            return joins ? TokenMarks.None : TokenMarks.ClauseBreak;
        }

        return c is ',' or ':' or '(' or ')' or '[' or ']' or '"' or '/' or '&' or '+' or '~' or '|' or '=' or '<' or '>'
            ? TokenMarks.ClauseBreak
            : TokenMarks.None;
    }

    /// <summary>Reads an emoji or other symbol; the few that stand for a word (💊 pills, 😂 lol) come back as that word.</summary>
    private static int ReadSymbol(string text, int i, out string? word)
    {
        word = null;
        if (Rune.DecodeFromUtf16(text.AsSpan(i), out var rune, out var consumed) != OperationStatus.Done)
        {
            return 1;
        }

        word = rune.Value switch
        {
            0x1F602 or 0x1F923 or 0x1F606 or 0x1F639 or 0x1F480 or 0x1F61C or 0x1F61D or 0x1F605 => "lol",
            0x1F48A => "pills",
            0x1F52A or 0x1F5E1 => "knife",
            0x1FAA2 => "rope",
            0x26B0 or 0x1FAA6 => "death",
            0x1FA78 => "blood",
            0x1F309 => "bridge",
            0x1F52B => "gun",
            0x1F44B => "bye",
            _ => null,
        };
        return consumed;
    }
}
