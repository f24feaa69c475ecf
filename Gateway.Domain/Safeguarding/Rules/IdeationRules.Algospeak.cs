using Buddy.Domain.Safeguarding.Reading;
using static Buddy.Domain.Safeguarding.Reading.Concept;

namespace Buddy.Domain.Safeguarding.Rules;

/// <summary>
/// Algospeak that is an ordinary phrase until a marker says otherwise: "catch the bus" is a journey, "catch the bus, if
/// you know you know" is suicide. The lexicon's units read the marker right after the phrase; this reads it anywhere
/// later in the sentence, or opening the next one ("ready to catch the bus. iykyk").
/// </summary>
internal static partial class IdeationRules
{
    private const int MarkerReach = 10;

    /// <summary>A bus caught, caught with a marker that it is for good or meant for those in the know.</summary>
    private static RiskHit BusForGood(RiskText t, int i)
    {
        if (!t.Is(i, "bus"))
        {
            return RiskHit.None;
        }

        var caught = IsCatch(t, i - 1) ? i - 1 : IsCatch(t, i - 2) && IsDeterminer(t, i - 1) ? i - 2 : -1;
        if (caught < 0)
        {
            return RiskHit.None;
        }

        var marker = FinalityMarkerAfter(t, i);
        return marker >= 0 ? RiskHit.High(caught, marker, caught) : RiskHit.None;
    }

    private static bool IsCatch(RiskText t, int j) =>
        j >= 0 && (t.Key(j).StartsWith("catch", StringComparison.Ordinal) || t.Is(j, "caught") || t.Is(j, "cach"));

    private static bool IsDeterminer(RiskText t, int j) => t.Is(j, "the") || t.Is(j, "that") || t.Is(j, "this") || t.Is(j, "a");

    /// <summary>
    /// An in-group marker later in the sentence ("iykyk", "if you know you know", "if yk") or opening the next one, or a
    /// word of finality soon after the bus ("for good", "one last time") that is not how long the journey took.
    /// </summary>
    private static int FinalityMarkerAfter(RiskText t, int bus)
    {
        var sentenceLast = t.SentenceLast(bus);
        var last = Math.Min(t.Count - 1, Math.Min(bus + MarkerReach, sentenceLast + 1));
        for (var j = bus + 1; j <= last; j++)
        {
            var nextSentence = j > sentenceLast;
            if (IsInGroupMarker(t, j))
            {
                return j;
            }

            if (nextSentence)
            {
                break; // the next sentence counts only when the marker opens it
            }

            if (j - bus <= 4 && (IsForGood(t, j) || (t.Is(j, "last") && t.Is(j + 1, "time"))))
            {
                return j;
            }
        }

        return -1;
    }

    private static bool IsForGood(RiskText t, int j) =>
        t.Has(j, Forever) && !t.Has(j - 1, Take) && !t.Key(j - 1).StartsWith("wait", StringComparison.Ordinal); // not "it took forever"

    /// <summary>"iykyk", "if you know you know", "if u know u know", "if yk", "if you know what i mean", "iykwim".</summary>
    private static bool IsInGroupMarker(RiskText t, int j)
    {
        if (t.Is(j, "iykyk") || t.Is(j, "iykwim") || t.Is(j, "ifykyk") || t.Key(j).StartsWith("if you know you know", StringComparison.Ordinal))
        {
            return true;
        }

        if (!t.Is(j, "if"))
        {
            return false;
        }

        if (t.Is(j + 1, "yk") || t.Is(j + 1, "ykyk"))
        {
            return true;
        }

        // "if you know" alone is everyday ("let me know if you know"); the in-group marker says it twice or asks "what i mean".
        return IsYou(t, j + 1) && t.Is(j + 2, "know") && ((IsYou(t, j + 3) && t.Is(j + 4, "know")) || (t.Is(j + 3, "what") && t.Is(j + 4, "i")));
    }

    private static bool IsYou(RiskText t, int j) => t.Is(j, "you") || t.Is(j, "u") || t.Is(j, "ya");
}
