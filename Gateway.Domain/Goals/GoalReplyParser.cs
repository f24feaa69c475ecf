using Buddy.Domain.Conversations;

namespace Buddy.Domain.Goals;

/// <summary>
/// Reads a reply to a goal reminder ("done", "yes did it", "half", "not today"). Returns null when the reply does
/// not clearly say how it went, so it is kept as a diary note instead of being guessed into a goal record.
/// </summary>
public static class GoalReplyParser
{
    // Checked in this order: "not even half" is not partial, "not done" is not done.
    private static readonly string[] s_notDone =
    [
        "not even half", "not today", "not yet", "not done", "didnt", "did not", "couldnt", "could not", "wasnt able",
        "not able", "no time", "forgot", "failed", "nope", "nah", "no", "n", "not really", "skipped", "missed it",
    ];

    private static readonly string[] s_partial =
    [
        "half", "halfway", "partly", "partially", "part of it", "some of it", "a bit", "a little", "sort of", "kind of",
        "kinda", "sorta", "nearly", "almost", "tried", "some",
    ];

    private static readonly string[] s_done =
    [
        "done", "did it", "i did", "yes", "yeah", "yep", "yup", "y", "managed", "completed", "finished", "smashed it",
        "achieved", "ticked off", "sorted", "all done", "did",
    ];

    public static GoalOutcome? Parse(string reply)
    {
        var text = ReplyText.Normalise(reply);
        if (text.Length == 0)
        {
            return null;
        }

        if (ReplyText.ContainsPhrase(text, "not even half"))
        {
            return GoalOutcome.NotDone;
        }

        if (s_partial.Any(p => ReplyText.ContainsPhrase(text, p)))
        {
            return GoalOutcome.Partial;
        }

        if (s_notDone.Any(p => ReplyText.ContainsPhrase(text, p)))
        {
            return GoalOutcome.NotDone;
        }

        return s_done.Any(p => ReplyText.ContainsPhrase(text, p)) ? GoalOutcome.Done : null;
    }
}
