using Buddy.Domain.Safeguarding.Reading;
using static Buddy.Domain.Safeguarding.Reading.Concept;

namespace Buddy.Domain.Safeguarding.Rules;

/// <summary>How medicine was taken: as prescribed (a look at most), or from its container or cupboard all at once; an
/// overdose or a poison taken.</summary>
internal static partial class PlanRules
{
    private static readonly Buddy.Domain.Replies.WordSet s_asPrescribed = new(
        "prescribed", "should", "supposed", "nurse", "doctor", "gp", "chemist", "pharmacist", "remembered", "usual", "normal", "bedtime", "dosette");

    /// <summary>Words around medicine that say it was taken as meant: "like the nurse said", "as prescribed", "like i should".</summary>
    private static bool AsPrescribed(RiskText t, int i)
    {
        var first = Math.Max(t.SentenceFirst(i), i - 6);
        var last = Math.Min(t.SentenceLast(i), i + 6);
        for (var j = first; j <= last; j++)
        {
            if (s_asPrescribed.Contains(t.Key(j)))
            {
                return true;
            }
        }

        return false;
    }

    private static readonly Buddy.Domain.Replies.WordSet s_containers = new(
        "packet", "packets", "box", "boxes", "bottle", "bottles", "strip", "strips", "blister", "blisters", "pack", "packs", "tub", "jar", "full box", "full packet", "full bottle");

    private static bool MedicineContainer(RiskText t, int quantity)
    {
        if (t.Key(quantity).StartsWith("everything in", StringComparison.Ordinal))
        {
            return true;
        }

        var last = Math.Min(t.ClauseLast(quantity), quantity + 2);
        for (var j = quantity; j <= last; j++)
        {
            if (s_containers.Contains(t.Key(j)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Medication taken in quantity: "took all my tablets", "swallowed 20 paracetamol", "too many pills".</summary>
    private static RiskHit OverdoseTaken(RiskText t, int i)
    {
        var take = t.Before(i, Take, 5);
        if (take < 0)
        {
            take = t.After(i, Take, 3);
        }

        var quantity = t.Near(i, Quantity, 5);
        if (quantity < 0)
        {
            quantity = Count(t, take, i);
        }

        if (take < 0 || quantity < 0)
        {
            return RiskHit.None;
        }

        // "took all my tablets like the nurse said": taken as prescribed is still worth a look, not a crisis.
        var asPrescribed = AsPrescribed(t, i);
        var first = Math.Min(take, Math.Min(quantity, i));
        var last = Math.Max(take, Math.Max(quantity, i));
        return asPrescribed ? RiskHit.Review(first, last, take) : RiskHit.High(first, last, take);
    }

    /// <summary>A number of tablets large enough to harm: six or more, between "took" and the tablets ("took 20 of my tablets").</summary>
    private static int Count(RiskText t, int take, int meds)
    {
        if (take < 0)
        {
            return -1;
        }

        for (var j = Math.Min(take, meds) + 1; j < Math.Max(take, meds); j++)
        {
            if (t[j].Number >= 6)
            {
                return j;
            }
        }

        return -1;
    }

    /// <summary>Everything swallowed, with no medicine named: "swallowed the lot"; "took all of them" is worth a look.</summary>
    private static RiskHit SwallowedTheLot(RiskText t, int i)
    {
        var quantity = t.After(i, Quantity, 3, clause: true);
        if (quantity < 0 || t.Near(i, Meds, 6) >= 0 || t.After(i, Concepts.Of(Thing, Goods), 4, clause: true) >= 0)
        {
            return RiskHit.None; // with medicine named, the overdose rule reads it
        }

        var swallowed = t.Base(i) is "swallow" or "neck" or "down" or "pop" || t.Key(i) is "necked" or "downed" or "popped" or "swallowed";
        var all = t.Key(quantity) is "the lot" or "all of them" or "every last one" or "everything i had" or "all" or "whole" or "the whole lot" or "whole lot" or "entire" or "every"
            || t.Key(quantity).StartsWith("everything in", StringComparison.Ordinal);

        // "took the whole packet", "taken everything in the drawer": a medicine's container or cupboard is medicine named.
        if (all && MedicineContainer(t, quantity) && !t.Is(i + 1, "off") && t.After(i, Concepts.Of(Thing, Goods, Kin, Person), 5, clause: true) < 0)
        {
            return RiskHit.High(i, quantity, i);
        }

        if ((swallowed && all) || t.SentenceHas(i, Concept.Overdose))
        {
            return RiskHit.High(i, quantity, i);
        }

        // "I took all of them": worth a look even with nothing named
        return all && Grammar.SubjectOf(t, i) != Agent.Someone ? RiskHit.Review(i, quantity, i) : RiskHit.None;

    }

    private static RiskHit PoisonTaken(RiskText t, int i)
    {
        var poison = t.After(i, Means, 3);
        return poison >= 0 && (t.Is(poison, "bleach") || t.Is(poison, "poison") || t.Is(poison, "antifreeze")) ? RiskHit.High(i, poison, i) : RiskHit.None;
    }
}
