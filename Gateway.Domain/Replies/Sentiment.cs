namespace Buddy.Domain.Replies;

/// <summary>
/// Whether a reply with no score reads as a good or a bad day, from its faces and mood words ("buzzin 🥳",
/// "could be better 😕", "not bad"): a tag for the diary, never a number on the chart (LABELS.md: a score only
/// when the person gave one).
/// </summary>
internal static class Sentiment
{
    public const string Positive = "positive";
    public const string Negative = "negative";

    private static readonly WordSet s_good = new(
        "good", "gud", "great", "brilliant", "amazing", "fab", "fabulous", "lovely", "lush", "buzzin", "buzzing", "sound", "mint", "happy", "chuffed",
        "ace", "champion", "smashing", "decent", "excellent", "wonderful", "fantastic", "superb", "awesome", "nice",
        "glad", "relaxed", "calm", "cheerful", "positive", "proud", "excited", "content", "peaceful", "blessed", "grateful", "gr8", "banging",
        "epic", "perfect");

    private static readonly WordSet s_bad = new(
        "bad", "awful", "terrible", "rubbish", "shite", "shit", "crap", "crappy", "horrible", "sad", "low", "rough", "miserable", "upset",
        "angry", "fuming", "gutted", "stressed", "anxious", "worried", "lonely", "depressed", "crying", "cried", "worst", "pants", "grim", "dreadful",
        "flat", "blue", "naff", "struggling", "exhausted", "knackered", "drained", "overwhelmed", "shattered",
        "furious", "hopeless", "mare", "nightmare");

    private static readonly WordSet s_negations = new("not", "never", "isnt", "wasnt", "aint", "hardly", "no", "nt", "dont", "didnt", "doesnt");

    /// <summary>"positive", "negative", or null when the reply says neither (or both as much).</summary>
    public static string? Of(ReplyView reply)
    {
        var balance = 0;
        for (var i = 0; i < reply.Count; i++)
        {
            var token = reply.Tokens[i];
            if (token.Kind == TokenKind.Emoji)
            {
                balance += token.Value >= 4 ? 1 : token.Value is > 0 and <= 2 ? -1 : 0;
                continue;
            }

            if (token.Kind != TokenKind.Word)
            {
                continue;
            }

            var word = reply.Slice(i);
            var sign = s_good.Contains(word) ? 1 : s_bad.Contains(word) ? -1 : 0;
            if (sign == 0)
            {
                continue;
            }

            // "not bad" is good, "not great" and "could be better" are not.
            var flipped = s_negations.Contains(reply.WordAt(i - 1)) || (reply.WordIs(i - 2, "could") && reply.WordIs(i - 1, "be"));
            balance += flipped ? -sign : sign;
        }

        return balance > 0 ? Positive : balance < 0 ? Negative : null;
    }
}
