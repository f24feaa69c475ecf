using Buddy.Domain.Conversations;

namespace Buddy.Domain.Questionnaires;

/// <summary>
/// Reads a 0-3 answer from a text: a digit ("2", "2 - more than half") or the usual words ("not at all",
/// "several days", "most days", "every day"...). Returns null when unclear (no answer, two different answers, a
/// number out of range, or a negated frequency such as "not every day"), so the person is asked again rather than
/// having an answer guessed for them.
/// </summary>
public static class AnswerParser
{
    // Longest first, so "more than half the days" is read before "half" and "nearly every day" before "every day".
    private static readonly (string Phrase, int Score)[] s_words =
    [
        ("more than half the days", 2), ("more than half of the days", 2), ("nearly every day", 3), ("nearly everyday", 3),
        ("almost every day", 3), ("almost everyday", 3), ("more than half", 2), ("several days", 1), ("not at all", 0),
        ("all the time", 3), ("a few days", 1), ("most of the time", 2), ("every day", 3), ("everyday", 3), ("most days", 2),
        ("some days", 1), ("few days", 1), ("a couple of days", 1), ("couple of days", 1), ("once or twice", 1),
        ("loads", 3), ("always", 3), ("constantly", 3), ("daily", 3), ("often", 2), ("half", 2), ("several", 1),
        ("sometimes", 1), ("occasionally", 1), ("rarely", 1), ("none", 0), ("never", 0), ("nope", 0), ("no", 0),
        ("zero", 0), ("one", 1), ("two", 2), ("three", 3),
    ];

    private static readonly string[] s_negations = ["not", "never", "dont", "didnt", "isnt", "wasnt", "hardly"];

    public static int? Parse(string reply)
    {
        var text = ReplyText.Normalise(reply);
        if (text.Length == 0)
        {
            return null;
        }

        var numbers = ReplyText.Numbers(text);
        if (numbers.Distinct().Count() > 1 || numbers.Any(n => n > 3))
        {
            return null;
        }

        var fromWords = WordsScore(text);
        if (numbers.Count == 1)
        {
            // "2 more than half" agrees with itself; "1 nearly every day" does not, and is asked again.
            return fromWords is null || fromWords == numbers[0] ? numbers[0] : null;
        }

        return fromWords;
    }

    private static int? WordsScore(string text)
    {
        var remaining = text;
        var scores = new List<int>();
        foreach (var (phrase, score) in s_words)
        {
            if (ReplyText.ContainsPhrase(remaining, phrase))
            {
                scores.Add(score);
                remaining = remaining.Replace(phrase, " ", StringComparison.Ordinal);
            }
        }

        if (scores.Distinct().Count() != 1)
        {
            return null;
        }

        // "not every day" or "hardly ever... daily" is not a frequency we can score; "not at all" and "never" are 0.
        var negated = scores[0] > 0 && s_negations.Any(n => ReplyText.ContainsPhrase(text, n));
        return negated ? null : scores[0];
    }
}
