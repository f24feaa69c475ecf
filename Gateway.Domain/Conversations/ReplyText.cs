using System.Text;

namespace Buddy.Domain.Conversations;

/// <summary>Text helpers shared by the short-reply readers: normalising and whole-phrase matching.</summary>
public static class ReplyText
{
    /// <summary>
    /// Lower case, curly quotes straightened, apostrophes dropped ("can't" and "cant" read alike), every other
    /// non-alphanumeric run turned into one space.
    /// </summary>
    public static string Normalise(string text)
    {
        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var raw in text)
        {
            var c = char.ToLowerInvariant(raw);
            if (c is '\'' or '\u2019' or '\u2018' or '`')
            {
                continue;
            }

            if (char.IsLetterOrDigit(c))
            {
                if (pendingSpace && builder.Length > 0)
                {
                    builder.Append(' ');
                }

                builder.Append(c);
                pendingSpace = false;
            }
            else
            {
                pendingSpace = true;
            }
        }

        return builder.ToString();
    }

    /// <summary>True when <paramref name="phrase"/> occurs in normalised text on word boundaries.</summary>
    public static bool ContainsPhrase(string normalisedText, string phrase)
    {
        var index = 0;
        while ((index = normalisedText.IndexOf(phrase, index, StringComparison.Ordinal)) >= 0)
        {
            var startsWord = index == 0 || normalisedText[index - 1] == ' ';
            var end = index + phrase.Length;
            var endsWord = end == normalisedText.Length || normalisedText[end] == ' ';
            if (startsWord && endsWord)
            {
                return true;
            }

            index++;
        }

        return false;
    }

    /// <summary>The whole-word numbers in normalised text, e.g. "2 or 3" gives [2, 3].</summary>
    public static IReadOnlyList<int> Numbers(string normalisedText) =>
        [.. normalisedText.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Where(w => w.Length <= 3 && w.All(char.IsAsciiDigit))
            .Select(int.Parse)];
}
