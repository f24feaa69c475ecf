using System.Buffers;
using System.Collections.Frozen;
using System.Globalization;
using System.Text;

namespace Buddy.Domain.Replies;

/// <summary>
/// Splits a reply into words, numbers, symbols and emojis in one forward pass with no backtracking and no
/// allocation: tokens are offsets into the text, written into a caller-supplied span.
/// </summary>
internal static class ReplyTokenizer
{
    private static readonly FrozenDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> s_numberWords =
        new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase)
        {
            ["zero"] = 0, ["nought"] = 0, ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5,
            ["six"] = 6, ["seven"] = 7, ["eight"] = 8, ["nine"] = 9, ["ten"] = 10,
        }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Writes the tokens of <paramref name="text"/> into <paramref name="tokens"/> (at least text.Length long) and returns the count.</summary>
    public static int Tokenize(ReadOnlySpan<char> text, Span<ReplyToken> tokens)
    {
        var count = 0;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c) || c is '\uFE0F' or '\u200D')
            {
                i++;
                continue;
            }

            if (char.IsLetterOrDigit(c))
            {
                i = ReadWordOrNumber(text, i, out tokens[count++]);
                continue;
            }

            if (TryReadEmoticon(text, i, out var emoticonLength, out var emoticonGrade))
            {
                tokens[count++] = new ReplyToken(TokenKind.Emoji, i, emoticonLength, emoticonGrade);
                i += emoticonLength;
                continue;
            }

            if (Rune.DecodeFromUtf16(text[i..], out var rune, out var consumed) == OperationStatus.Done && IsEmoji(rune))
            {
                tokens[count++] = new ReplyToken(TokenKind.Emoji, i, consumed, EmojiMoods.Grade(rune.Value));
                i += consumed;
                continue;
            }

            tokens[count++] = new ReplyToken(TokenKind.Symbol, i, char.IsSurrogate(c) && consumed > 0 ? consumed : 1);
            i += char.IsSurrogate(c) && consumed > 0 ? consumed : 1;
        }

        return count;
    }

    private static int ReadWordOrNumber(ReadOnlySpan<char> text, int start, out ReplyToken token)
    {
        var i = start;
        var letters = 0;
        var digits = 0;
        var clock = false;
        var decimalDigits = -1;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsDigit(c))
            {
                digits++;
                if (decimalDigits >= 0)
                {
                    decimalDigits++;
                }
            }
            else if (char.IsLetter(c))
            {
                letters++;
            }
            else if (c is '\'' or '\u2019' or '\u2018' && letters > 0 && i + 1 < text.Length && char.IsLetter(text[i + 1]) && i > start && char.IsLetter(text[i - 1]))
            {
                // inner apostrophe: can't, it's, o'clock
            }
            else if (c is '.' or ':' && letters == 0 && digits > 0 && decimalDigits < 0 && !clock && i + 1 < text.Length && char.IsDigit(text[i + 1]))
            {
                clock = c == ':';
                decimalDigits = 0;
            }
            else
            {
                break;
            }

            i++;
        }

        var length = i - start;
        var span = text.Slice(start, length);
        if (letters == 0)
        {
            var flags = TokenFlags.None;
            if (clock || decimalDigits == 2)
            {
                flags |= TokenFlags.ClockTime;
            }

            if (span.Length > 1 && span[0] == '0' && char.IsDigit(span[1]))
            {
                flags |= TokenFlags.LeadingZero;
            }

            var integerDigits = decimalDigits >= 0 ? digits - decimalDigits : digits;
            var value = clock ? 0 : double.Parse(span, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
            token = new ReplyToken(TokenKind.Number, start, length, value, flags, (byte)Math.Min(integerDigits, 255));
        }
        else if (digits == 0)
        {
            token = s_numberWords.TryGetValue(span, out var spelled)
                ? new ReplyToken(TokenKind.Number, start, length, spelled, TokenFlags.Spelled)
                : new ReplyToken(TokenKind.Word, start, length);
        }
        else
        {
            // The leading digits of "7ish" or "7x" are kept so the mood reader can still use them.
            var lead = 0;
            while (lead < span.Length && char.IsDigit(span[lead]))
            {
                lead++;
            }

            var value = lead is > 0 and < 4 ? int.Parse(span[..lead], CultureInfo.InvariantCulture) : -1;
            token = new ReplyToken(TokenKind.Mixed, start, length, value, TokenFlags.None, (byte)lead);
        }

        return i;
    }

    /// <summary>":)", ":-(", ":'(", ":D", ";)", ":/" and friends, when not followed by a letter.</summary>
    private static bool TryReadEmoticon(ReadOnlySpan<char> text, int i, out int length, out byte grade)
    {
        length = 0;
        grade = 0;
        if (text[i] is not (':' or ';' or '='))
        {
            return false;
        }

        var j = i + 1;
        var crying = false;
        if (j < text.Length && text[j] is '-' or '\'')
        {
            crying = text[j] == '\'';
            j++;
        }

        if (j >= text.Length)
        {
            return false;
        }

        grade = text[j] switch
        {
            ')' or ']' => 4,
            'D' => 5,
            '(' or '[' => crying ? (byte)1 : (byte)2,
            '/' or '|' or 'S' or 's' => 3,
            'P' or 'p' => 4,
            _ => 0,
        };

        if (grade == 0 || (j + 1 < text.Length && char.IsLetterOrDigit(text[j + 1])))
        {
            return false;
        }

        // Repeated mouths (":(((" or ":)))") belong to the same emoticon.
        var mouth = text[j];
        j++;
        while (j < text.Length && text[j] == mouth)
        {
            j++;
        }

        length = j - i;
        return true;
    }

    private static bool IsEmoji(Rune rune) =>
        rune.Value is >= 0x1F300 and <= 0x1FAFF or >= 0x2600 and <= 0x27BF or >= 0x1F000 and <= 0x1F2FF;
}
