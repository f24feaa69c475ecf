using Buddy.Domain.Safeguarding.Reading;
using static Buddy.Domain.Safeguarding.Reading.Concept;

namespace Buddy.Domain.Safeguarding.Rules;

/// <summary>
/// Self-harm, current or recent, in the words people use instead of "self-harm": the act on the body ("cut my
/// arms"), the act alone ("cutting again"), what it leaves ("arms a mess", "had to hide my arms", "till it bled"),
/// relapse ("relapsed", "did it again last night"), and any act on oneself ("hurt myself", "kill myself").
/// </summary>
internal static partial class SelfHarmRules
{
    private const string SelfHarm = "self-harm";

    private static readonly Concepts s_actsOnSelf = Concepts.Of(Kill, Method, Cut, Violence);
    private static readonly Concepts s_killing = Concepts.Of(Kill, Method);
    private static readonly Concepts s_leadIn = Concepts.Of(I, Passive, Now, Again, Relapse, Desire, Thought, Intent, Negation, Try, Cant, Past);

    // Words that say a relapse was into drink or drugs, not self-harm: still worth a look.
    private static readonly Concepts s_substances = Concepts.Of(Goods);

    public static IEnumerable<RiskRule> All =>
    [
        new("self-harm", SelfHarm, RiskDirection.Self, Concept.SelfHarm, (t, i) => RiskHit.High(i, i, i),
            "sh again last nite", "been self harming", "selfharmed yesterday", "s/h last night", "been sh'ing"),

        new("harm-self", SelfHarm, RiskDirection.Self, Myself, (t, i) => ActOnSelf(t, i, killing: false),
            "cut myself agen last nite", "i hurt myself again", "burnt myself with a lighter", "hit myself till i bruised", "thinking about starving myself"),

        new("kill-self", "suicide", RiskDirection.Self, Myself, (t, i) => ActOnSelf(t, i, killing: true),
            "wanna kill myself lol", "gonna hang myself", "i want to drown myself", "might throw myself off something"),

        new("harm-self", SelfHarm, RiskDirection.Self, Themself, (t, i) => ActOnSelf(t, i, killing: false)),

        new("kill-self", "suicide", RiskDirection.Self, Themself, (t, i) => ActOnSelf(t, i, killing: true)),

        new("cut-body", SelfHarm, RiskDirection.Self, Cut, CutBody,
            "cut my arms", "cutting my legs again", "scratched my arms till they bled", "burnt my wrist on purpose", "carved into my thigh"),

        new("blade-on-myself", SelfHarm, RiskDirection.Self, Blade, BladeOnMyself, "couldnt keep myself away from the blade", "used a razor on myself again"),

        new("blade-freed", SelfHarm, RiskDirection.Self, Blade, BladeFreed, "took the blade out of my pencil sharpener", "got the blades out of a razor"),

        new("cutting", SelfHarm, RiskDirection.Self, Cut, Cutting, "been cutting", "started cutting again", "cut again last night", "i want to cut", "urges to cut"),

        new("wounds", SelfHarm, RiskDirection.Self, Wound, Wounds, "arms a mess again", "legs covered in cuts", "fresh cuts on my thighs"),

        new("hiding-harm", SelfHarm, RiskDirection.Self, Hide, HidingHarm, "had to hide my arms", "wearing long sleeves so no one sees my arms", "hiding the blades"),

        new("bleeding", SelfHarm, RiskDirection.Self, Bleed, Bleeding, "picked at my scars till they bled", "made myself bleed"),

        new("did-my-body", SelfHarm, RiskDirection.Self, Body, DidMyBody, "did my legs again", "done my arms last night"),

        new("sore-from-what-i-did", SelfHarm, RiskDirection.Self, Body, SoreFromWhatIDid, "my arms sting from what i did"),

        new("relapse", SelfHarm, RiskDirection.Self, Relapse, Relapsed, "relapsed", "did it again last night", "broke my streak", "back to day one"),

        new("relapse", SelfHarm, RiskDirection.Self, Clean, BrokenStreak, "broke my 50 day streak", "lost my clean streak last night"),
    ];

    /// <summary>An act with a reflexive: "hurt myself" (self-harm), "kill myself" (suicide); "herself" puts someone else at risk.</summary>
    private static RiskHit ActOnSelf(RiskText t, int i, bool killing)
    {
        var act = t.HasAny(i, s_actsOnSelf) ? i : t.Before(i, s_actsOnSelf, 3, clause: true); // "throw myself" is one unit
        if (act < 0 || t.HasAny(act, s_killing) != killing)
        {
            return RiskHit.None;
        }

        return RiskHit.High(act, i, act, t.Has(i, Themself) ? RiskSubject.ThirdParty : RiskSubject.None);
    }

    /// <summary>The act on a part of the body: "cut my arms", not "cut my finger on a tin" (an accident).</summary>
    private static RiskHit CutBody(RiskText t, int i)
    {
        var body = t.After(i, Body, 3, clause: true);
        if (body < 0 && t.AfterWord(i, "into", 4) is var into and >= 0)
        {
            body = t.After(into, Body, 2, clause: true); // "dug my nails into my wrist"
        }

        if (body < 0 || (IsAccident(t, i) && !UntilItShows(t, body)) || Grammar.SubjectOf(t, i) == Agent.Thing)
        {
            return RiskHit.None; // "cut my arm on a nail", "the cat scratched my arm"
        }

        var owner = t.After(i, Concepts.Of(Other, Kin, Person), body - i, clause: true);
        return owner >= 0 && owner < body ? RiskHit.None : RiskHit.High(i, body, i);
    }

    /// <summary>Kept at until the body showed it: "dug my nails into my arm till the skin came off", "until it bled" is done on purpose.</summary>
    private static bool UntilItShows(RiskText t, int body)
    {
        var until = t.AfterWord(body, "till", 2);
        until = until >= 0 ? until : t.AfterWord(body, "until", 2);
        until = until >= 0 ? until : t.AfterWord(body, "til", 2);
        return until >= 0 && t.After(until, Concepts.Of(Body, Bleed, Wound), 3, clause: true) >= 0;
    }

    private static bool IsAccident(RiskText t, int i)
    {
        if (t.ClauseHas(i, Accident))
        {
            return true;
        }

        var on = t.AfterWord(i, "on", 5);
        return on >= 0 && on + 1 < t.Count && (t.Is(on + 1, "a") || t.Is(on + 1, "the") || t.Is(on + 1, "some"));
    }

    /// <summary>Cutting with no object: "been cutting", "cut again", "want to cut" (cutting the grass has one).</summary>
    private static RiskHit Cutting(RiskText t, int i)
    {
        if (!(t.Base(i).SequenceEqual("cut") || t.Base(i).SequenceEqual("harm")) || IsAccident(t, i))
        {
            return RiskHit.None;
        }

        // Laughter, a reassurance, a score or an idiom before the act add nothing to it: "lol cut again last night".
        var previous = i - 1;
        while (previous >= t.ClauseFirst(i) && (t.IsAside(previous) || t.Has(previous, Idiom)))
        {
            previous--;
        }

        var ledIn = previous < t.ClauseFirst(i) || t.HasAny(previous, s_leadIn) || t.Before(i, Concepts.Of(Desire, Thought, Intent), 3, clause: true) >= 0
            || t.Base(previous) is "start" or "started" or "starting" or "keep" or "kept" or "back" or "stop" or "quit";

        if (!ledIn)
        {
            // "one year clean from cutting", "free from cutting since june": the past, worth a look.
            return t.Before(i, Concepts.Of(Clean, Past), 4, clause: true) >= 0 ? RiskHit.Review(i, i, i) : RiskHit.None;
        }

        // "cutting the grass", "cut a slice", "cut it out" have an object; "cut again", "cut deep", "need to cut so bad" do not.
        var next = i + 1;
        var transitive = !t.EndsClause(i) && (t.Is(next, "the") || t.Is(next, "a") || t.Is(next, "an") || t.Is(next, "some") || t.Is(next, "it") || t.Is(next, "his")
            || t.Is(next, "her") || t.Is(next, "their") || t.Is(next, "that") || t.Is(next, "this") || t.Is(next, "them") || t.Is(next, "up") || t.Is(next, "out")
            || t.Is(next, "down") || t.Is(next, "off") || t.Is(next, "back") || t.Is(next, "in") || t.Is(next, "through") || t.HasAny(next, Concepts.Of(Thing, Kin, Person, My)));
        return transitive || Grammar.SubjectOf(t, i) == Agent.Thing ? RiskHit.None : RiskHit.High(i, i, i);
    }

    /// <summary>What self-harm leaves on the body: "arms a mess", "covered in cuts"; scars alone are the past, worth a look.</summary>
    private static RiskHit Wounds(RiskText t, int i)
    {
        var scar = t.Key(i).Contains("scar", StringComparison.Ordinal);
        var fresh = t.Near(i, Concepts.Of(Now, Again), 5, clause: true) >= 0 || t.AfterWord(i, "fresh", 3) >= 0 || t.Key(i).Contains("fresh", StringComparison.Ordinal)
            || t.Key(i).Contains("new", StringComparison.Ordinal);
        if (IsAccident(t, i) || Grammar.SubjectOf(t, i) == Agent.Thing)
        {
            return RiskHit.None;
        }

        // "went too deep", "needed stitches", "fresh cuts": what self-harm leaves, with no part of the body named.
        var telling = t.Key(i).Contains("deep", StringComparison.Ordinal) || t.Key(i).Contains("stitch", StringComparison.Ordinal) || t.Key(i).Contains("steri", StringComparison.Ordinal)
            || t.Key(i).Contains("fresh", StringComparison.Ordinal) || t.Key(i).Contains("new cuts", StringComparison.Ordinal);
        var body = t.Near(i, Body, 4, clause: true);
        if (body < 0)
        {
            return telling || (scar && fresh) ? RiskHit.High(i, i, i) : scar ? RiskHit.Review(i, i, i) : RiskHit.None; // scars on their own: the past
        }

        return scar && !fresh ? RiskHit.Review(Math.Min(i, body), Math.Max(i, body), i) : RiskHit.High(Math.Min(i, body), Math.Max(i, body), i);
    }

    private static RiskHit HidingHarm(RiskText t, int i)
    {
        var what = t.After(i, Concepts.Of(Body, Wound, Blade), 7, clause: true);
        return what >= 0 ? RiskHit.High(i, what, i) : RiskHit.None;
    }

    /// <summary>A self-harm-free streak broken or lost: "broke my 50 day streak".</summary>
    private static RiskHit BrokenStreak(RiskText t, int i)
    {
        if (!t.Key(i).Contains("streak", StringComparison.Ordinal))
        {
            return RiskHit.None;
        }

        var first = Math.Max(t.ClauseFirst(i), i - 4);
        for (var j = i - 1; j >= first; j--)
        {
            if (t.Base(j) is "break" or "broke" or "broken" or "lost" or "lose" or "end" or "ruin" or "ruined" or "blew")
            {
                return RiskHit.High(j, i, j);
            }
        }

        return RiskHit.None;
    }

    private static RiskHit Bleeding(RiskText t, int i)
    {
        if (t.Key(i).Contains(' '))
        {
            return RiskHit.High(i, i, i); // "till it bled", "made it bleed"
        }

        var how = t.Near(i, Concepts.Of(Cut, Body, Wound, Myself, Blade), 5, clause: true);
        return how >= 0 ? RiskHit.High(Math.Min(i, how), Math.Max(i, how), i) : RiskHit.None;
    }

    /// <summary>"relapsed" is High; "did it again" is High when it was recent or self-harm is named nearby, else worth a look.</summary>
    private static RiskHit Relapsed(RiskText t, int i)
    {
        if (t.SentenceHasAny(i, s_substances) || RelapsedOnSomething(t, i))
        {
            return RiskHit.Review(i, i, i); // "relapsed on the booze", "relapsed on chocolate again lol"
        }

        if (t.Key(i).StartsWith("relaps", StringComparison.Ordinal) || t.Key(i).Contains("streak", StringComparison.Ordinal) || t.Key(i).Contains("day", StringComparison.Ordinal)
            || t.Key(i).Contains("urge", StringComparison.Ordinal) || t.Key(i).EndsWith(" won", StringComparison.Ordinal))
        {
            return RiskHit.High(i, i, i); // "gave in to the urges", "the blade won"
        }

        // "ruined it", "blew it" are a relapse only beside a clean time or the act: "6 months clean and I ruined it last night".
        if (t.Key(i) is "ruined it" or "blew it" or "threw it all away" && !t.All.HasAny(Concepts.Of(Clean, Concept.SelfHarm, Cut, Blade, Wound)) && !CleanTime(t))
        {
            return RiskHit.None;
        }

        // Recent, named, or beyond the sender's control: "did it again last night", "started again, couldn't stop myself".
        var when = t.Near(i, Concepts.Of(Now, Concept.SelfHarm, Cut, Wound, Body, Blade, Bleed, Hide, Myself), 6);
        return when >= 0 ? RiskHit.High(Math.Min(i, when), Math.Max(i, when), i) : RiskHit.Review(i, i, i);
    }

    /// <summary>A clean time counted: "6 months clean", "2 weeks sh free".</summary>
    private static bool CleanTime(RiskText t)
    {
        for (var j = 0; j < t.Count; j++)
        {
            if (t.Has(j, Past) && (t.Key(j).Contains("clean", StringComparison.Ordinal) || t.Key(j).Contains("free", StringComparison.Ordinal)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>"relapsed on chocolate", "slipped on the ice": a relapse into something named, or a slip that is a fall.</summary>
    private static bool RelapsedOnSomething(RiskText t, int i)
    {
        var on = i + 1 < t.Count && t[i + 1].Sentence == t[i].Sentence && (t.Is(i + 1, "on") || t.Is(i + 1, "into") || t.Is(i + 1, "with")) ? i + 1 : -1;
        return on >= 0 && on + 1 < t.Count && t[on + 1].Sentence == t[i].Sentence
            && !t.HasAny(on + 1, Concepts.Of(Concept.SelfHarm, Cut, Blade, Body, Myself, My, Meds, Concept.Overdose));
    }
}
