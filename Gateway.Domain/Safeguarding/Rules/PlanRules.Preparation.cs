using Buddy.Domain.Safeguarding.Reading;
using static Buddy.Domain.Safeguarding.Reading.Concept;

namespace Buddy.Domain.Safeguarding.Rules;

/// <summary>Preparation: a decision announced, affairs put in order, things given away, reunion with someone who has died.</summary>
internal static partial class PlanRules
{
    /// <summary>A decision with no object ("I've decided." "made my mind up, goodbye"), not "decided to go to uni".</summary>
    private static RiskHit DecisionMade(RiskText t, int i)
    {
        var risky = t.Near(i, Concepts.Of(Farewell, Bye, Burden, Disappear, Concept.Suicide, Die, End, Anymore), 8);
        if (risky >= 0)
        {
            return RiskHit.High(Math.Min(i, risky), Math.Max(i, risky), i);
        }

        // "decided to stay in tonight", "made my mind up about the job": a decision with an object is about that.
        var next = i + 1;
        if (next < t.Count && t[next].Sentence == t[i].Sentence && !t[next].Has(TokenMarks.ClauseBreak)
            && (t.Is(next, "to") || t.Is(next, "on") || t.Is(next, "about") || t.Is(next, "that") || t.Is(next, "what") || t.Is(next, "which") || t.Is(next, "where") || t.Is(next, "against")))
        {
            return RiskHit.None;
        }

        var soon = t.After(i, Soon, 3);
        if (soon >= 0)
        {
            return RiskHit.High(i, soon, i); // "made up my mind. tonight"
        }

        if (t.EndsSentence(i))
        {
            return RiskHit.High(i, i, i);
        }

        return t.EndsClause(i) || OnlyIdiomsAfter(t, i) ? RiskHit.Review(i, i, i) : RiskHit.None;
    }

    /// <summary>The rest of the clause is idioms, negations and asides ("made my mind up dying to", "... not"): no object, worth a look.</summary>
    private static bool OnlyIdiomsAfter(RiskText t, int i)
    {
        var last = t.ClauseLast(i);
        for (var j = i + 1; j <= last; j++)
        {
            if (!t.HasAny(j, Concepts.Of(Idiom, Negation)) && !t.IsAside(j))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Affairs put in order, unless for something ordinary ("for the move", "before my holiday").</summary>
    private static RiskHit AffairsInOrder(RiskText t, int i)
    {
        // "for the move", "before my holiday", "now we can book the cruise": put in order for a life going on.
        var purpose = t.AfterWord(i, "for", 2) >= 0 || t.AfterWord(i, "before", 2) >= 0 || t.AfterWord(i, "we", 8) >= 0 || t.AfterWord(i, "solicitor", 4) >= 0
            || t.AfterWord(i, "solicitors", 4) >= 0;
        return purpose && t.Near(i, Concepts.Of(Farewell, Bye, Die, End, Concept.Suicide, Deceased), 10) < 0 ? RiskHit.Review(i, i, i) : RiskHit.High(i, i, i);
    }

    private static RiskHit GivingAway(RiskText t, int i)
    {
        var things = t.After(i, Belongings, 4, clause: true);
        if (things < 0)
        {
            return RiskHit.None;
        }

        // "gave my niece my jewellery, won't need it": given with no further use for it.
        var noNeed = t.AfterWord(i, "need", 14) is var need and >= 0 && t.Before(need, Negation, 2) >= 0
            || t.AfterWord(i, "needing", 14) is var needing and >= 0 && t.Before(needing, Negation, 2) >= 0;
        var away = noNeed || t.Key(i).Contains("away", StringComparison.Ordinal) || t.Base(i).StartsWith("rehom", StringComparison.Ordinal)
            || t.AfterWord(i, "away", 6) >= 0 || t.Near(things, Quantity, 2) >= 0 || t.Near(i, Everyone, 6) >= 0 || t.Near(i, Farewell, 10) >= 0;
        if (away)
        {
            return RiskHit.High(i, things, i);
        }

        // "gave my cat to my sister": a pet or treasured thing handed on is worth a look.
        return t.Key(things).StartsWith("my ", StringComparison.Ordinal) && t.After(things, Concepts.Of(Kin, Person), 4) >= 0 ? RiskHit.Review(i, things, i) : RiskHit.None;
    }

    /// <summary>
    /// Being with someone again: "join", "go to where he is", "be reunited" wished for; "be with" when the reply is
    /// ready for it or says the person has died ("ready to be with my Jean", "want to be with him, he's waiting for me").
    /// With a death in the reply, a time or a future is wish enough: "soon I'll be with my brother who passed",
    /// "going to be with my late husband", "won't be long till I'm with her up there".
    /// </summary>
    private static RiskHit ReadReunion(RiskText t, int i)
    {
        var someone = t.After(i, s_people.With(Deceased), 3, clause: true);
        var ownWords = t.Key(i).Contains(' ') && !t.Key(i).StartsWith("be with", StringComparison.Ordinal) && !t.Key(i).StartsWith("im with", StringComparison.Ordinal)
            && !t.Key(i).StartsWith("i am with", StringComparison.Ordinal) && !t.Key(i).StartsWith("take me", StringComparison.Ordinal);
        if (someone < 0 && !ownWords)
        {
            return RiskHit.None;
        }

        var end = someone >= 0 ? someone : i;
        var died = HasDied(t, i);
        var wish = t.Before(i, Concepts.Of(Desire, Intent, Decision), 5);
        if (wish < 0 && died)
        {
            // "soon I'll be with him", "be with her again soon", "it's nearly time to join him"
            wish = t.Near(i, Concepts.Of(Soon, Anymore, Thought, Prepare), 8);
        }

        // "asking God to take me to my Harold": a prayer to be taken to someone is a wish to die, whether or not the death is named.
        var prayer = wish < 0 && someone >= 0 && t.Key(i).StartsWith("take me", StringComparison.Ordinal) ? IdeationRules.PrayerBefore(t, i) : -1;
        wish = wish < 0 ? prayer : wish;
        if (wish < 0)
        {
            return died && t.Near(i, s_deathEvidence, 10) >= 0 ? RiskHit.Review(i, end, i) : RiskHit.None;
        }

        var strong = ownWords || t.Base(i).StartsWith("join", StringComparison.Ordinal);
        var ready = t.Before(i, Prepare, 6) >= 0 || t.Has(wish, Decision);
        if (IsAVisit(t, end))
        {
            return RiskHit.Review(Math.Min(wish, i), Math.Max(wish, end), wish); // "can't wait to be with my sister at christmas"
        }

        if (strong || ready || died || prayer >= 0)
        {
            return RiskHit.High(Math.Min(wish, i), Math.Max(wish, end), wish);
        }

        return t.Near(i, Concepts.Of(Again, Forever, Now), 6) >= 0 ? RiskHit.Review(wish, end, wish) : RiskHit.None;
    }

    private static readonly Concepts s_deathEvidence = Concepts.Of(Deceased, Die);

    private static readonly Buddy.Domain.Replies.WordSet s_visitTimes = new(
        "christmas", "xmas", "easter", "weekend", "tomorrow", "week", "birthday", "holiday", "holidays", "summer", "saturday", "sunday", "friday", "monday",
        "tuesday", "wednesday", "thursday", "month", "tonight", "later", "house", "hospital", "home", "party", "wedding");

    /// <summary>A reunion with a calendar time or a place after the person is a visit: "be with my sister at christmas", "see mum again tomorrow".</summary>
    private static bool IsAVisit(RiskText t, int person)
    {
        var last = Math.Min(t.ClauseLast(person), person + 4);
        for (var j = person + 1; j <= last; j++)
        {
            if (s_visitTimes.Contains(t.Key(j)) && !t.Has(j, Deceased))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The reply says someone has died: a word of the dead ("in heaven", "his grave", "my late wife", "who passed") or a
    /// death word that is not a wish ("he died in May", not "want to die").
    /// </summary>
    private static bool HasDied(RiskText t, int reunion)
    {
        if (t.All.Has(Deceased))
        {
            return true;
        }

        if (!t.All.Has(Die))
        {
            return false;
        }

        for (var j = 0; j < t.Count; j++)
        {
            if (t.Has(j, Die) && (t.Key(j) is "died" or "dead" or "death") && t.Before(j, Concepts.Of(Desire, Intent, Thought, BetterOff), 5) < 0 && j != reunion)
            {
                return true;
            }
        }

        return false;
    }
}
