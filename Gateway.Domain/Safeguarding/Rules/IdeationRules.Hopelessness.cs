using Buddy.Domain.Safeguarding.Reading;
using static Buddy.Domain.Safeguarding.Reading.Concept;

namespace Buddy.Domain.Safeguarding.Rules;

/// <summary>Hopelessness and burden: can't go on, can't cope any more, no point, tired of life, better off without me, nobody would miss me, if I died.</summary>
internal static partial class IdeationRules
{
    private static RiskHit CantGoOn(RiskText t, int i)
    {
        // "can't carry on", or "don't know how much longer I can keep going"
        var cant = t.Before(i, Cant, 3, clause: true);
        if (cant < 0 && t.Before(i, Concepts.Of(Negation, Anymore), 7) is var how and >= 0 && t.SentenceHas(i, Anymore))
        {
            cant = how;
        }

        if (cant < 0)
        {
            return RiskHit.None;
        }

        // "can't go on the trip", "can't carry on with the course": idioms make the usual ones nothing; any other is worth a look
        return HasObject(t, i) ? RiskHit.Review(cant, i, cant) : RiskHit.High(cant, i, cant);
    }

    private static RiskHit CantCopeAnyMore(RiskText t, int i)
    {
        var cant = t.Before(i, Cant, 3, clause: true);
        if (cant < 0)
        {
            return RiskHit.None;
        }

        var final = t.After(i, s_finality, 3, clause: true);
        return final >= 0 ? RiskHit.High(cant, final, cant) : t.EndsClause(i) ? RiskHit.Review(cant, i, cant) : RiskHit.None;
    }

    /// <summary>"I just can't anymore": can't, with nothing after it but "any more".</summary>
    private static RiskHit CantAnyMore(RiskText t, int i)
    {
        var final = t.After(i, Anymore, 2, clause: true);
        if (final < 0)
        {
            return RiskHit.None;
        }

        return t.EndsClause(final) ? RiskHit.High(i, final, i) : RiskHit.Review(i, final, i); // "can't any more" with something after it
    }

    /// <summary>"Life is too hard, I don't want it any more": a wish no longer to have it, with life as what "it" is.</summary>
    private static RiskHit DontWantItAnyMore(RiskText t, int i)
    {
        var wish = t.Before(i, Desire, 3, clause: true);
        var negation = wish >= 0 ? t.Before(wish, Negation, 2, clause: true) : -1;
        if (negation < 0 || t.After(wish, Concepts.Of(Everything), i - wish, clause: true) < 0)
        {
            return RiskHit.None;
        }

        return t.SentenceHas(i, Life) ? RiskHit.High(negation, i, negation) : RiskHit.Review(negation, i, negation);
    }

    /// <summary>"no point anymore", "what's the point in living", "life is pointless": no point to living, not to the gym.</summary>
    private static RiskHit NoPoint(RiskText t, int i)
    {
        var life = t.Before(i, Life, 3, clause: true);
        var none = t.Before(i, Concepts.Of(Negation, Nobody, Cant), 4, clause: true);
        var ownNegation = t.Key(i).StartsWith("no ", StringComparison.Ordinal) || t.Key(i).Contains("only", StringComparison.Ordinal);
        var what = none >= 0 ? none : ownNegation ? i : Whats(t, i); // "no way out", "the only option" carry their own

        if (life >= 0 && (t.Is(i, "pointless") || none >= 0 || what >= 0))
        {
            return RiskHit.High(life, i, life);
        }

        if (t.Is(i, "future") && none >= 0)
        {
            return RiskHit.High(none, i, none); // "I don't see a future", "no future for me": hopelessness about life itself
        }

        if (what < 0)
        {
            return RiskHit.None;
        }

        var about = t.After(i, Concepts.Of(Life, GoOn, Cope, Anymore, Forever, Everything, Try, Me, Myself), 4, clause: true); // "what's the point of me"
        if (about >= 0)
        {
            return RiskHit.High(what, about, what);
        }

        return t.EndsClause(i) ? RiskHit.Review(what, i, what) : RiskHit.None;
    }

    private static int Whats(RiskText t, int i)
    {
        var first = Math.Max(t.ClauseFirst(i), i - 5);
        for (var j = i - 1; j >= first; j--)
        {
            if (t.Is(j, "whats") || t.Is(j, "what"))
            {
                return j;
            }
        }

        return -1;
    }

    private static RiskHit TiredOfLife(RiskText t, int i)
    {
        var life = t.After(i, Concepts.Of(Life, Forever), 3, clause: true);
        if (life < 0 && t.AfterWord(i, "fighting", 2) >= 0)
        {
            life = t.AfterWord(i, "fighting", 2); // "tired of fighting"
        }

        if (life >= 0 && LifeIsAModifier(t, life))
        {
            return RiskHit.None; // "done with the living room paint", "sick of life admin": a thing, not living
        }

        if (life >= 0)
        {
            // "tired of living in this flat", "had enough of life in this town": living somewhere is for a human to read.
            return LivingSomewhere(t, life) ? RiskHit.Review(i, life, i) : RiskHit.High(i, life, i); // "tired of living", "give up for good"
        }

        var everything = t.After(i, Everything, 2, clause: true);
        if (everything >= 0 && t.EndsClause(everything))
        {
            return RiskHit.Review(i, everything, i); // "had enough of it all", not "done with this weather"
        }

        return t.EndsClause(i) ? RiskHit.Review(i, i, i) : RiskHit.None;
    }

    // Nouns that "life" or "living" qualifies as the first word of a compound: "living room", "life admin", "living costs".
    private static readonly Buddy.Domain.Replies.WordSet s_lifeCompounds = new(
        "room", "rooms", "admin", "situation", "arrangements", "costs", "cost", "wage", "space", "skills", "insurance", "coach", "hack", "hacks",
        "goals", "lessons", "drawing", "story", "jacket", "expenses", "area", "quarters", "conditions", "support", "sentence", "span");

    private static readonly Buddy.Domain.Replies.WordSet s_placePrepositions = new("in", "at", "round", "near", "above", "next", "opposite");

    /// <summary>"living room", "life admin": the life word names a thing, so the reply is about that thing.</summary>
    private static bool LifeIsAModifier(RiskText t, int life) =>
        !t.Key(life).Contains(' ') && life + 1 < t.Count && t[life + 1].Sentence == t[life].Sentence && !t[life + 1].Has(TokenMarks.ClauseBreak)
        && s_lifeCompounds.Contains(t.Key(life + 1));

    /// <summary>"living in this flat", "life at this school": a place follows, with no finality word ("any more", "for good").</summary>
    private static bool LivingSomewhere(RiskText t, int life) =>
        life + 1 < t.Count && t[life + 1].Sentence == t[life].Sentence && !t[life + 1].Has(TokenMarks.ClauseBreak)
        && s_placePrepositions.Contains(t.Key(life + 1)) && t.Near(life, s_finality, 6) < 0;

    /// <summary>"won't be a burden much longer": the negation is of the future, not of the burden.</summary>
    private static RiskHit NoLongerABurden(RiskText t, int i)
    {
        var negation = t.Before(i, Negation, 4, clause: true);
        var longer = t.After(i, Concepts.Of(Anymore, Forever, Soon), 4, clause: true);
        return negation >= 0 && longer >= 0 ? RiskHit.High(negation, longer, negation) : RiskHit.None;
    }

    /// <summary>"they'd all be better off", "my family would be better off if I was gone": others better off, the sender gone.</summary>
    private static RiskHit BetterOffWithout(RiskText t, int i)
    {
        var dead = t.After(i, Die, 2, clause: true);
        if (dead >= 0)
        {
            return RiskHit.High(i, dead, i);
        }

        var others = t.Before(i, Concepts.Of(Everyone, Other, Group, Kin), 4, clause: true);
        if (others < 0 || t.Has(others, I))
        {
            return RiskHit.None;
        }

        // "my family would be better off" said and left: High; with more after it ("better off at my nan's"), worth a look.
        var gone = t.After(i, Concepts.Of(Disappear, Die, If), 4, clause: true);
        return gone >= 0 || t.EndsClause(i) ? RiskHit.High(others, gone >= 0 ? gone : i, others) : RiskHit.Review(others, i, others);
    }

    private static RiskHit NobodyWouldMiss(RiskText t, int i)
    {
        var nobody = t.Before(i, Nobody, 3, clause: true);
        if (nobody < 0)
        {
            return RiskHit.None;
        }

        var would = t.After(nobody, Modal, i - nobody, clause: true) is var m and >= 0 && m < i;
        var gone = t.After(i, Concepts.Of(If, Die, Disappear, Me), 4, clause: true);
        return would || gone >= 0 && !t.Has(gone, Me) ? RiskHit.High(nobody, gone >= 0 ? gone : i, nobody) : RiskHit.None;
    }

    /// <summary>"if I died", with nobody, not caring or not mattering around it.</summary>
    private static RiskHit IfIDied(RiskText t, int i)
    {
        var condition = t.Before(i, If, 3, clause: true);
        if (condition < 0 || t.Before(i, Concepts.Of(I, Me, Myself), 2, clause: true) < 0)
        {
            return RiskHit.None;
        }

        var cares = t.Near(i, Concepts.Of(Nobody, Notice, Distress, BetterOff), 8);
        return cares >= 0 ? RiskHit.High(Math.Min(cares, condition), i, condition) : RiskHit.None;
    }

    /// <summary>
    /// A harm imagined under "if" and shrugged off after it: "if a car hit me I wouldn't mind", "if I didn't wake up I
    /// don't think I'd even care". The word that shrugs, or -1.
    /// </summary>
    private static int IfThenIndifferent(RiskText t, int i)
    {
        if (t.Before(i, If, 6) < 0)
        {
            return -1;
        }

        var last = Math.Min(t.SentenceLast(i), i + 12);
        for (var j = i + 1; j <= last; j++)
        {
            var shrug = (t.Has(j, Desire) && (t.Key(j).Contains("mind", StringComparison.Ordinal) || t.Key(j).Contains("care", StringComparison.Ordinal)))
                || (t.Has(j, Notice) && (t.Key(j).StartsWith("care", StringComparison.Ordinal) || t.Key(j).StartsWith("matter", StringComparison.Ordinal))
                    && t.Before(j, Negation, 5) >= 0);
            if (shrug)
            {
                return j;
            }
        }

        return -1;
    }
}
