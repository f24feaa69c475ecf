using Buddy.Domain.Safeguarding.Reading;
using static Buddy.Domain.Safeguarding.Reading.Concept;

namespace Buddy.Domain.Safeguarding.Rules;

/// <summary>
/// Passive death wishes with no death word (C-SSRS item 1, Samaritans' "wanting to not be here"): a wish simply to
/// not be ("wish i could just not be"), being done with living ("so done with being here"), and wanting it all over
/// for good. Each needs the wish to end its clause: "wish i could not be so tired" is about being tired. Also the
/// wishes that put death in other words: to sleep for ever, to be killed by something or someone.
/// </summary>
internal static partial class IdeationRules
{
    private static readonly Buddy.Domain.Replies.WordSet s_doneWith = new("done", "finished", "through", "over");
    private static readonly Buddy.Domain.Replies.WordSet s_thenEnding = new("to", "would", "could", "will", "was", "is", "be", "just", "can");
    private static readonly Buddy.Domain.Replies.WordSet s_withLiving = new("with", "being", "my", "this", "all", "it");

    /// <summary>A wish, then "not be" or "not exist" with nothing after it but an aside or "any more": "i want to not be anymore".</summary>
    private static RiskHit WishNotToBe(RiskText t, int i)
    {
        var not = t.After(i, Negation, 4, clause: true);
        var be = not + 1;
        if (not < 0 || !(t.Is(be, "be") || t.Is(be, "exist")) || t[be].Sentence != t[i].Sentence
            || !(t.EndsClauseOrIdiom(be) || (t.HasAny(be + 1, s_finality) && t.EndsClauseOrIdiom(be + 1))))
        {
            return RiskHit.None;
        }

        // "rather not be killing it": an idiom is what the sender would rather not be; no marker takes the wish below Review.
        return Grammar.SubjectOf(t, i) == Agent.Someone ? RiskHit.None : t.Has(be + 1, Idiom) ? RiskHit.Review(i, be, i) : RiskHit.High(i, be, i);
    }

    /// <summary>"done with being here", "so done. with life", "finished with living": done with living itself, across a full stop.</summary>
    private static RiskHit DoneWithLiving(RiskText t, int i)
    {
        if (!t.EndsClauseOrIdiom(i) || t.Is(i, "lives"))
        {
            return RiskHit.None; // "done with life admin", "done with their lives"
        }

        // Only "with" and small words between: "done with my life", "through with all of it, with being alive".
        for (var j = i - 1; j >= Math.Max(0, i - 5); j--)
        {
            // "done", "so done" (one word to the lexicon), "done with" read as one.
            var key = t.Key(j);
            var with = key.EndsWith(" with", StringComparison.Ordinal);
            var word = with ? key[..^5] : key;
            word = word[(word.LastIndexOf(' ') + 1)..];
            if (s_doneWith.Contains(word))
            {
                return (with || t.Is(j + 1, "with")) && Grammar.SubjectOf(t, j) != Agent.Someone ? RiskHit.High(j, i, j) : RiskHit.None;
            }

            if (!s_withLiving.Contains(t.Key(j)) && !t.Has(j, Everything))
            {
                return RiskHit.None;
            }
        }

        return RiskHit.None;
    }

    /// <summary>A wish for it all to end "for good": "want it all to be over for good", "wish everything would stop for good".</summary>
    private static RiskHit OverForGood(RiskText t, int i)
    {
        var end = t.Before(i, End, 2, clause: true);
        var wish = end < 0 ? -1 : t.Before(end, Desire, 10);
        if (wish < 0 || Grammar.SubjectOf(t, wish) == Agent.Someone)
        {
            return RiskHit.None;
        }

        // What is to end is everything ("it all", "everything", "my life"), not a thing ("the noise to stop for good").
        for (var j = wish + 1; j < end; j++)
        {
            if (t.Has(j, Thing) && !t.Has(j, Everything))
            {
                return RiskHit.None;
            }

            // "it all to be over", "everything would stop", "my life to end": the whole of it, not "this cold to be over".
            if (((t.Has(j, Everything) && !t.Has(j, Thing)) || t.Has(j, Life)) && (s_thenEnding.Contains(t.Key(j + 1)) || t.Has(j + 1, End)))
            {
                return RiskHit.High(wish, i, wish);
            }
        }

        return RiskHit.None;
    }

    /// <summary>"sleep and stay asleep", "sleep and just stay that way", "sleep and not come back": sleep that does not end.</summary>
    private static int StaysAsleep(RiskText t, int i)
    {
        var last = Math.Min(t.SentenceLast(i), i + 5);
        for (var j = i + 1; j < last; j++)
        {
            if ((t.Is(j, "stay") || t.Is(j, "remain")) && (t.Is(j + 1, "asleep") || t.Is(j + 1, "sleeping") || (t.Is(j + 1, "that") && t.Is(j + 2, "way"))))
            {
                return j + 1;
            }
        }

        return -1;
    }

    /// <summary>"want to sleep forever" (not "could sleep forever": tired is not a wish).</summary>
    private static RiskHit SleepForever(RiskText t, int i)
    {
        var forever = t.After(i, Concepts.Of(Forever, Negation), 3, clause: true);
        var wish = t.Before(i, Concepts.Of(Desire, Thought), 5); // "want to sleep forever", "thinking of going to sleep permanently"
        if (wish >= 0 && StaysAsleep(t, i) is var stay and >= 0)
        {
            // "wish i could go to sleep and just stay asleep"; "stay asleep till the holidays" is a time, for a look.
            return UntilATime(t, stay) ? RiskHit.Review(wish, stay, wish) : RiskHit.High(wish, stay, wish);
        }

        if (forever < 0 || wish < 0)
        {
            return RiskHit.None;
        }

        return t.Has(forever, Forever) || t.After(forever, Wake, 2) >= 0 ? RiskHit.High(wish, forever, wish) : RiskHit.None;
    }

    /// <summary>"hope I get hit by a bus", "wish someone would kill me": a wish to be killed, passive ideation.</summary>
    private static RiskHit WishToBeKilled(RiskText t, int i)
    {
        var wish = t.Before(i, Desire, 6);
        if (wish < 0)
        {
            wish = IfThenIndifferent(t, i); // "if a car hit me I wouldn't mind"
        }

        if (wish < 0)
        {
            return RiskHit.None;
        }

        var me = t.After(i, Concepts.Of(Me, Myself), 2, clause: true);
        var passive = t.Before(i, Passive, 2, clause: true);
        var byPerson = t.After(i, Concepts.Of(Kin, Person, Other, Group), 3, clause: true);
        if (me >= 0 && Grammar.SubjectOf(t, i) != Agent.Sender)
        {
            return RiskHit.High(Math.Min(wish, i), Math.Max(wish, me), Math.Min(wish, i)); // "wish a car would hit me", "hope someone kills me"
        }

        var sender = passive >= 0 && Grammar.SubjectOf(t, passive) is Agent.Sender or Agent.Unknown;
        return sender && byPerson < 0 ? RiskHit.High(Math.Min(wish, i), Math.Max(wish, i), Math.Min(wish, i)) : RiskHit.None; // "hope I get hit by a bus"
    }

    /// <summary>
    /// A burden wording with the sender in it ("without me", "if i wasnt around", "with me gone") is about the sender,
    /// whoever the clause's subject is ("they'd save money if i wasnt around" is not a third party at risk).
    /// </summary>
    private static bool SpeaksOfMe(ReadOnlySpan<char> key) =>
        key.EndsWith(" me", StringComparison.Ordinal) || key.StartsWith("me ", StringComparison.Ordinal) || key.Contains(" me ", StringComparison.Ordinal)
        || key.StartsWith("i ", StringComparison.Ordinal) || key.Contains(" i ", StringComparison.Ordinal);
}
