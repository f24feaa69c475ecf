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

    /// <summary>
    /// Not being at a place or an occasion, said without "forever" or "any more": "not be there tonight", "rather not be there",
    /// "not be here for the exam". "There" always points somewhere else; "here" only when a time or an occasion follows.
    /// </summary>
    private static bool IsAnOccasion(RiskText t, int i)
    {
        var key = t.Key(i);
        if (t.Near(i, s_finality, 5) >= 0)
        {
            return false;
        }

        if (key.EndsWith(" there", StringComparison.Ordinal))
        {
            return true;
        }

        var next = i + 1;
        return key.EndsWith(" here", StringComparison.Ordinal) && next < t.Count && t[next].Sentence == t[i].Sentence
            && !t[next].Has(TokenMarks.ClauseBreak) && (s_getaway.Contains(t.Key(next)) || t.HasAny(next, Concepts.Of(Soon, Now)));
    }

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

    private static readonly Buddy.Domain.Replies.WordSet s_parted = new("finished", "done", "over", "through", "split", "splitting", "broke", "breaking", "dumped");

    private static readonly Buddy.Domain.Replies.WordSet s_couple = new("we", "were", "we're", "us", "me");

    /// <summary>
    /// A later clause says what "it" is: "i mean" ("the exams i mean"), "over with" (a chore), or a couple parting
    /// ("him and me are finished", "we're done"). A relationship ending is for a human to read, not a crisis text.
    /// </summary>
    private static bool ItIsNamedLater(RiskText t, int end)
    {
        if (t.Is(end + 1, "with") && t.Base(end).SequenceEqual("over"))
        {
            return true;
        }

        for (var j = end + 1; j < t.Count; j++)
        {
            if ((t.Is(j, "mean") && t.Is(j - 1, "i")) || (s_parted.Contains(t.Key(j)) && t[j].Clause != t[end].Clause && Couple(t, j)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>"him and me are finished", "we're done", "me and her split": "we", or the sender and someone, before the parting word.</summary>
    private static bool Couple(RiskText t, int parted)
    {
        var other = t.Before(parted, Concepts.Of(Concept.Other, Kin, Person), 5, clause: true) >= 0;
        for (var j = Math.Max(t.ClauseFirst(parted), parted - 5); j < parted; j++)
        {
            if (s_couple.Contains(t.Key(j)) && (other || !t.Is(j, "me")))
            {
                return true;
            }
        }

        return false;
    }
}
