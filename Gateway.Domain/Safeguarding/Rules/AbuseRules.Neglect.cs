using Buddy.Domain.Safeguarding.Reading;
using static Buddy.Domain.Safeguarding.Reading.Concept;

namespace Buddy.Domain.Safeguarding.Rules;

/// <summary>Neglect and cruelty with no abuse word: a basic need refused by someone, a punishment to endure, being left
/// somewhere for hours, going without, carers who do not come.</summary>
internal static partial class AbuseRules
{
    /// <summary>
    /// A basic need refused by someone: food, a drink, the toilet, a wash. The refusal is someone else's: a negation
    /// with "me" ("didn't give me my dinner", "haven't helped me to the toilet"), a rule ("not allowed to eat", "locks the
    /// food cupboard"), or "can't" with a person who says so ("mum says I can't have food"). Not "at dinner" or "before my op".
    /// </summary>
    private static RiskHit NeedDenied(RiskText t, int i)
    {
        var deny = t.Before(i, Concepts.Of(Negation, Control, Cant, Coercion, Nobody), 6, clause: true);
        if (deny < 0 || IsWhenOrWhile(t, i) || SaysAccident(t, i))
        {
            return RiskHit.None;
        }

        var someoneElse = t.Has(deny, Control) || t.Has(deny, Coercion) || t.After(deny, Me, i - deny, clause: true) >= 0
            || (t.Has(deny, Cant) && t.Before(deny, Concepts.Of(Kin, Carer, Concept.Other, Person, Group), 6) >= 0 && Grammar.SubjectOf(t, deny) != Agent.Someone);
        var nobodyHelped = (t.Has(deny, Nobody) && t.Near(i, Me, 3) >= 0) // "nobody has changed me since this morning"
            || (t.Is(deny, "never") && t.Near(i, Home, 4) >= 0 && t.SentenceHasAny(i, Concepts.Of(Now, Need)) && t.CountOf(Need) >= 2); // "never any food at home, always hungry"
        var named = t.Has(deny, Control) || t.Before(deny, Concepts.Of(Kin, Carer, Concept.Other, Person, Group, Made), 8) >= 0;
        if (!(nobodyHelped || (someoneElse && named)))
        {
            return RiskHit.None;
        }

        var because = t.AfterWord(i, "cos", 8) >= 0 || t.AfterWord(i, "because", 8) >= 0 || t.AfterWord(i, "coz", 8) >= 0;
        return because ? RiskHit.Review(deny, i, deny) : RiskHit.High(Subject(t, deny), i, deny);
    }

    private static readonly Buddy.Domain.Replies.WordSet s_timeWords = new("at", "before", "after", "during", "till", "until", "til", "for", "with", "over", "by");

    /// <summary>The need is a time or a place, not the thing refused: "not allowed my phone at dinner", "can't eat before my op".</summary>
    private static bool IsWhenOrWhile(RiskText t, int i) =>
        (i > 0 && s_timeWords.Contains(t.Key(i - 1)) && !t.Key(i - 1).SequenceEqual("with")) || t.AfterWord(i, "before", 3) >= 0 || t.AfterWord(i, "until", 3) >= 0
        || t.AfterWord(i, "till", 3) >= 0;

    private static readonly Buddy.Domain.Replies.WordSet s_endure = new("stand", "sleep", "sit", "kneel", "stay", "wait", "eat", "lie", "stood", "slept", "sat", "knelt", "stayed", "waited");

    // Places a person is put out of the home's life; a corner or outside only with the night, the cold or the dark.
    private static readonly Buddy.Domain.Replies.WordSet s_hardPlaces = new("shed", "garage", "cupboard", "cellar", "doorstep", "floor", "garden", "kennel");

    private static readonly Buddy.Domain.Replies.WordSet s_exposure = new("corner", "outside", "out");

    private static readonly Buddy.Domain.Replies.WordSet s_harshTimes = new("cold", "dark", "rain", "freezing");

    /// <summary>
    /// Made to endure something as a punishment: "makes me stand in the corner all night", "made me sleep in the shed",
    /// "makes us eat on the floor". A verb of staying and a hard place or a long time, with someone else making the sender.
    /// </summary>
    private static RiskHit MadeToEndure(RiskText t, int i)
    {
        var me = t.Key(i).EndsWith(" me", StringComparison.Ordinal) || t.Key(i).EndsWith(" us", StringComparison.Ordinal) ? i
            : t.Is(i + 1, "me") || t.Is(i + 1, "us") ? i + 1 : -1;
        if (me < 0 || !ByOthers(t, i))
        {
            return RiskHit.None;
        }

        var last = Math.Min(t.SentenceLast(i), me + 3);
        for (var verb = me + 1; verb <= last; verb++)
        {
            if (!s_endure.Contains(t.Key(verb)))
            {
                continue;
            }

            var end = Math.Min(t.SentenceLast(verb), verb + 6);
            for (var j = verb + 1; j <= end; j++)
            {
                var harsh = s_hardPlaces.Contains(t.Key(j))
                    || (s_exposure.Contains(t.Key(j)) && (t.Near(j, Night, 6) >= 0 || t.AfterWord(j, "all", 4) is var all and >= 0 && t.Has(all + 1, Night) || HasHarshTime(t, j)));
                if (harsh)
                {
                    return RiskHit.High(Subject(t, i), j, i);
                }
            }
        }

        return RiskHit.None;
    }

    private static bool HasHarshTime(RiskText t, int j)
    {
        var last = Math.Min(t.SentenceLast(j), j + 6);
        for (var k = Math.Max(t.SentenceFirst(j), j - 6); k <= last; k++)
        {
            if (s_harshTimes.Contains(t.Key(k)))
            {
                return true;
            }
        }

        return false;
    }

    private static RiskHit LeftMeThere(RiskText t, int i)
    {
        if (!ByOthers(t, i))
        {
            return RiskHit.None;
        }

        var where = t.After(i, Concepts.Of(Room, Deprivation, Need, Forever), 6, clause: true);
        var how = where >= 0 ? where : LeftFor(t, i);
        return how >= 0 ? RiskHit.High(Subject(t, i), how, i) : RiskHit.None;
    }

    private static readonly Buddy.Domain.Replies.WordSet s_longTimes = new(
        "all", "hours", "alone", "days", "since", "overnight", "weekend", "nights", "night", "ages", "everyday");

    /// <summary>How long the sender was left: "all day", "for hours", "since friday", "overnight", "for days".</summary>
    private static int LeftFor(RiskText t, int i)
    {
        var last = Math.Min(t.SentenceLast(i), i + 6);
        for (var j = i + 1; j <= last; j++)
        {
            if (s_longTimes.Contains(t.Key(j)) || (t.Key(j).StartsWith("left", StringComparison.Ordinal) && t.Key(j).EndsWith("alone", StringComparison.Ordinal)))
            {
                return j;
            }
        }

        return t.Key(i).Contains("alone", StringComparison.Ordinal) || t.Key(i).Contains("own", StringComparison.Ordinal) || t.Key(i).Contains("myself", StringComparison.Ordinal)
            ? (t.Near(i, Concepts.Of(Now, Again, Night, Nobody), 8) is var when and >= 0 ? when : -1)
            : -1;
    }

    /// <summary>Without food, warmth or care; "no food in so we got a takeaway" is a shopping list, worth a look at most.</summary>
    private static RiskHit Deprived(RiskText t, int i)
    {
        if (Grammar.SubjectOf(t, i) == Agent.Thing)
        {
            return RiskHit.None;
        }

        var sorted = t.After(i, Buy, 8) >= 0 || t.AfterWord(i, "takeaway", 8) >= 0 || t.AfterWord(i, "shopping", 8) >= 0 || t.AfterWord(i, "shops", 8) >= 0
            || t.AfterWord(i, "chippy", 8) >= 0 || t.AfterWord(i, "shop", 8) >= 0;
        return sorted || NeedMet(t, i) || RanOutOfExtra(t, i) ? RiskHit.Review(i, i, i) : RiskHit.High(i, i, i);
    }

    private static readonly Buddy.Domain.Replies.WordSet s_provided = new("made", "cooked", "ordered", "fetched", "brought", "went", "popped", "got", "did");

    private static readonly Buddy.Domain.Replies.WordSet s_goneOff = new("out", "off", "away", "missing", "awol");

    /// <summary>
    /// Someone in the reply met the need: "dad made dinner, no food left", "no food in so mum went to the shop". A need that
    /// was then met is not neglect, but "mum went out again" is a parent gone and "ive got no food" the need itself, so both
    /// stay High. Review, not None: a human looks.
    /// </summary>
    private static bool NeedMet(RiskText t, int i)
    {
        var first = t.SentenceFirst(i);
        var last = t.SentenceLast(i);
        for (var j = first; j <= last; j++)
        {
            if ((j < i - 2 || j > i) && s_provided.Contains(t.Key(j)) && (j + 1 >= t.Count || !s_goneOff.Contains(t.Key(j + 1))) && t.Before(j, Negation, 3, clause: true) < 0
                && t.Before(j, Concepts.Of(Kin, Carer, Person, Concept.Other, Group, I), 3, clause: true) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    private static readonly Buddy.Domain.Replies.WordSet s_extra = new("seconds", "pudding", "dessert", "afters", "everyone", "the");

    /// <summary>"no food left for seconds", "no food left after the party": what ran out was the extra or the occasion's.</summary>
    private static bool RanOutOfExtra(RiskText t, int i) =>
        t.Is(i + 1, "left") && (t.Is(i + 2, "for") || t.Is(i + 2, "after") || t.Is(i + 2, "at")) && i + 3 < t.Count && s_extra.Contains(t.Key(i + 3));

    private static RiskHit CarerNoShow(RiskText t, int i)
    {
        var carer = t.Near(i, Carer, 6);
        if (carer < 0)
        {
            return RiskHit.None;
        }

        var harm = t.Near(i, Concepts.Of(Again, Deprivation, Room, Now), 8);
        return harm >= 0 ? RiskHit.High(Math.Min(carer, i), Math.Max(harm, i), i) : RiskHit.Review(Math.Min(carer, i), i, i);
    }
}
