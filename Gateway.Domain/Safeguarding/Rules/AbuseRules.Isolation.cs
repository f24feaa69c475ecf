using Buddy.Domain.Safeguarding.Reading;
using static Buddy.Domain.Safeguarding.Reading.Concept;

namespace Buddy.Domain.Safeguarding.Rules;

/// <summary>
/// Psychological abuse and carer abuse told with no abuse word (Care Act 2014 statutory guidance 14.17; Women's Aid on
/// coercive control): being told nobody else would want the sender, an injury with a cover story, and the aids an
/// adult at risk needs (a buzzer, a frame, hearing aids) taken or hidden by the people who care for them.
/// </summary>
internal static partial class AbuseRules
{
    private static readonly Buddy.Domain.Replies.WordSet s_wantMe = new(
        "want", "wants", "love", "loves", "have", "put", "care", "look", "touch", "believe", "date", "marry", "fancy", "like");

    private static readonly Buddy.Domain.Replies.WordSet s_told = new("says", "said", "say", "told", "tells", "tell", "reckons", "keeps");

    /// <summary>
    /// "tells me no one else would ever want me", "he says nobody else would put up with me": someone telling the sender
    /// that nobody else would have them, the isolating put-down of coercive control. Said of oneself, it is low mood, not this.
    /// </summary>
    private static RiskHit NobodyElseWouldHaveMe(RiskText t, int i)
    {
        // "nobody else", or the lexicon's own unit "no one else would ever want me" (an insult the sender may also say of themselves).
        var unit = t.Key(i).Contains(" else", StringComparison.Ordinal);
        if (!(t.Is(i + 1, "else") || unit))
        {
            return RiskHit.None;
        }

        // "would ever want me", "would put up with me": a verb of having the sender, in any word of a unit ("want me").
        var me = -1;
        var last = Math.Min(t.ClauseLast(i), i + 8);
        for (var j = unit ? i : i + 2; j <= last && me < 0; j++)
        {
            if (s_wantMe.Contains(t.Base(j)) || t.AnyWordIn(j, s_wantMe))
            {
                me = t.Key(j).EndsWith(" me", StringComparison.Ordinal) ? j : t.After(j, Me, 3, clause: true);
                me = me > 0 && (t.Is(me - 1, "like") || t.Is(me - 1, "than") || t.Is(me - 1, "as")) ? -1 : me; // "love the dog like me"
            }
        }

        if (me < 0)
        {
            return RiskHit.None;
        }

        for (var j = i - 1; j >= Math.Max(t.SentenceFirst(i), i - 4); j--)
        {
            // "tells me", "he says", "she keeps saying": someone else's words ("i tell myself" is low mood, not this).
            var key = t.Key(j);
            if (t.AnyWordIn(j, s_told) && (key.EndsWith(" me", StringComparison.Ordinal) || Grammar.SubjectOf(t, j) != Agent.Sender))
            {
                return RiskHit.High(Subject(t, j), me, j, RiskSubject.SenderFromOthers);
            }
        }

        return RiskHit.None;
    }

    private static readonly Buddy.Domain.Replies.WordSet s_coverStory = new("fell", "tripped", "slipped", "clumsy", "door", "bumped", "walked", "accident", "cupboard");

    private static readonly Buddy.Domain.Replies.WordSet s_stockStory = new("door", "cupboard", "clumsy");

    /// <summary>
    /// "black eye, told work i walked into a door", "said i fell down the stairs": an injury with a story told to others.
    /// The story is what people who are hurt at home are made to say (SafeLives); a human must ask.
    /// </summary>
    private static RiskHit CoverStory(RiskText t, int i)
    {
        var last = Math.Min(t.SentenceLast(i), i + 12);
        for (var j = i + 1; j <= last; j++)
        {
            if (!t.AnyWordIn(j, s_told) || t.Is(j, "keeps"))
            {
                continue;
            }

            // "told work i walked into a door", "said i fell": the story is the sender's, in the next few words.
            // The stock story ("walked into a door") is High; a fall or a trip may be true, so a human looks.
            for (var k = j + 1; k <= Math.Min(t.SentenceLast(j), j + 6); k++)
            {
                if (s_coverStory.Contains(t.Key(k)) && t.Before(k, I, 4) >= 0)
                {
                    return StockStory(t, k)
                        ? RiskHit.High(i, k, i, RiskSubject.SenderFromOthers)
                        : RiskHit.Review(i, k, i, RiskSubject.SenderFromOthers);
                }
            }
        }

        return RiskHit.None;
    }

    private static readonly Buddy.Domain.Replies.WordSet s_aids = new(
        "buzzer", "bell", "frame", "zimmer", "walker", "stick", "crutches", "wheelchair", "glasses", "hearing", "aids", "pendant", "alarm",
        "teeth", "dentures", "commode", "hoist", "cord", "button");

    /// <summary>
    /// "the carer hides my hearing aids so i cant complain", "they take my buzzer away", "took my walking frame away so i
    /// stay in bed": an aid the sender needs taken or hidden by someone else (Care Act 2014: neglect, psychological abuse).
    /// </summary>
    private static RiskHit AidTakenAway(RiskText t, int i)
    {
        // Someone who cares for the sender, or the aid kept from them: "away", "so i cant", "so i stay". Not "my brother took my glasses".
        var kept = t.CountOf(Carer) > 0 || t.AfterWord(i, "away", 6) >= 0 || (t.AfterWord(i, "so", 6) is var so and >= 0 && t.Has(so + 1, I));
        var last = Math.Min(t.ClauseLast(i), i + 4);
        for (var j = i; j <= last && kept && ByOthers(t, i); j++)
        {
            var key = t.Key(j);
            if (s_aids.Contains(key[(key.LastIndexOf(' ') + 1)..]))
            {
                // "hides his hearing aids": someone else's aid, for a human to read as a third party's risk.
                return AnotherPersonsAid(t, i, j) ? RiskHit.Review(Subject(t, i), j, i, RiskSubject.ThirdParty) : RiskHit.High(Subject(t, i), j, i);
            }
        }

        return RiskHit.None;
    }

    private static readonly Buddy.Domain.Replies.WordSet s_theirs = new("his", "her", "their", "hers", "dads", "mums", "nans", "grandads");

    private static bool AnotherPersonsAid(RiskText t, int verb, int aid)
    {
        for (var j = verb; j <= aid; j++)
        {
            if (t.AnyWordIn(j, s_theirs))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>"walked into a door", "into the cupboard", "i was clumsy": the story's stock words within a few words of its start.</summary>
    private static bool StockStory(RiskText t, int start)
    {
        for (var k = start; k <= Math.Min(t.SentenceLast(start), start + 4); k++)
        {
            if (s_stockStory.Contains(t.Key(k)))
            {
                return true;
            }
        }

        return false;
    }
}
