using Buddy.Domain.Safeguarding.Reading;
using static Buddy.Domain.Safeguarding.Reading.Concept;

namespace Buddy.Domain.Safeguarding.Rules;

/// <summary>
/// Coercive control told as someone's word over the sender's daily life (Serious Crime Act 2015 s.76 guidance: work,
/// study, friends, going out): "my bf says i cant go to college anymore", "had to give up my job because he said so".
/// A parent's word over a young person's phone or curfew is house rules, not this.
/// </summary>
internal static partial class AbuseRules
{
    private static readonly Buddy.Domain.Replies.WordSet s_says = new("says", "said", "say", "told", "tells", "decided", "decides");

    private static readonly Buddy.Domain.Replies.WordSet s_givenUp = new(
        "quit", "stop", "stopped", "leave", "left", "drop", "dropped", "give up", "gave up", "given up", "packed in", "cancel", "cancelled");

    /// <summary>"he says i cant go to work", "she told me i cant see my friends anymore": someone's word that the sender cannot.</summary>
    private static RiskHit SaysICant(RiskText t, int i)
    {
        var says = -1;
        for (var j = i - 1; j >= Math.Max(t.ClauseFirst(i), i - 4); j--)
        {
            if (s_says.Contains(t.Key(j)))
            {
                says = j;
                break;
            }
        }

        if (says < 0 || Grammar.SubjectOf(t, says) != Agent.Someone || ParentSays(t, says))
        {
            return RiskHit.None;
        }

        var life = DailyLifeIn(t, i + 1, Math.Min(t.ClauseLast(i), i + 5));
        return life >= 0 ? RiskHit.High(Subject(t, says), life, says) : RiskHit.None;
    }

    /// <summary>"had to quit my job because he said so", "gave up college cos she wanted me to": daily life given up on someone's order (not "because she said i could").</summary>
    private static RiskHit BecauseTheySaid(RiskText t, int i)
    {
        if (!(t.Is(i - 1, "because") || t.Is(i - 1, "cos") || t.Is(i - 1, "coz") || t.Is(i - 1, "cause")) || !(t.Has(i + 1, Made) || (s_says.Contains(t.Key(i + 1)) && t.Is(i + 2, "so")))
)
        {
            return RiskHit.None;
        }

        for (var j = i - 2; j >= Math.Max(t.SentenceFirst(i), i - 8); j--)
        {
            if (s_givenUp.Contains(t.Key(j)) && Grammar.SubjectOf(t, j) != Agent.Someone && DailyLifeIn(t, j + 1, i - 2) >= 0)
            {
                return RiskHit.High(j, i + 1, i);
            }
        }

        return RiskHit.None;
    }

    private static int DailyLifeIn(RiskText t, int first, int last)
    {
        for (var j = first; j <= last && j < t.Count; j++)
        {
            if (s_dailyLife.Contains(t.Key(j)) || t.HasAny(j, Concepts.Of(Person, Phone)))
            {
                return j;
            }
        }

        return -1;
    }

    /// <summary>A mum or dad setting a rule: worth a look at most, read by the other control rules.</summary>
    private static bool ParentSays(RiskText t, int says)
    {
        var who = Subject(t, says);
        return who != says && s_parents.Contains(t.Base(who));
    }
}
