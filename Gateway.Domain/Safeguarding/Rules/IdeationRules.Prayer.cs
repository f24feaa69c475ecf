using Buddy.Domain.Safeguarding.Reading;
using static Buddy.Domain.Safeguarding.Reading.Concept;

namespace Buddy.Domain.Safeguarding.Rules;

/// <summary>
/// A prayer to be taken ("asking God to take me", "lord just take me now"): a passive death wish (C-SSRS item 1), and
/// a reunion when it names the person to be taken to. Not a lift somewhere ("asked god to take me through the exam").
/// </summary>
internal static partial class IdeationRules
{
    private static readonly Buddy.Domain.Replies.WordSet s_prayedTo = new("god", "lord", "jesus", "heaven", "angels", "allah");

    private static readonly Concepts s_takenTo = Concepts.Of(Kin, Person, Deceased, Now, Soon, Sleep, Night, Forever);

    /// <summary>God, the Lord or heaven, earlier in the sentence and close: "begging god to take me to mum".</summary>
    internal static int PrayerBefore(RiskText t, int i)
    {
        for (var j = i - 1; j >= Math.Max(t.SentenceFirst(i), i - 6); j--)
        {
            if (NamesPrayedTo(t.Key(j)))
            {
                return j;
            }
        }

        return -1;
    }

    /// <summary>"take me" asked of God, with nothing after it or with a person, a time or sleep: "god take me tonight".</summary>
    private static RiskHit PrayerToBeTaken(RiskText t, int i)
    {
        // The lexicon reads "god take me" and "the lord to take me" as one unit: the prayer is then in the word itself.
        // Or "take" and "me" as two words ("god just take me tonight").
        var key = t.Key(i);
        var me = (t.Is(i, "take") || t.Is(i, "takes")) && t.Is(i + 1, "me") ? i + 1 : i;
        var prayer = NamesPrayedTo(key) ? i : PrayerBefore(t, i);
        if (!(me > i || key.StartsWith("take me", StringComparison.Ordinal) || key.EndsWith(" take me", StringComparison.Ordinal)) || prayer < 0)
        {
            return RiskHit.None;
        }

        var next = me + 1;
        var taken = t.EndsSentence(me) || t.Is(next, "home") || t.HasAny(next, s_takenTo)
            || ((t.Is(next, "to") || t.Is(next, "in")) && t.After(next, s_takenTo, 3, clause: true) >= 0);
        return taken ? RiskHit.High(prayer, me, i) : RiskHit.None;
    }

    private static bool NamesPrayedTo(ReadOnlySpan<char> key)
    {
        foreach (var range in key.Split(' '))
        {
            if (s_prayedTo.Contains(key[range]))
            {
                return true;
            }
        }

        return false;
    }
}
