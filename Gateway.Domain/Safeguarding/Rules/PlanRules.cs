using Buddy.Domain.Safeguarding.Reading;
using static Buddy.Domain.Safeguarding.Reading.Concept;

namespace Buddy.Domain.Safeguarding.Rules;

/// <summary>
/// Plans, preparation and acts (C-SSRS items 3-6, NICE NG225, Samaritans warning signs): means got ready, saved or
/// taken; a method and a place; an attempt started or stopped; goodbyes and letters; a decision announced; affairs
/// put in order; things given away; reunion with someone who has died.
/// </summary>
internal static partial class PlanRules
{
    private const string Suicide = "suicide";
    private const string Overdose = "overdose";

    private static readonly Concepts s_intent = Concepts.Of(Desire, Intent, Thought, Try, Decision);
    private static readonly Concepts s_people = Concepts.Of(Kin, Person, Other);

    public static IEnumerable<RiskRule> All =>
    [
        new("means-ready", Suicide, RiskDirection.Self, Meds, MeansReady,
            "been saving up my meds", "got the pills ready", "stockpiling paracetamol", "googled how many tablets it would take", "ive got enough tablets now"),

        new("means-ready", Suicide, RiskDirection.Self, Means, MeansReady, "bought a rope and want to use it", "the noose is ready", "thinking about the rope in the garage"),

        new("means-ready", "self-harm", RiskDirection.Self, Blade, BladeReady, "got a new blade hidden in my room", "keep thinking about the razor"),

        new("overdose-taken", Overdose, RiskDirection.Self, Meds, OverdoseTaken,
            "took all my tablets", "took 20 paracetamol", "swallowed a whole packet of painkillers", "i took too many pills", "necked a box of sleeping pills"),

        new("overdose", Overdose, RiskDirection.Self, Concept.Overdose, (t, i) => RiskHit.High(i, i, i), "i overdosed", "od'd last night", "took an overdose", "OD again"),

        new("poison-taken", Overdose, RiskDirection.Self, Take, PoisonTaken, "drank bleach"),

        new("overdose-taken", Overdose, RiskDirection.Self, Take, SwallowedTheLot, "swallowed the lot", "necked the whole lot"),

        new("method-and-place", Suicide, RiskDirection.Self, Place, MethodAndPlace,
            "keep thinking about jumping off the bridge", "stood on the bridge for an hour", "want to throw myself in front of a train", "walked into the sea last night"),

        new("method", Suicide, RiskDirection.Self, Method, MethodAlone, "thinking about hanging", "want to drown"),

        new("attempt", Suicide, RiskDirection.Self, Try, Attempt, "tried to hang myself", "had the rope but stopped myself", "attempted to overdose"),

        new("interrupted-attempt", Suicide, RiskDirection.Self, Method, InterruptedAttempt,
            "i was about to step off when a woman talked to me", "was going to jump but my phone rang", "i was about to hang"),

        new("method-done", Suicide, RiskDirection.Self, Method, MethodDone, "tied a bag over my head last night", "had a bag over my head till i got scared"),

        new("follow-the-dead", Suicide, RiskDirection.Self, Intent, FollowTheDead, "mum passed away in june and i just want to go with her", "theyre all in heaven, i want to go too"),

        new("only-way-to-them", Suicide, RiskDirection.Self, Reunion, OnlyWayToThem, "miss my son so much, the only way is to go to him"),

        new("plan", Suicide, RiskDirection.Self, Plan, HasAPlan, "i have a plan", "ive got it all planned out", "i know how i would do it", "picked a date", "looked up painless ways"),

        new("ready", Suicide, RiskDirection.Self, Prepare, (t, i) => t.Is(i, "ready") && (t.EndsSentence(i) || (t.Has(i + 1, Now) && t.EndsSentence(i + 1))) && t.Before(i, I, 3, clause: true) >= 0
            ? RiskHit.Review(i, i, i) : RiskHit.None),

        new("goodbyes", Suicide, RiskDirection.Self, Bye, Goodbyes, "thank you for everything, goodbye", "look after yourselves, im going now", "love you all. bye"),

        new("farewell", Suicide, RiskDirection.Self, Farewell, ReadFarewell, "goodbye everyone", "this is goodbye", "sorry for everything", "look after mum for me",
            "tell my kids i love them", "by the time you read this"),

        new("goodbye-letters", Suicide, RiskDirection.Self, Letter, GoodbyeLetters, "wrote letters to everyone, theyll understand why", "written notes for my kids",
            "finished my note", "the note is written"),

        new("decision", Suicide, RiskDirection.Self, Decision, DecisionMade, "finally made my mind up", "ive decided. sorry", "my mind is made up"),

        new("affairs-in-order", Suicide, RiskDirection.Self, Affairs, AffairsInOrder, "put my affairs in order", "tied up all the loose ends", "sorted out who gets my things"),

        new("giving-away", Suicide, RiskDirection.Self, GiveAway, GivingAway, "giving away all my stuff", "gave my games away", "rehomed my cat"),

        new("act", Suicide, RiskDirection.Self, Act, (t, i) => RiskHit.High(i, i, i), "might do something stupid tonight", "going through with it"),

        new("reunion", Suicide, RiskDirection.Self, Reunion, ReadReunion, "ready to be with my Jean", "want to join my husband", "cant wait to see my wife again in heaven"),
    ];

    /// <summary>Medication or a means with preparation (saved, ready, researched) or a wish or plan to use it.</summary>
    private static RiskHit MeansReady(RiskText t, int i)
    {
        var ready = t.Near(i, Prepare, 8, clause: true);

        // Collecting a prescription is ordinary; collecting enough of it, or all of it, is not.
        if (ready >= 0 && t.Base(ready).StartsWith("collect", StringComparison.Ordinal) && t.Near(i, Quantity, 4) < 0)
        {
            ready = -1;
        }

        if (ready >= 0 && AsPrescribed(t, i))
        {
            return RiskHit.Review(Math.Min(ready, i), Math.Max(ready, i), ready); // "counted out my tablets for the week in my dosette box"
        }

        if (ready >= 0)
        {
            return RiskHit.High(ready, i, ready, PreparerOf(t, ready, i));
        }

        var bought = t.Near(i, Buy, 4);
        if (t.Has(i, Meds))
        {
            // medicine with a wish is too ordinary ("want my meds changed"); bought in quantity is not
            return bought >= 0 && t.Near(i, Quantity, 4) >= 0 ? RiskHit.High(bought, i, bought) : RiskHit.None;
        }

        var intent = t.Near(i, s_intent.With(Method).With(Take).With(Plan), 5);
        if (intent >= 0)
        {
            return RiskHit.High(intent, i, intent);
        }

        // A rope, a noose, a gun bought is a means got; bleach is cleaning until something else says otherwise.
        var lethal = t.Base(i) is "rope" or "noose" or "ligature" or "gun" or "helium" or "charcoal" or "firearm";
        var purpose = t.AfterWord(i, "for", 3) >= 0; // "got a new rope for climbing"
        return bought < 0 ? RiskHit.None : lethal && !purpose ? RiskHit.High(bought, i, bought) : RiskHit.Review(bought, i, bought);

    }

    /// <summary>
    /// "all of mums pills ready", "collecting my nans tablets": someone else's medicine made ready by the sender. The
    /// owner right before the means is not who prepares it; the sender is, unless someone else is the subject before that.
    /// </summary>
    private static RiskSubject PreparerOf(RiskText t, int ready, int means)
    {
        // The owner may have a word between: "my dads heart tablets", "nans sleeping pills".
        var owner = t.Has(means - 1, Kin) || !t.Has(means - 2, Kin) ? means - 1 : means - 2;
        if (owner < 0 || !t.Has(owner, Kin) || !t.Key(owner).EndsWith('s') || t.Has(owner, My))
        {
            return RiskSubject.None;
        }

        // The sender's act on them comes first ("got ... all of mums pills ready"); "mum's pills are ready for her" is hers.
        var act = ready < owner ? ready : t.Before(owner, Concepts.Of(Buy, Prepare, Seize), 8, clause: true);
        return act >= 0 && Grammar.SubjectOf(t, act) is not Agent.Someone ? RiskSubject.Sender : RiskSubject.None;
    }

    private static RiskHit BladeReady(RiskText t, int i)
    {
        var ready = t.Near(i, Concepts.Of(Prepare, Hide, Desire, Thought, Again, Relapse), 4);
        return ready >= 0 ? RiskHit.High(Math.Min(ready, i), Math.Max(ready, i), ready) : RiskHit.None;
    }

    private static RiskHit MethodAndPlace(RiskText t, int i)
    {
        if (t.Has(i, Method))
        {
            return RiskHit.High(i, i, i); // one unit: "walked into the sea"
        }

        var method = t.Near(i, Method, 4);
        if (method >= 0)
        {
            return RiskHit.High(method, i, method);
        }

        // "keep thinking about the bridge", "found a good bridge", "been looking at the bridge": a place chosen.
        var thought = t.Before(i, Concepts.Of(Desire, Thought, Intent, Plan), 5);
        return thought >= 0 ? RiskHit.High(thought, i, thought) : RiskHit.None;
    }

    /// <summary>Hanging or drowning wished for or planned; other methods (jump) only with a place, read elsewhere.</summary>
    private static RiskHit MethodAlone(RiskText t, int i)
    {
        var intent = t.Before(i, Concepts.Of(Desire, Thought, Intent), 4);
        if (intent < 0 || t.Near(i, Place, 4) >= 0 || t.After(i, Concepts.Of(Myself, Themself, Other, Kin, Person, Thing), 3, clause: true) >= 0)
        {
            return RiskHit.None;
        }

        var lethal = t.Base(i) is "hang" or "drown" || t.Key(i).StartsWith("suffocat", StringComparison.Ordinal) || t.Key(i).StartsWith("electrocut", StringComparison.Ordinal);
        return lethal ? RiskHit.High(intent, i, intent) : RiskHit.Review(intent, i, intent);
    }

    /// <summary>An attempt, made or stopped: "tried to hang myself", "had the rope but stopped myself", "nearly did it".</summary>
    private static RiskHit Attempt(RiskText t, int i)
    {
        if (t.Key(i).Contains(" it", StringComparison.Ordinal))
        {
            return RiskHit.High(i, i, i); // "tried to do it", "nearly went through with it": "it" needs no naming
        }

        var deliberate = t.Key(i).Contains("purpose", StringComparison.Ordinal) || t.Key(i).StartsWith("deliberate", StringComparison.Ordinal);
        if (deliberate)
        {
            var act = t.Near(i, Concepts.Of(Take, Cut, Violence, Method, Place, Meds, Kill, Concept.Overdose, Quantity), 8);
            return act >= 0 ? RiskHit.High(Math.Min(i, act), Math.Max(i, act), act) : RiskHit.None;
        }

        // The act is read against its own words: "was gonna jump but a man stopped me" is the sender's attempt.
        var how = t.Near(i, Concepts.Of(Kill, Method, Concept.Overdose, Concept.Suicide, Means, Place, Meds), 5);
        if (how < 0)
        {
            how = EndingIt(t, i); // "stopped halfway through trying to end it"
        }

        return how >= 0 ? RiskHit.High(i, how, Math.Min(i, how)) : RiskHit.None;
    }

    /// <summary>"trying to end it", "tried to end everything": ending it all, not ending something with someone ("end things with him").</summary>
    private static int EndingIt(RiskText t, int i)
    {
        var end = t.After(i, End, 3, clause: true);
        var what = end + 1;
        if (end < 0 || !t.Has(what, Everything) || t.Is(what + 1, "with") || t.HasAny(what + 1, Concepts.Of(Other, Kin, Person, Thing)))
        {
            return -1;
        }

        return what;
    }

    /// <summary>
    /// A plan (C-SSRS item 4-5): "I have a plan", "worked out how", "picked a date", "ways to die". A plan with an
    /// ordinary object is not this ("a plan for the weekend", "the plan is to go to nan's").
    /// </summary>
    private static RiskHit HasAPlan(RiskText t, int i)
    {
        if (t.Key(i).Contains("way", StringComparison.Ordinal) || t.Key(i).Contains("how many", StringComparison.Ordinal)
            || t.Key(i).Contains("dose", StringComparison.Ordinal) || t.Key(i).Contains("die", StringComparison.Ordinal) || t.Key(i).Contains("kill", StringComparison.Ordinal))
        {
            return RiskHit.High(i, i, i); // "ways to die", "how many it would take", "lethal dose"
        }

        var next = i + 1;
        var ordinary = next < t.Count && t[next].Sentence == t[i].Sentence && !t[next].Has(TokenMarks.ClauseBreak)
            && (t.Is(next, "for") || t.Is(next, "to") || t.Is(next, "is") || t.Is(next, "was") || t.Is(next, "with") || t.Is(next, "of") || t.HasAny(next, Concepts.Of(Thing, Soon)));
        if (ordinary && t.Near(i, Concepts.Of(Die, Kill, Concept.Suicide, End, Meds, Means, Place, Method), 8) < 0)
        {
            return RiskHit.None;
        }

        return Grammar.SubjectOf(t, i) == Agent.Someone ? RiskHit.None : RiskHit.High(i, i, i);
    }
}
