namespace Buddy.Domain.Safeguarding.Reading;

/// <summary>
/// The regular forms of a word marked "word~" in the lexicon: kill -> kills, killed, killing, killin; hope -> hoping;
/// die -> dying; cut -> cutting; bury -> buried. Over-generates harmlessly ("cuted" is never typed, so never matched).
/// </summary>
internal static class Inflections
{
    public static IEnumerable<string> Of(string word)
    {
        yield return word;
        if (word.Length < 2)
        {
            yield break;
        }

        var last = word[^1];
        if (last == 'e')
        {
            yield return word + "s";
            yield return word + "d";
            if (word.EndsWith("ie", StringComparison.Ordinal))
            {
                yield return word[..^2] + "ying";
                yield return word[..^2] + "yin";
            }
            else
            {
                yield return word[..^1] + "ing";
                yield return word[..^1] + "in";
            }

            yield break;
        }

        if (last == 'y' && !IsVowel(word[^2]))
        {
            yield return word[..^1] + "ies";
            yield return word[..^1] + "ied";
            yield return word + "ing";
            yield return word + "in";
            yield break;
        }

        yield return word.EndsWith('s') || word.EndsWith('x') || word.EndsWith('z') || word.EndsWith("ch", StringComparison.Ordinal) || word.EndsWith("sh", StringComparison.Ordinal)
            ? word + "es"
            : word + "s";
        yield return word + "ed";
        yield return word + "ing";
        yield return word + "in";

        // Short consonant-vowel-consonant words double the last letter: cut -> cutting, stab -> stabbed.
        if (word.Length <= 5 && !IsVowel(last) && last is not ('w' or 'x' or 'y') && IsVowel(word[^2]) && (word.Length == 2 || !IsVowel(word[^3])))
        {
            yield return word + last + "ed";
            yield return word + last + "ing";
            yield return word + last + "in";
        }
    }

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u';
}
