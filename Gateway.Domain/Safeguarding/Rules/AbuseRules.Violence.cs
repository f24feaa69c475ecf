using Buddy.Domain.Safeguarding.Reading;
using static Buddy.Domain.Safeguarding.Reading.Concept;

namespace Buddy.Domain.Safeguarding.Rules;

/// <summary>Violence read with its circumstances: an injury and who gave it, harm to someone else, play, sport and accidents.</summary>
internal static partial class AbuseRules
{
    /// <summary>"her partner hits her", "neighbour's husband beats her": someone else harmed by a person, worth a look.</summary>
    private static RiskHit HarmToAThirdParty(RiskText t, int verb, int doer)
    {
        var next = verb + 1;
        var pronoun = next < t.Count && t[next].Clause == t[verb].Clause && (t.Is(next, "her") || t.Is(next, "him") || t.Is(next, "them"));
        return pronoun && doer != verb && t.HasAny(doer, s_people) && Grammar.SubjectOf(t, verb) != Agent.Sender && !IsPlayOrAccident(t, verb)
            ? RiskHit.Review(doer, next, verb, RiskSubject.ThirdParty)
            : RiskHit.None;
    }

    /// <summary>
    /// An injury someone gave the sender: "a black eye from him", "bruises off my dad"; or an injury the sender has beside
    /// a person's anger or violence: "he lost his temper and I've got a split lip".
    /// </summary>
    private static RiskHit InjuredBySomeone(RiskText t, int i)
    {
        var from = Math.Max(t.AfterWord(i, "from", 5), Math.Max(t.AfterWord(i, "off", 5), t.AfterWord(i, "by", 5)));
        var who = from >= 0 ? t.After(from, Concepts.Of(Kin, Person, Concept.Other, Group), 3, clause: true) : -1;
        if (who >= 0 && !t.Has(who, Thing))
        {
            return RiskHit.High(i, who, i);
        }

        if (!s_injuries.Contains(t.Key(i)) || IsAccidentOrSport(t, i))
        {
            return RiskHit.None;
        }

        var person = t.Near(i, Concepts.Of(Kin, Concept.Other), 12);
        var anger = person >= 0 ? t.Near(person, Concepts.Of(Shout, Violence, Threat, Fear), 6) : -1;
        if (anger < 0 && person >= 0 && (t.AfterWord(person, "temper", 4) >= 0 || t.AfterWord(person, "angry", 4) >= 0 || t.AfterWord(person, "drunk", 4) >= 0))
        {
            anger = Math.Max(t.AfterWord(person, "temper", 4), Math.Max(t.AfterWord(person, "angry", 4), t.AfterWord(person, "drunk", 4)));
        }

        return anger >= 0 && !IsChild(t, person) ? RiskHit.High(Math.Min(i, person), Math.Max(i, Math.Max(person, anger)), i) : RiskHit.None;
    }

    /// <summary>"by accident", "accidentally", "by mistake" in the clause (not the Accident family's places and chores: "at work" is no excuse).</summary>
    private static bool SaysAccident(RiskText t, int i)
    {
        for (var j = t.ClauseFirst(i); j <= t.ClauseLast(i); j++)
        {
            if (t.Has(j, Accident) && (t.Key(j).Contains("accident", StringComparison.Ordinal) || t.Key(j).Contains("mistake", StringComparison.Ordinal)))
            {
                return true;
            }
        }

        return false;
    }

    private static readonly Buddy.Domain.Replies.WordSet s_injuries = new(
        "black eye", "split lip", "bust lip", "bloody nose", "broken nose", "bruised ribs", "bruises all over", "fat lip", "bruise", "bruises");

    private static readonly Buddy.Domain.Replies.WordSet s_play = new("little", "baby", "younger", "toddler", "kids", "kid", "lil", "grandson", "granddaughter", "nephew", "niece");

    /// <summary>
    /// A small child's blow, or one in sleep or play: "my little brother hit me with his lego", "the baby kicked me",
    /// "son kicked me in his sleep", "got hit by the ball at football".
    /// </summary>
    private static bool IsPlayOrAccident(RiskText t, int verb)
    {
        var first = Math.Max(t.ClauseFirst(verb), verb - 4);
        for (var j = first; j < verb; j++)
        {
            if (s_play.Contains(t.Key(j)))
            {
                return true;
            }
        }

        if (IsAccidentOrSport(t, verb) || (t.AfterWord(verb, "sleep", 6) >= 0 && t.Before(verb, Concepts.Of(Now, Again), 6) < 0))
        {
            return true;
        }

        // "threw a pillow at me", "my brother punched me for nicking his charger lol": a soft thing, or a sibling in a reply that laughs, once.
        var soft = Math.Min(t.ClauseLast(verb), verb + 4);
        for (var j = verb + 1; j <= soft; j++)
        {
            if (s_softThings.Contains(t.Key(j)))
            {
                return true;
            }
        }

        var doer = Subject(t, verb);
        return doer != verb && s_siblings.Contains(t.Base(doer)) && t.All.Has(Joke) && t.Near(verb, Concepts.Of(Now, Again, If, Fear), 10) < 0;
    }

    private static readonly Buddy.Domain.Replies.WordSet s_softThings = new("pillow", "pillows", "cushion", "cushions", "sock", "socks", "teddy", "snowball", "snowballs", "balloon", "nerf", "tissue");

    private static readonly Buddy.Domain.Replies.WordSet s_siblings = new("brother", "brothers", "bro", "sister", "sisters", "sis", "cousin", "cousins", "sibling", "siblings");

    private static bool IsAccidentOrSport(RiskText t, int verb) =>
        SaysAccident(t, verb) || t.AfterWord(verb, "ball", 5) >= 0 || t.AfterWord(verb, "football", 6) >= 0 || t.AfterWord(verb, "rugby", 6) >= 0
        || t.AfterWord(verb, "boxing", 6) >= 0 || t.AfterWord(verb, "sparring", 6) >= 0;
}
