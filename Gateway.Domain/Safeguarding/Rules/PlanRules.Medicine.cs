using Buddy.Domain.Safeguarding.Reading;

namespace Buddy.Domain.Safeguarding.Rules;

/// <summary>How medicine was taken: as prescribed (a look at most), or from its container or cupboard all at once.</summary>
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
}
