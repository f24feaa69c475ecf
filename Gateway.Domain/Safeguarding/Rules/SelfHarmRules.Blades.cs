using Buddy.Domain.Safeguarding.Reading;
using static Buddy.Domain.Safeguarding.Reading.Concept;

namespace Buddy.Domain.Safeguarding.Rules;

/// <summary>
/// Self-harm named by the blade rather than the act (NICE NG225's everyday wordings): a blade used on oneself
/// ("couldn't stop myself with the razor", "took the blade to myself") and a blade taken out of a sharpener or razor,
/// which is preparation with no other use. Not shaving, not an accident.
/// </summary>
internal static partial class SelfHarmRules
{
    /// <summary>The sender and a blade in one clause: "couldnt stop myself with the razor", "used a blade on myself again".</summary>
    private static RiskHit BladeOnMyself(RiskText t, int i)
    {
        var self = t.Near(i, Myself, 4, clause: true);
        if (self < 0 || IsAccident(t, i) || Shaving(t, i))
        {
            return RiskHit.None;
        }

        return RiskHit.High(Math.Min(i, self), Math.Max(i, self), i);
    }

    /// <summary>"got the blades out of the sharpener", "snapped a razor to get the blade out": freeing a blade is made ready for one use.</summary>
    private static RiskHit BladeFreed(RiskText t, int i)
    {
        var outOf = t.AfterWord(i, "out of", 3);
        var from = outOf < 0 ? -1 : t.After(outOf, Blade, 3, clause: true);
        if (from < 0 || Shaving(t, i) || Grammar.SubjectOf(t, i) == Agent.Someone)
        {
            return RiskHit.None;
        }

        return RiskHit.High(i, from, i);
    }

    private static bool Shaving(RiskText t, int i) =>
        SentenceSays(t, i, "shav") || SentenceSays(t, i, "beard") || SentenceSays(t, i, "legs smooth");

    private static bool SentenceSays(RiskText t, int i, string stem)
    {
        for (var j = t.SentenceFirst(i); j <= t.SentenceLast(i); j++)
        {
            if (t.Key(j).Contains(stem, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
