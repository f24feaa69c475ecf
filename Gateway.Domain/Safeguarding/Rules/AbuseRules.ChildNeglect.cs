using Buddy.Domain.Safeguarding.Reading;
using static Buddy.Domain.Safeguarding.Reading.Concept;

namespace Buddy.Domain.Safeguarding.Rules;

/// <summary>
/// A child's neglect told with no carer word (Working Together 2023: a parent failing to provide food, warmth,
/// clean clothes or supervision): the need unmet again or while a parent is unreachable, and nobody doing for the
/// child what a parent does ("nobody washes my uniform", "no one picked me up so i slept at the station").
/// </summary>
internal static partial class AbuseRules
{
    private static readonly Buddy.Domain.Replies.WordSet s_unreachable = new("answering", "answer", "home", "back", "picking", "up", "there", "around");

    private static readonly Buddy.Domain.Replies.WordSet s_alwaysAway = new("bed", "asleep", "drunk", "out", "off", "gone", "away", "wasted", "high");

    private static readonly Buddy.Domain.Replies.WordSet s_parentsDo = new(
        "washes", "washed", "wash", "feeds", "fed", "cooks", "cooked", "picks", "picked", "collects", "collected", "fetched", "comes", "came");

    private static readonly Buddy.Domain.Replies.WordSet s_childsWorld = new("school", "uniform", "teacher", "teachers", "class", "kids", "homework", "nursery", "station");

    /// <summary>"no electric and no food again, mums not answering": a need unmet again, or while a parent cannot be reached.</summary>
    private static RiskHit LeftWithout(RiskText t, int i)
    {
        var parent = ParentIn(t);
        if (parent < 0)
        {
            return RiskHit.None;
        }

        var again = t.After(i, Again, 2, clause: true) >= 0;
        return again || ParentUnreachable(t, parent) ? RiskHit.High(Math.Min(i, parent), Math.Max(i, parent), i) : RiskHit.None;
    }

    /// <summary>"nobody washes my uniform", "no one picked me up so i slept at the bus station": what a parent does, done by no one.</summary>
    private static RiskHit NobodyDoesIt(RiskText t, int i)
    {
        // "nobody washes", "nobody ever fed", or one unit to the lexicon: "no one came".
        var key = t.Key(i);
        var does = s_parentsDo.Contains(key[(key.LastIndexOf(' ') + 1)..]) ? i : t.Is(i + 1, "ever") || t.Is(i + 1, "even") ? i + 2 : i + 1;
        var whom = does < t.Count && (does == i || s_parentsDo.Contains(t.Key(does))) ? MineAfter(t, does) : -1;
        if (whom < 0)
        {
            return RiskHit.None;
        }

        // A child's world in the reply: school, a uniform, a parent, or the night spent somewhere else.
        var child = ParentIn(t) >= 0 || t.After(whom, Sleep, 8) >= 0;
        for (var j = 0; j < t.Count && !child; j++)
        {
            child = s_childsWorld.Contains(t.Key(j));
        }

        return child ? RiskHit.High(i, whom, i) : RiskHit.None;
    }

    /// <summary>"me", "my", or a unit of the sender's own ("my clothes") right after the verb.</summary>
    private static int MineAfter(RiskText t, int verb)
    {
        for (var j = verb + 1; j <= Math.Min(t.ClauseLast(verb), verb + 2); j++)
        {
            if (t.HasAny(j, Concepts.Of(Me, My)) || t.Key(j).StartsWith("my ", StringComparison.Ordinal) || t.Key(j).EndsWith(" me", StringComparison.Ordinal))
            {
                return j;
            }
        }

        return -1;
    }

    private static int ParentIn(RiskText t)
    {
        for (var j = 0; j < t.Count; j++)
        {
            if (t.Has(j, Kin) && s_parents.Contains(t.Base(j)))
            {
                return j;
            }
        }

        return -1;
    }

    /// <summary>"mums not answering", "dad didnt come home", "mums always in bed", "dads out again".</summary>
    private static bool ParentUnreachable(RiskText t, int parent)
    {
        var last = Math.Min(t.ClauseLast(parent), parent + 5);
        for (var j = parent + 1; j <= last; j++)
        {
            if (t.Has(j, Negation) && j + 1 <= last && (s_unreachable.Contains(t.Key(j + 1)) || t.Is(j + 1, "come") || t.Is(j + 1, "came")))
            {
                return true;
            }

            var always = (t.Is(j, "always") || t.Is(j, "still")) && (Away(t, j + 1) || (j + 2 <= last && Away(t, j + 2)));
            if (always || (t.Has(j, Again) && Away(t, j - 1)))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Away(RiskText t, int j) => s_alwaysAway.Contains(t.Key(j)) || t.Has(j, Room);
}
