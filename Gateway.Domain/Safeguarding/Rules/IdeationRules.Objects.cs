using Buddy.Domain.Safeguarding.Reading;
using static Buddy.Domain.Safeguarding.Reading.Concept;

namespace Buddy.Domain.Safeguarding.Rules;

/// <summary>What an ideation word is about: "disappear under the duvet", "carry on with the course", "wake up till 2pm", "live in Leeds".</summary>
internal static partial class IdeationRules
{
    private static readonly Buddy.Domain.Replies.WordSet s_getaway = new("under", "into", "to", "off", "for", "from", "on", "abroad", "somewhere", "in", "at", "with");

    /// <summary>Disappearing somewhere or for a while, said without "forever" or "never": a wish to get away, worth a look.</summary>
    private static bool IsAGetaway(RiskText t, int i) =>
        !t.Key(i).Contains(' ') && i + 1 < t.Count && t[i + 1].Sentence == t[i].Sentence && s_getaway.Contains(t.Key(i + 1))
        && t.Near(i, s_finality.With(Negation), 5) < 0;

    /// <summary>"go on the trip", "carry on with work": the phrase has an object, so it is about that, not about going on living.</summary>
    private static bool HasObject(RiskText t, int i)
    {
        var next = i + 1;
        if (next >= t.Count || t[next].Sentence != t[i].Sentence || t[next].Has(TokenMarks.ClauseBreak) || t.IsAside(next) || t.Has(next, Idiom)
            || (t.IsAside(next + 1) && t[next + 1].Sentence == t[i].Sentence))
        {
            return false; // "can't carry on lol", "can't carry on a solid 8": nothing it is about
        }

        return t.Is(next, "the") || t.Is(next, "a") || t.Is(next, "an") || t.Is(next, "holiday") || t.Is(next, "holidays") || t.Is(next, "my")
            || t.Is(next, "with") || t.Is(next, "that") || t.Is(next, "this") || t.Is(next, "about") || t.HasAny(next, Concepts.Of(Thing, Soon));
    }

    /// <summary>"never wake up till 2pm", "before 9", "on time": a time of waking, not never waking.</summary>
    private static bool UntilATime(RiskText t, int i)
    {
        var next = i + 1;
        return next < t.Count && t[next].Sentence == t[i].Sentence
            && (t.Is(next, "till") || t.Is(next, "til") || t.Is(next, "until") || t.Is(next, "before") || t.Is(next, "at") || t.Is(next, "on") || t.Is(next, "early")
                || t.Is(next, "in") || t.HasAny(next, Concepts.Of(Now, Soon)));
    }

    /// <summary>"don't want to live in Leeds" is about a place, not about living.</summary>
    private static bool IsLiveSomewhere(RiskText t, int i) =>
        t.Base(i).SequenceEqual("live") && i + 1 < t.Count && t[i + 1].Sentence == t[i].Sentence
        && (t.Is(i + 1, "in") || t.Is(i + 1, "at") || t.Is(i + 1, "with") || t.Is(i + 1, "near") || t.Is(i + 1, "there") || t.Is(i + 1, "abroad"));
}
