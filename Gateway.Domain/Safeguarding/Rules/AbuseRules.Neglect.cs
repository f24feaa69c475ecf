using Buddy.Domain.Safeguarding.Reading;
using static Buddy.Domain.Safeguarding.Reading.Concept;

namespace Buddy.Domain.Safeguarding.Rules;

/// <summary>Neglect and cruelty with no abuse word: a basic need refused by someone, a punishment to endure.</summary>
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
}
