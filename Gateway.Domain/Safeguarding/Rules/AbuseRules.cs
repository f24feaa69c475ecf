using Buddy.Domain.Safeguarding.Reading;
using static Buddy.Domain.Safeguarding.Reading.Concept;

namespace Buddy.Domain.Safeguarding.Rules;

/// <summary>
/// Harm done to the sender by someone else (Working Together 2023 and Care Act 2014 categories), mostly without an
/// abuse word: violence with "me" as its object and a person as its subject, strangulation, sexual abuse and the
/// indicators a child gives, coercive control, financial abuse and neglect by a carer, emotional abuse, fear of
/// someone at home, threats.
/// </summary>
internal static partial class AbuseRules
{
    private const string Abuse = "abuse";

    private static readonly Concepts s_victimBody = Concepts.Of(Body, Neck);
    private static readonly Concepts s_people = Concepts.Of(Kin, Person, Other, Group);
    private static readonly Concepts s_taken = Concepts.Of(Money, Phone, Passport);
    private static readonly Concepts s_often = Concepts.Of(Now, If, Fear, Again, Threat);

    public static IEnumerable<RiskRule> All =>
    [
        new("injury", Abuse, RiskDirection.FromOthers, Wound, InjuredBySomeone, "got a black eye from him", "bruises all over from my dad"),

        new("violence", Abuse, RiskDirection.FromOthers, Violence, ViolenceToMe,
            "step dad hit me again", "mum hits me with the belt when shes angry", "he punched me in the face", "got battered again", "she slapped me",
            "my husband pushed me down the stairs", "he broke my arm"),

        new("strangulation", Abuse, RiskDirection.FromOthers, Neck, Strangulation,
            "bf put his hands round my neck last nite but im ok", "he grabbed me by the throat", "squeezed my neck till i couldnt breathe"),

        new("strangulation", Abuse, RiskDirection.FromOthers, Choke, Choked, "he choked me", "was strangled by my partner", "tried to suffocate me with a pillow"),

        new("sexual-abuse", Abuse, RiskDirection.FromOthers, Sexual, SexualAbuse,
            "he touched me down there", "uncle touches me when mum is out", "i was raped", "he makes me undress", "my coach groped me", "he got into bed with me"),

        new("child-indicators", Abuse, RiskDirection.FromOthers, Enter, IntoMyRoom, "uncle keeps coming in my room at night and i dont like it"),

        new("secret", Abuse, RiskDirection.FromOthers, Secret, KeptSecret, "he says its our secret and gives me money"),

        new("coercive-control", Abuse, RiskDirection.FromOthers, Coercion, Coerced,
            "he locks me in the flat when he goes to work", "he checks where i am all the time", "goes mad if i talk to anyone"),

        new("coercive-control", Abuse, RiskDirection.FromOthers, Control, Controlled,
            "he wont let me see my friends", "not allowed to see my family", "he reads my messages", "she checks my phone every night"),

        new("coercive-control", Abuse, RiskDirection.FromOthers, Cant, SaysICant,
            "my husband says i cant work anymore", "she told me i cant see my mates", "he decided i cant drive the car"),

        new("coercive-control", Abuse, RiskDirection.FromOthers, Concept.Other, BecauseTheySaid, "gave up college because he said so", "i stopped going to the gym cos he told me to"),

        new("financial-abuse", Abuse, RiskDirection.FromOthers, Seize, TakesMine,
            "my carer takes money from my purse", "my son took my bank card", "he takes my phone", "they took my passport"),

        new("neglect", Abuse, RiskDirection.FromOthers, LeftMe, LeftMeThere, "carer left me in my chair all day", "they left me on the floor for hours"),

        new("neglect", Abuse, RiskDirection.FromOthers, Deprivation, Deprived, "not been fed since yesterday", "sitting in wet pads all day"),

        new("neglect", Abuse, RiskDirection.FromOthers, NoShow, CarerNoShow, "carers didnt turn up again, no food since yesterday"),

        new("neglect", Abuse, RiskDirection.FromOthers, Deprivation, LeftWithout, "no heating and nothing in the fridge, dad didnt come home", "nothing to eat again and mums out"),

        new("neglect", Abuse, RiskDirection.FromOthers, NoShow, NobodyDoesIt),

        new("neglect", Abuse, RiskDirection.FromOthers, Nobody, NobodyDoesIt, "nobody ever washes my clothes and i get picked on at school", "no one came for me after school so i slept on the bench"),

        new("cruel-punishment", Abuse, RiskDirection.FromOthers, Made, MadeToEndure, "my stepdad makes me stand in the corner all night", "made me sleep in the shed"),

        new("neglect", Abuse, RiskDirection.FromOthers, Need, NeedDenied,
            "the carer didnt give me my dinner again", "they havent helped me to the toilet all day", "mum says i cant have food if im bad", "im not allowed to eat with the family"),

        new("emotional-abuse", Abuse, RiskDirection.FromOthers, Nobody, NobodyElseWouldHaveMe,
            "she keeps saying no one else would put up with me", "he says nobody else would ever love me"),

        new("emotional-abuse", Abuse, RiskDirection.FromOthers, Shout, NobodyElseWouldHaveMe, "he tells me nobody else would ever want me"),

        new("injury-cover-story", Abuse, RiskDirection.FromOthers, Wound, CoverStory, "split lip, told my mum i walked into a door", "bruises again, said i walked into a cupboard"),

        new("carer-abuse", Abuse, RiskDirection.FromOthers, Seize, AidTakenAway, "the staff took my walking frame so i cant get up", "they take my buzzer away at night"),

        new("carer-abuse", Abuse, RiskDirection.FromOthers, Hide, AidTakenAway, "my carer hides my glasses when shes cross"),

        new("emotional-abuse", Abuse, RiskDirection.FromOthers, Shout, Belittled, "shouts at me if i say anything", "he calls me useless every day"),

        new("fear-of-someone", Abuse, RiskDirection.FromOthers, Fear, Afraid, "im scared of him", "scared to go home", "terrified of my dad", "i dont feel safe at home"),

        new("threat", Abuse, RiskDirection.FromOthers, Threat, Threatened, "he threatened to kill me", "said he will hurt me if i leave", "he threatens me"),

        new("threat", Abuse, RiskDirection.FromOthers, Kill, KillMe, "he said he would kill me if i tell anyone"),

        new("abuse", Abuse, RiskDirection.FromOthers, Concept.Abuse, (t, i) => RiskHit.High(i, i, i), "hes abusive", "domestic abuse again", "my partner is violent"),
    ];

    /// <summary>Someone else (or no one named) did it: not the sender, not a thing ("the dog bit me").</summary>
    private static bool ByOthers(RiskText t, int verb) => Grammar.SubjectOf(t, verb, skipObjects: true) is Agent.Someone or Agent.Unknown;

    /// <summary>The sender as the object of a verb: "me", "my" and a part of the body, or "at me" ("threw a plate at me").</summary>
    private static int ObjectIsMe(RiskText t, int verb)
    {
        if (t.Key(verb).EndsWith(" me", StringComparison.Ordinal) || t.Key(verb).Contains(" me ", StringComparison.Ordinal))
        {
            return verb; // "held me down", "burnt me"
        }

        if (t.Key(verb).EndsWith(" my", StringComparison.Ordinal) && t.After(verb, s_victimBody, 1, clause: true) is var part and >= 0)
        {
            return part; // "broke my arm"
        }

        if (t.Has(verb, Body) && t.Key(verb).Contains(" my ", StringComparison.Ordinal) && Grammar.SubjectOf(t, verb) == Agent.Someone)
        {
            return verb; // "mum burnt my hand": the sender's body is inside the unit, someone else did it ("burnt my hand on the oven" is an accident)
        }

        var me = t.After(verb, Me, 2, clause: true);
        if (me >= 0)
        {
            return me;
        }

        var at = t.AfterWord(verb, "at", 4);
        if (at >= 0 && t.Has(at + 1, Me) && t[at + 1].Clause == t[verb].Clause)
        {
            return at + 1;
        }

        var my = t.After(verb, My, 4, clause: true);
        if (my >= 0 && BodyAfter(t, my) is var body and >= 0)
        {
            return body;
        }

        // "over my head", "in my face" read as one unit
        var last = Math.Min(t.ClauseLast(verb), verb + 4);
        for (var j = verb + 1; j <= last; j++)
        {
            if (t.Key(j).StartsWith("my ", StringComparison.Ordinal) && s_faceAndHead.Contains(t.Key(j)[3..]))
            {
                return j;
            }
        }

        return -1;
    }

    private static readonly Buddy.Domain.Replies.WordSet s_faceAndHead = new(
        "face", "head", "ribs", "rib", "nose", "jaw", "mouth", "lip", "lips", "eye", "eyes", "ear", "ears", "cheek", "teeth", "tooth");

    /// <summary>A part of the body within two words after "my": the limbs the lexicon knows, and the face and head ("over my head", "in my face").</summary>
    private static int BodyAfter(RiskText t, int my)
    {
        var last = Math.Min(my + 2, t.ClauseLast(my));
        for (var j = my + 1; j <= last; j++)
        {
            if (t.HasAny(j, s_victimBody) || s_faceAndHead.Contains(t.Key(j)))
            {
                return j;
            }
        }

        return -1;
    }

    private static RiskHit ViolenceToMe(RiskText t, int i)
    {
        var me = ObjectIsMe(t, i);
        if (me >= 0 && IsNotViolence(t, i, me))
        {
            return RiskHit.None;
        }

        if (me >= 0 && IsPlayOrAccident(t, i))
        {
            return RiskHit.Review(Subject(t, i), me, i); // "my little brother hit me with his lego", "my son kicked me in his sleep"
        }

        if (me >= 0 && (s_faceAndHead.Contains(t.Key(me)) || t.Key(me).StartsWith("my ", StringComparison.Ordinal)) && Grammar.SubjectOf(t, i) != Agent.Someone)
        {
            return RiskHit.None; // "hit my head on the cupboard": a face or head named needs someone who did it
        }

        if (me >= 0)
        {
            return ByOthers(t, i) ? RiskHit.High(Subject(t, i), me, i) : RiskHit.None;
        }

        // "got hit again", "was beaten up by my dad", "got pushed down the stairs by my husband": the sender, passive;
        // not "got hit by a car".
        var passive = t.Before(i, Passive, 2, clause: true);
        var byPerson = t.AfterWord(i, "by", 6) is var by and >= 0 && t.After(by, s_people, 2, clause: true) is var agent and >= 0 && !t.Has(agent, Thing) ? agent : -1;
        if (passive >= 0 && !t.Has(passive, Concept.Other) && (byPerson >= 0 || t.After(i, Thing, 3, clause: true) < 0)
            && Grammar.SubjectOf(t, passive) is Agent.Sender or Agent.Unknown && !IsAccidentOrSport(t, i))
        {
            return RiskHit.High(passive, Math.Max(i, byPerson), i);
        }

        // "dad hits my mum", "he beats the kids": violence at home by an adult against someone else (not children squabbling).
        var victim = t.After(i, Kin, 3, clause: true);
        var doer = Subject(t, i);
        return victim >= 0 && doer != i && Grammar.SubjectOf(t, i) == Agent.Someone && !IsChild(t, doer) && !t.Base(doer).StartsWith("boy", StringComparison.Ordinal)
            && !t.Base(doer).StartsWith("girl", StringComparison.Ordinal) && !t.Base(doer).StartsWith("brother", StringComparison.Ordinal) && !t.Base(doer).StartsWith("sister", StringComparison.Ordinal)
            ? RiskHit.High(doer, victim, i, RiskSubject.ThirdParty)
            : HarmToAThirdParty(t, i, doer);
    }

    /// <summary>"hit me up" (get in touch), "beat me at pool" (won): the words of violence used for something else.</summary>
    private static bool IsNotViolence(RiskText t, int verb, int me)
    {
        var next = me + 1;
        if (next >= t.Count || t[next].Sentence != t[me].Sentence)
        {
            return false;
        }

        return (t.Base(verb) is "hit" && (t.Is(next, "up") || t.Is(next, "back")))
            || (t.Base(verb) is "beat" && (t.Is(next, "at") || t.Is(next, "in") || t.Is(next, "to") || t.Is(next, "on")));
    }

    private static int Subject(RiskText t, int verb)
    {
        var who = t.Before(verb, s_people, 5, clause: true);
        return who >= 0 ? who : verb;
    }

    private static RiskHit Strangulation(RiskText t, int i)
    {
        var grip = t.Near(i, Concepts.Of(Grip, Choke, Violence, Wound), 5);
        if (grip < 0)
        {
            return RiskHit.None;
        }

        var verb = Math.Min(grip, i);
        var who = Grammar.SubjectOf(t, verb);
        return who == Agent.Sender && t.Before(i, My, 2) < 0 && t.After(verb, Me, 3) < 0 ? RiskHit.None : RiskHit.High(Math.Min(Subject(t, verb), verb), Math.Max(grip, i), verb);
    }

    private static RiskHit Choked(RiskText t, int i)
    {
        if (t.Key(i).Contains("breath", StringComparison.Ordinal) || t.Key(i).Contains("out", StringComparison.Ordinal))
        {
            // "couldn't breathe", "passed out": strangulation when a neck or hands are in the sentence
            return t.SentenceHasAny(i, Concepts.Of(Neck, Grip)) ? RiskHit.High(i, i, i) : RiskHit.None;
        }

        if (t.Key(i).Contains(' '))
        {
            return ByOthers(t, i) ? RiskHit.High(Subject(t, i), i, i) : RiskHit.None; // "a pillow over my face"
        }

        // "had me in a headlock", "got me in a choke hold": the hold is a noun the sender is put in, by whoever put them there.
        if (t.Is(i - 1, "a") && t.Is(i - 2, "in") && t.Has(i - 3, Me) && ByOthers(t, i - 3))
        {
            return RiskHit.High(Subject(t, i - 3), i, i - 3);
        }

        var me = ObjectIsMe(t, i);
        var passive = t.Before(i, Passive, 2, clause: true);
        return (me >= 0 && ByOthers(t, i)) || passive >= 0 ? RiskHit.High(passive >= 0 ? passive : i, me >= 0 ? me : i, i) : HarmToAThirdParty(t, i, Subject(t, i));
    }

    private static RiskHit SexualAbuse(RiskText t, int i)
    {
        var me = ObjectIsMe(t, i);
        var passive = t.Before(i, Passive, 2, clause: true);
        var mine = t.Before(i, My, 1, clause: true);
        var forced = t.Near(i, Concepts.Of(Made, Older, Secret, Pics, Night), 6);
        var unit = t.Key(i).Contains(' ');

        // "he forced me to have sex": whoever forced did it, though "me" is the subject of "have sex";
        // "I have to have sex with him or he gets angry": someone in the sentence is why it is "have to".
        var doer = forced >= 0 && t.Has(forced, Made) ? forced : i;
        var obliged = forced >= 0 && t.Has(forced, Made) && t.SentenceHasAny(i, Concepts.Of(Concept.Other, Kin, Person, Group));
        if ((me >= 0 || unit || forced >= 0) && (ByOthers(t, doer) || obliged))
        {
            return RiskHit.High(Subject(t, doer), Math.Max(i, Math.Max(me, forced)), doer);
        }

        // "I was raped", "my abuser", and "sexually assaulted at a party" with the "I was" left out.
        var done = (t.Key(i).EndsWith("ed") || (t.Has(i + 1, Violence) && t[i + 1].Sentence == t[i].Sentence && t.Key(i + 1).EndsWith("ed")))
            && Grammar.SubjectOf(t, i) != Agent.Someone;
        if (passive >= 0 || mine >= 0 || done)
        {
            return RiskHit.High(Math.Max(i, Math.Max(passive, mine)) == i ? i : Math.Max(passive, mine), i, i);
        }

        return RiskHit.Review(i, i, i);
    }
}
