using Buddy.Domain.Safeguarding.Reading;
using static Buddy.Domain.Safeguarding.Reading.Concept;

namespace Buddy.Domain.Safeguarding.Rules;

/// <summary>
/// Self-harm named by doing, with no act word: "did my arms again", "my wrists are sore from what I did" (the
/// language of recovery communities, NICE NG225). Not exercise, grooming or work on the body.
/// </summary>
internal static partial class SelfHarmRules
{
    private static readonly Buddy.Domain.Replies.WordSet s_doing = new("did", "done", "doing", "do");

    // What people "do" to their arms and legs that is not harm: training, grooming, treatment, work.
    private static readonly Buddy.Domain.Replies.WordSet s_bodyWork = new(
        "gym", "workout", "workouts", "weights", "lifting", "lifted", "squats", "stretches", "stretching", "exercises", "exercise", "physio",
        "wax", "waxed", "waxing", "shave", "shaved", "shaving", "tan", "tanned", "tanning", "tattoo", "tattooed", "cream", "moisturised",
        "moisturiser", "massage", "garden", "gardening", "decorating", "painting", "climbing", "run", "ran", "running", "walk", "hike",
        "football", "training", "dance", "dancing", "swim", "swimming", "yoga", "pilates", "bike", "cycling", "sunbed", "nails", "makeup");

    /// <summary>"did my arms again", "done my legs last night": the sender's own limbs as the object of a bare "did".</summary>
    private static RiskHit DidMyBody(RiskText t, int i)
    {
        if (i < 2 || !t.Is(i - 1, "my") || !s_doing.Contains(t.Key(i - 2)) || IsBodyWork(t, i))
        {
            return RiskHit.None;
        }

        return RiskHit.High(i - 2, i, i - 2);
    }

    /// <summary>"my wrists are sore from what I did last night": the sender's body hurting from something they did and will not name.</summary>
    private static RiskHit SoreFromWhatIDid(RiskText t, int i)
    {
        if (!t.Is(i - 1, "my") || IsBodyWork(t, i))
        {
            return RiskHit.None;
        }

        var last = Math.Min(t.SentenceLast(i), i + 8);
        for (var j = i + 1; j + 2 <= last; j++)
        {
            if (t.Is(j, "what") && t.Is(j + 1, "i") && t.Is(j + 2, "did"))
            {
                // Said and left unsaid ("from what i did", "from what i did last night") is High; more after it may say what (a look).
                return t.EndsSentence(j + 2) || IsRecently(t, j + 3) ? RiskHit.High(i, j + 2, i) : RiskHit.Review(i, j + 2, i);
            }
        }

        return RiskHit.None;
    }

    /// <summary>"last night", "yesterday", "earlier", "again": when it was done, and nothing about what.</summary>
    private static bool IsRecently(RiskText t, int j) =>
        j < t.Count && (t.Key(j).StartsWith("last", StringComparison.Ordinal) || t.Is(j, "yesterday") || t.Is(j, "earlier") || t.Is(j, "again") || t.Has(j, Night));

    private static bool IsBodyWork(RiskText t, int i)
    {
        for (var j = t.SentenceFirst(i); j <= t.SentenceLast(i); j++)
        {
            if (s_bodyWork.Contains(t.Key(j)) || t.Has(j, Accident))
            {
                return true;
            }
        }

        return false;
    }
}
