using Buddy.Domain.Safeguarding.Reading;
using static Buddy.Domain.Safeguarding.Reading.Concept;

namespace Buddy.Domain.Safeguarding.Rules;

/// <summary>
/// Suicidal ideation, active and passive (C-SSRS items 1-2): a wish, a plan or a thought combined with death, ending,
/// not existing or not waking; the same with a negated wish to live ("don't want to be here"); no point or reason to
/// live; tired of life; nobody would miss me.
/// </summary>
internal static partial class IdeationRules
{
    private const string Suicide = "suicide";

    private static readonly Concepts s_wish = Concepts.Of(Desire, Intent, Thought, Decision, Modal, Plan, Point);
    private static readonly Concepts s_people = Concepts.Of(Kin, Person, Other, Group);
    private static readonly Concepts s_finality = Concepts.Of(Forever, Anymore);

    public static IEnumerable<RiskRule> All =>
    [
        new("suicidal-word", Suicide, RiskDirection.Self, Concept.Suicide, (t, i) => RiskHit.High(i, i, i),
            "suicidal", "feeling sewer slidey", "thinking bout unaliving myself", "k m s", "s u i c i d e", "su1c1de thoughts", "end it all",
            "take my own life", "nothing left to live for", "lost the will to live", "want to sleep forever"),

        new("bus-for-good", Suicide, RiskDirection.Self, Thing, BusForGood,
            "im catching the bus soon, if you know you know", "gonna catch the bus tonight, for good this time", "might catch the bus. iykyk"),

        new("prayer-to-be-taken", Suicide, RiskDirection.Self, Disappear, PrayerToBeTaken, "please god take me tonight", "asked the lord to take me to my wife"),

        new("prayer-to-be-taken", Suicide, RiskDirection.Self, Take, PrayerToBeTaken, "god just take me now"),

        new("wish-to-die", Suicide, RiskDirection.Self, Die, WishToDie,
            "i want to die", "wish i was dead", "would rather be dead", "ready to die", "better off dead", "hope i die in my sleep",
            "feel like dying", "keep thinking about death", "i just wanna diiie", "praying i die in my sleep tonight", "hoping i dont make it through the night"),

        new("not-exist", Suicide, RiskDirection.Self, Disappear, NotToExist,
            "i want to not exist", "wish i wasnt here", "wish i could disappear forever", "wont be around much longer", "i wish i was never born"),

        new("end-it", Suicide, RiskDirection.Self, End, EndIt,
            "gonna end it tonight", "want 2 end it", "i just want it all to stop", "thinking of ending things", "want everything to be over"),

        new("no-wish-to-live", Suicide, RiskDirection.Self, Life, NoWishToLive,
            "dont want to be here any more", "i dont wanna live", "dont want to be alive", "i really dont want to exist", "didnt want to wake up this morning",
            "i hope i dont wake up", "wish i could go to sleep and not wake up")
        { NegationIsPart = true },

        new("no-wish-to-wake", Suicide, RiskDirection.Self, Wake, NoWishToLive,
            "hope i never wake up", "go to sleep and never wake up", "wish i wouldnt wake up tomorrow")
        { NegationIsPart = true },

        new("no-wish-to-go-on", Suicide, RiskDirection.Self, GoOn, NoWishToLive, "i dont want to carry on", "dont wanna keep going")
        { NegationIsPart = true },

        new("wish-not-to-be", Suicide, RiskDirection.Self, Desire, WishNotToBe, "i want to not be anymore", "sometimes i wish i could just not exist", "id rather not be")
        { NegationIsPart = true },

        new("done-with-living", Suicide, RiskDirection.Self, Life, DoneWithLiving, "so done with being alive", "im finished with living", "through with my life"),

        new("over-for-good", Suicide, RiskDirection.Self, Forever, OverForGood, "i want it all to be over for good", "wish everything would just stop for good"),

        new("sleep-forever", Suicide, RiskDirection.Self, Sleep, SleepForever, "i just want to go to sleep forever", "wish i could sleep and never wake", "wish i could go to sleep and just stay asleep"),

        new("wish-to-be-killed", Suicide, RiskDirection.Self, Violence, WishToBeKilled, "i hope i get hit by a bus", "wish a car would hit me", "hope someone kills me"),

        new("wish-to-be-killed", Suicide, RiskDirection.Self, Kill, WishToBeKilled),

        new("cant-go-on", Suicide, RiskDirection.Self, GoOn, CantGoOn, "cant go on like this", "i cant carry on", "cant keep going", "dont know how much longer i can keep going"),

        new("cant-cope-any-more", Suicide, RiskDirection.Self, Cope, CantCopeAnyMore, "cant do this any more", "i cant take it anymore", "can't handle this anymore"),

        new("cant-any-more", Suicide, RiskDirection.Self, Cant, CantAnyMore, "i just cant anymore", "cant any more"),

        new("dont-want-it-any-more", Suicide, RiskDirection.Self, Anymore, DontWantItAnyMore, "life is too hard, i dont want it anymore")
        { NegationIsPart = true },

        new("no-point", Suicide, RiskDirection.Self, Point, NoPoint,
            "theres no point anymore", "whats the point in living", "no reason to keep living", "life is pointless", "my life has no meaning"),

        new("tired-of-life", Suicide, RiskDirection.Self, Tired, TiredOfLife, "tired of living", "sick of life", "had enough of life", "given up on life", "hate being alive"),

        new("no-longer-a-burden", Suicide, RiskDirection.Self, Burden, NoLongerABurden, "wont be a burden much longer", "i wont be a burden for long")
        { NegationIsPart = true },

        new("burden", Suicide, RiskDirection.Self, Burden, (t, i) => RiskHit.High(i, i, i, SpeaksOfMe(t.Key(i)) ? RiskSubject.Sender : RiskSubject.None),
            "im such a burden", "everyone would be better off without me", "wont be a burden much longer", "they would be happier without me",
            "im just a waste of space", "theyd save so much if i wasnt around", "the kids would manage with me gone"),

        new("better-off", Suicide, RiskDirection.Self, BetterOff, BetterOffWithout, "my family would be better off", "they'd all be better off if i was gone"),

        new("nobody-would-miss-me", Suicide, RiskDirection.Self, Notice, NobodyWouldMiss,
            "no one would miss me", "nobody would even notice if i was gone", "no one would care if i died"),

        new("if-i-died", Suicide, RiskDirection.Self, Die, IfIDied, "wouldnt matter if i died", "who would care if i died tomorrow"),
    ];

    /// <summary>A wish, intention or thought, then death: "want to die", "better off dead", "thinking about death".</summary>
    private static RiskHit WishToDie(RiskText t, int i)
    {
        if (IsCause(t, i))
        {
            return RiskHit.None; // "die of boredom", "dying for a brew" (idioms take most of these)
        }

        var wish = t.Before(i, Concepts.Of(Desire, Thought, BetterOff), 5);
        if (wish >= 0)
        {
            // "wish my ex was dead": someone else's death, said in anger, is for a human to read.
            var between = t.After(wish, s_people, i - wish - 1, clause: true);
            return between >= 0 && !t.Has(between, I) ? RiskHit.Review(wish, i, wish, RiskSubject.ThirdParty) : RiskHit.High(wish, i, wish);
        }

        var intent = t.Before(i, Intent, 4);
        if (intent >= 0)
        {
            return t.Near(i, Soon, 4) >= 0 ? RiskHit.High(intent, i, intent) : RiskHit.Review(intent, i, intent);
        }

        var shrug = IfThenIndifferent(t, i);
        return shrug >= 0 && Grammar.SubjectOf(t, i) != Agent.Someone ? RiskHit.High(i, shrug, i) : RiskHit.None; // "if I died tomorrow I wouldn't care"
    }

    private static bool IsCause(RiskText t, int i) =>
        i + 1 < t.Count && t[i + 1].Sentence == t[i].Sentence && (t.Is(i + 1, "of") || t.Is(i + 1, "from") || t.Is(i + 1, "laughing"))
        && t.Before(i, Desire, 5) < 0;

    private static RiskHit NotToExist(RiskText t, int i)
    {
        var wish = t.Before(i, Concepts.Of(Desire, Thought, BetterOff), 7);
        if (wish >= 0 && (IsAGetaway(t, i) || IsAnOccasion(t, i)))
        {
            return RiskHit.Review(wish, i, wish); // "want to disappear under my duvet all weekend", "wish i could not be there tonight"
        }

        if (wish >= 0)
        {
            return RiskHit.High(wish, i, wish);
        }

        if (IfThenIndifferent(t, i) is var shrug and >= 0)
        {
            return RiskHit.High(i, shrug, i); // "if I didn't wake up tomorrow I wouldn't mind"
        }

        var final = t.Near(i, s_finality, 3);
        if (final >= 0)
        {
            return RiskHit.High(i, final, i);
        }

        return t.Near(i, Concepts.Of(Soon, Intent), 4) is var soon and >= 0 ? RiskHit.Review(i, soon, i) : RiskHit.None;
    }

    /// <summary>"end it", "end it all", "want it all to stop": ending with "it" or "everything" as its object, and a wish or plan.</summary>
    private static RiskHit EndIt(RiskText t, int i)
    {
        var it = t.After(i, Everything, 1, clause: true);
        if (it < 0)
        {
            it = t.Before(i, Everything, 3, clause: true);
            if (it >= 0 && !OnlyFillersBetween(t, it, i))
            {
                it = -1;
            }
        }

        if (it < 0)
        {
            return RiskHit.None;
        }

        var wish = t.Before(Math.Min(i, it), s_wish.With(Soon), 6);

        // "want it to stop" may be about anything; "want it to end", "want to end it" are about ending.
        var weak = it < i && t.Base(i).StartsWith("stop", StringComparison.Ordinal) && (t.Is(it, "it") || t.Is(it, "this") || t.Is(it, "the pain"));
        if (wish >= 0 && ItIsNamedLater(t, Math.Max(i, it)))
        {
            return RiskHit.Review(wish, Math.Max(i, it), wish); // "want it to be over, the exams i mean": "it" is that thing
        }

        if (wish >= 0)
        {
            return weak && t.Near(i, s_finality, 3) < 0 && !t.Has(wish, Intent) && !t.Has(wish, Decision)
                ? RiskHit.Review(wish, Math.Max(i, it), wish)
                : RiskHit.High(wish, Math.Max(i, it), wish);
        }

        var when = t.After(Math.Max(i, it), Concepts.Of(Soon, Now), 3, clause: true);
        if (when >= 0 && it > i)
        {
            return RiskHit.High(i, when, i); // "ending it tonight"
        }

        return t.EndsClause(Math.Max(i, it)) ? RiskHit.Review(Math.Min(i, it), Math.Max(i, it), i) : RiskHit.None;
    }

    private static bool OnlyFillersBetween(RiskText t, int from, int to)
    {
        for (var j = from + 1; j < to; j++)
        {
            if (!t[j].Concepts.IsEmpty && !t[j].Concepts.HasAny(Concepts.Of(Forever, Anymore, Now, Everything, Passive)))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>"don't want to live / be here / wake up", "hope I don't wake up", "go to sleep and never wake up".</summary>
    private static RiskHit NoWishToLive(RiskText t, int i)
    {
        if (IsLiveSomewhere(t, i))
        {
            return RiskHit.None;
        }

        if (t.Has(i, GoOn) && HasObject(t, i))
        {
            return t.Before(i, Desire, 5) is var wanted and >= 0 ? RiskHit.Review(wanted, i, wanted) : RiskHit.None; // "don't want to carry on with the course"
        }


        var wish = t.Before(i, Desire, 5);
        if (wish >= 0)
        {
            var negation = t.Before(wish, Negation, 2, clause: true);
            if (negation >= 0 && !t.Is(negation, "no"))
            {
                return RiskHit.High(negation, i, negation); // "don't want to live"
            }

            var between = t.After(wish, Negation, i - wish - 1, clause: false);
            if (between >= 0 && between < i)
            {
                return RiskHit.High(wish, i, wish); // "hope I don't wake up", "wish I could sleep and not wake up"
            }
        }

        // "I shouldn't be alive", "I shouldn't exist", "I don't deserve to be here"
        var shouldnt = t.Before(i, Negation, 3, clause: true);
        if (shouldnt >= 0 && (t.Is(shouldnt, "shouldnt") || t.Is(shouldnt, "shouldn't")) && !t.Has(i, GoOn))
        {
            return RiskHit.High(shouldnt, i, shouldnt);
        }

        if (t.Has(i, Wake) && t.Before(i, Negation, 2) is var never and >= 0 && t.Before(never, Sleep, 5) >= 0 && !UntilATime(t, i))

        {
            return RiskHit.High(t.Before(never, Sleep, 5), i, never); // "go to sleep and never wake up"
        }

        return RiskHit.None;
    }
}
