using Buddy.Domain.Safeguarding.Reading;
using static Buddy.Domain.Safeguarding.Reading.Concept;

namespace Buddy.Domain.Safeguarding.Rules;

/// <summary>
/// Recent acts (C-SSRS behaviour items: interrupted and aborted attempts) and following someone who has died, read
/// from what the sender did rather than from a death word: "was about to jump when a man talked to me", "put the bag
/// over my head", "they're all in heaven now, i want to go too", "the only way is to go to her".
/// </summary>
internal static partial class PlanRules
{
    private static readonly Buddy.Domain.Replies.WordSet s_interrupters = new(
        "stopped", "talked", "spoke", "pulled", "grabbed", "found", "caught", "called", "shouted", "came", "walked", "saw");

    private static readonly Buddy.Domain.Replies.WordSet s_alongWith = new("too", "as", "with", "them", "him", "her");

    /// <summary>
    /// "was about to jump and a man talked to me", "i was going to step off but my phone rang": an act begun ("was" and
    /// an intent right before the method) and cut short by someone or something; a lethal method needs no interruption.
    /// </summary>
    private static RiskHit InterruptedAttempt(RiskText t, int i)
    {
        var intent = t.Before(i, Intent, 2, clause: true);
        if (intent < 0 || !(t.Is(intent - 1, "was") || t.Is(intent - 1, "were") || t.Key(intent).StartsWith("was ", StringComparison.Ordinal))
            || Grammar.SubjectOf(t, intent - 1) == Agent.Someone)
        {
            return RiskHit.None;
        }

        var lethal = t.Base(i) is "hang" or "drown" || t.Key(i).Contains("my head", StringComparison.Ordinal);
        var by = InterruptedAfter(t, i);
        return lethal || by >= 0 ? RiskHit.High(intent, Math.Max(i, by), intent) : RiskHit.None;
    }

    /// <summary>Someone or something after the act that stopped it: "a man talked to me", "my mum came in", "stopped me".</summary>
    private static int InterruptedAfter(RiskText t, int i)
    {
        for (var j = i + 1; j <= Math.Min(t.SentenceLast(i), i + 8); j++)
        {
            if (s_interrupters.Contains(t.Base(j)) || s_interrupters.Contains(t.Key(j)) || (t.Has(j, Contact) && (t.Has(j + 1, Me) || t.HasAny(j - 1, Concepts.Of(Phone, Person, Kin, Other)))))
            {
                return t.Near(j, Concepts.Of(Person, Kin, Other, Group, Phone, Thing), 4) >= 0 ? j : -1;
            }
        }

        return -1;
    }

    /// <summary>A lethal act the sender did to themselves, named as done: "put the bag over my head", "tied a bag over my head last night".</summary>
    private static RiskHit MethodDone(RiskText t, int i)
    {
        var done = t.Key(i).Contains("bag over my head", StringComparison.Ordinal) && !t.Key(i).StartsWith("bag", StringComparison.Ordinal);
        return done && Grammar.SubjectOf(t, i) != Agent.Someone ? RiskHit.High(i, i, i) : RiskHit.None; // a negation is the judge's: Review at least
    }

    /// <summary>
    /// "they're all in heaven now, i want to go too", "mum passed in june and i just want to go with her": a wish to go,
    /// after someone's death in the reply; not going to their funeral, grave or memorial.
    /// </summary>
    private static RiskHit FollowTheDead(RiskText t, int i)
    {
        if (!t.Is(i, "go") || !s_alongWith.Contains(t.Key(i + 1)) || t[i + 1].Sentence != t[i].Sentence || !(t.EndsClauseOrIdiom(i + 1) || t.EndsClauseOrIdiom(i + 2)))
        {
            return RiskHit.None;
        }

        var wish = t.Before(i, Concepts.Of(Desire, Decision), 3, clause: true);
        var died = -1;
        for (var j = i - 1; j >= Math.Max(0, i - 15) && died < 0; j--)
        {
            if (t.Has(j, Deceased) && !IsAnEvent(t.Key(j)))
            {
                died = j;
            }
        }

        return wish >= 0 && died >= 0 && Grammar.SubjectOf(t, wish) != Agent.Someone ? RiskHit.High(died, i + 1, wish) : RiskHit.None;
    }

    private static bool IsAnEvent(ReadOnlySpan<char> key) =>
        key.Contains("funeral", StringComparison.Ordinal) || key.Contains("grave", StringComparison.Ordinal) || key.Contains("memorial", StringComparison.Ordinal)
        || key.Contains("cemetery", StringComparison.Ordinal) || key.Contains("anniversary", StringComparison.Ordinal) || key.Contains("ashes", StringComparison.Ordinal);

    /// <summary>"the only way is to go to her", "only way to see him again": going to someone as the only way there is.</summary>
    private static RiskHit OnlyWayToThem(RiskText t, int i)
    {
        if (!t.EndsClauseOrIdiom(i))
        {
            return RiskHit.None; // "the only way is to go to her house"
        }

        for (var j = i - 1; j >= Math.Max(1, i - 5); j--)
        {
            if (t.Is(j, "way") && t.Is(j - 1, "only"))
            {
                return RiskHit.High(j - 1, i, j);
            }
        }

        return RiskHit.None;
    }
}
