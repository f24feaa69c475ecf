using Buddy.Domain.Safeguarding.Reading;
using static Buddy.Domain.Safeguarding.Reading.Concept;

namespace Buddy.Domain.Safeguarding.Rules;

/// <summary>
/// A threat by the sender to harm another person: a verb of killing or violence, the sender (or no one named) as
/// its subject, a person as its object, and an intention, wish or "could". With a joke marker it is Review ("could
/// kill my brother lol"); a pizza is not a person ("could murder a pizza").
/// </summary>
internal static class OthersRules
{
    private static readonly Concepts s_people = Concepts.Of(Kin, Person, Other, Group, Everyone);
    private static readonly Concepts s_intent = Concepts.Of(Desire, Intent, Modal, Thought);

    public static IEnumerable<RiskRule> All =>
    [
        new("threat-to-others", "harm-to-others", RiskDirection.ToOthers, Kill, ThreatToSomeone, "im going to kill him", "want to stab someone", "i could kill my brother", "ill murder her when i see her"),
        new("threat-to-others", "harm-to-others", RiskDirection.ToOthers, Violence, ThreatToSomeone, "gonna batter him tomorrow", "i want to hurt people"),
        new("joking-threat", "harm-to-others", RiskDirection.ToOthers, Violence, JokingThreat),
        new("joking-threat", "harm-to-others", RiskDirection.ToOthers, Kill, JokingThreat),
        new("weapon", "harm-to-others", RiskDirection.ToOthers, Blade, CarriesWeapon, "carrying a knife now", "got a knife in my bag for him"),
        new("weapon-for-someone", "harm-to-others", RiskDirection.ToOthers, Blade, ArmedForSomeone,
            "gonna find him after work with my knife", "im going to wait for her at the gate with a blade"),
    ];

    private static readonly Buddy.Domain.Replies.WordSet s_confront = new("wait", "waiting", "find", "catch", "meet", "see", "get", "sort", "teach", "show", "jump");

    /// <summary>"going to wait outside school for him with my blade": the sender's intent to meet a person, with a weapon.</summary>
    private static RiskHit ArmedForSomeone(RiskText t, int i)
    {
        if (!(t.Is(i, "blade") || t.Is(i, "knife") || t.Is(i, "machete") || t.Is(i, "blades")) || !t.Is(i - 2, "with"))
        {
            return RiskHit.None; // "with my blade", "with a knife": what the sender brings
        }

        var intent = t.Before(i, s_intent, 10);
        var target = intent < 0 ? -1 : t.After(intent, Concepts.Of(Other, Person, Group), i - intent - 1);
        return target >= 0 && Confronts(t, intent + 1, i) && Grammar.SubjectOf(t, intent) != Agent.Someone ? RiskHit.High(intent, i, intent) : RiskHit.None;
    }

    private static bool Confronts(RiskText t, int first, int last)
    {
        for (var j = first; j < last; j++)
        {
            if (s_confront.Contains(t.Key(j)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A knife carried or bought to have on them: for protection or for use, a risk to someone.</summary>
    private static RiskHit CarriesWeapon(RiskText t, int i)
    {
        if (!(t.Is(i, "knife") || t.Is(i, "knives") || t.Key(i).StartsWith("gun", StringComparison.Ordinal)))
        {
            return RiskHit.None;
        }

        var carried = t.Before(i, Concepts.Of(Carry, Buy), 3);
        if (carried < 0 && t.Before(i, Passive, 3) is var got and >= 0 && t.Is(got, "got"))
        {
            carried = got;
        }

        return carried >= 0 && Grammar.SubjectOf(t, carried) != Agent.Someone ? RiskHit.High(carried, i, carried) : RiskHit.None;
    }

    /// <summary>
    /// Violence and someone else in a reply that laughs ("he's getting battered later haha", "bout to throttle the IT
    /// guy 😂"): hyperbole, most likely, but a threat at someone is worth a look.
    /// </summary>
    private static RiskHit JokingThreat(RiskText t, int i)
    {
        if (!t.All.Has(Joke) || Grammar.SubjectOf(t, i) == Agent.Thing)
        {
            return RiskHit.None;
        }

        var whom = t.Near(i, s_people, 6);
        return whom >= 0 && !t.HasAny(whom, Concepts.Of(Me, Myself)) ? RiskHit.Review(i, whom, i, RiskSubject.ThirdParty) : RiskHit.None;
    }

    private static RiskHit ThreatToSomeone(RiskText t, int i)
    {
        if (Grammar.SubjectOf(t, i) is Agent.Someone or Agent.Thing)
        {
            return RiskHit.None;
        }

        var whom = t.After(i, s_people, 3, clause: true);
        if (whom < 0 || t.HasAny(whom, Concepts.Of(Me, Myself, Thing)) || t.After(i, Concepts.Of(Me, Myself, Thing), whom - i) >= 0)
        {
            return RiskHit.None;
        }

        var intent = t.Before(i, s_intent, 4, clause: true);
        if (intent < 0 && !t.Is(i - 1, "ill"))
        {
            return t.Before(i, I, 2, clause: true) >= 0 ? RiskHit.Review(i, whom, i) : RiskHit.None; // "I hit him": an act, not a threat
        }

        return RiskHit.High(intent >= 0 ? intent : i - 1, whom, intent >= 0 ? intent : i);
    }
}
