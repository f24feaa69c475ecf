using Buddy.Domain.Safeguarding.Reading;
using static Buddy.Domain.Safeguarding.Reading.Concept;

namespace Buddy.Domain.Safeguarding.Rules;

/// <summary>Abuse with no abuse word: someone in my room, secrets, control, money taken, belittling, fear and threats.</summary>
internal static partial class AbuseRules
{
    /// <summary>A child's indicator with no abuse word: someone coming into their room or bed at night, or when alone.</summary>
    private static RiskHit IntoMyRoom(RiskText t, int i)
    {
        var room = t.After(i, Room, 4, clause: true);
        if (room < 0 || !ByOthers(t, i) || Grammar.SubjectOf(t, i) != Agent.Someone)
        {
            return RiskHit.None;
        }

        var when = t.Near(room, Concepts.Of(Night, Secret, Sexual), 8);
        var unwanted = t.Near(room, Negation, 8);
        return when >= 0 || unwanted >= 0 ? RiskHit.High(Subject(t, i), Math.Max(room, Math.Max(when, unwanted)), i) : RiskHit.None;
    }

    private static RiskHit KeptSecret(RiskText t, int i)
    {
        var who = t.Near(i, s_people, 6);
        if (who < 0)
        {
            return RiskHit.None;
        }

        // "our secret", "special friend" are grooming's own words; "don't tell mum" needs another sign with it.
        var strong = t.Key(i).Contains("our", StringComparison.Ordinal) || t.Key(i).Contains("special", StringComparison.Ordinal) || t.Key(i).Contains("between us", StringComparison.Ordinal)
            || t.Key(i).Contains("believe", StringComparison.Ordinal) || t.Key(i).Contains("delete", StringComparison.Ordinal)
            || t.AfterWord(i, "what", 4) >= 0 || t.AfterWord(i, "happened", 5) >= 0; // "not to tell anyone what he does"
        // A secret with a consequence for telling is a threat: "said if I tell anyone I'll get in trouble / he'll hurt mum".
        strong |= t.AfterWord(i, "trouble", 8) >= 0 || t.AfterWord(i, "love", 8) >= 0 || t.AfterWord(i, "hate", 8) >= 0
            || t.After(i, Concepts.Of(Threat, Violence, Kill, Fear, Disappear, Seize), 8) >= 0;
        var grooming = t.Near(i, Concepts.Of(Sexual, Night, Older, Pics, Buy, Enter, Room), 10);
        return strong || grooming >= 0 ? RiskHit.High(Math.Min(who, i), Math.Max(grooming, i), i) : RiskHit.Review(Math.Min(who, i), i, i);
    }

    /// <summary>Checked on, followed, locked in, by someone else: not "I check where I am on the map"; a parent minding a phone or a walk home is a look.</summary>
    private static RiskHit Coerced(RiskText t, int i)
    {
        // "I have to ask him before I spend anything", "I have to eat what he gives me": someone's rule in the sender's words;
        // "I check my phone too much" is the sender's own habit.
        if ((!IsSomeonesRule(t.Key(i)) && Grammar.SubjectOf(t, i) == Agent.Sender) || t.Has(i + 1, Myself) || SaysAccident(t, i))
        {
            return RiskHit.None;
        }

        return t.After(i, Soon, 3) >= 0 || ByAParent(t, i) ? RiskHit.Review(i, i, i) : RiskHit.High(Subject(t, i), i, i);
    }

    private static bool IsSomeonesRule(ReadOnlySpan<char> key) =>
        key.Contains(" me", StringComparison.Ordinal) || key.Contains("allowed", StringComparison.Ordinal) || key.Contains("cant", StringComparison.Ordinal)
        || key.Contains("ask", StringComparison.Ordinal) || key.Contains("my own", StringComparison.Ordinal) || key.Contains(" he ", StringComparison.Ordinal)
        || key.Contains(" she ", StringComparison.Ordinal) || key.Contains(" they ", StringComparison.Ordinal) || key.Contains("reach", StringComparison.Ordinal);

    /// <summary>A parent, with the phone, a location or a curfew: house rules for a young person, worth a look at most.</summary>
    private static bool ByAParent(RiskText t, int i)
    {
        var who = Subject(t, i);
        return who != i && s_parents.Contains(t.Base(who)) && (t.Has(i, Phone) || t.Near(i, Concepts.Of(Phone, Now, Night), 6) >= 0 || t.Key(i).Contains("where", StringComparison.Ordinal))
            && t.Near(i, Concepts.Of(Violence, Fear, Threat, Room), 8) < 0;
    }

    private static readonly Buddy.Domain.Replies.WordSet s_parents = new("mum", "mam", "mom", "dad", "parents", "mother", "father", "mums", "dads", "mummy", "daddy");

    /// <summary>Control with an object that matters: seeing people, going out, the phone, money, documents.</summary>
    private static RiskHit Controlled(RiskText t, int i)
    {
        if (t.Has(i + 1, Myself) || SaysAccident(t, i))
        {
            return RiskHit.None; // "locked myself out again", "dad locked us out by accident"
        }

        // "not allowed to eat with the family": being not allowed is done by someone, whoever the clause's subject is.
        var forbidden = t.Key(i).Contains("allowed", StringComparison.Ordinal) || t.Key(i).Contains("aloud", StringComparison.Ordinal) || t.Key(i).Contains("ask", StringComparison.Ordinal)
            || t.Key(i).Contains("permission", StringComparison.Ordinal);
        if (!forbidden && !ByOthers(t, i))
        {
            return RiskHit.None;
        }

        if (ByAParent(t, i) && t.Near(i, Money, 6) < 0)
        {
            return RiskHit.Review(i, i, i); // "my dad takes my phone at bedtime, house rules"
        }

        // "my ex won't let me see the kids": contact with children after a separation is worth a look, not a crisis;
        // a care home keeping a resident from their family is not that.
        var children = t.After(i, Kin, 4, clause: true);
        if (children >= 0 && IsChild(t, children) && !t.SentenceHas(i, Carer))
        {
            return RiskHit.Review(i, children, i);
        }

        // "won't let me wear makeup", "not allowed to go to work": the sender's own daily life ruled by someone else.
        if (!t.Key(i).StartsWith("lock", StringComparison.Ordinal) && DailyLifeAfter(t, i) is var life and >= 0)
        {
            return RiskHit.High(Subject(t, i), life, i);
        }

        // "reads", "checks", "goes through": control when what is read is the sender's phone or money.
        var generic = !t.Key(i).Contains(' ') && !t.Key(i).StartsWith("control", StringComparison.Ordinal) && !t.Key(i).StartsWith("lock", StringComparison.Ordinal);
        var what = t.After(i, generic ? s_taken : s_taken.Union(Concepts.Of(Kin, Person, Everyone, Home)), 4, clause: true);
        // "they lock my bedroom door at night": the sender's own room locked by others.
        if (what < 0 && !generic && t.After(i, Room, 3, clause: true) is var room and >= 0 && (t.Before(room, My, 1) >= 0 || t.Key(room).StartsWith("my ", StringComparison.Ordinal)))
        {
            what = room;
        }

        if (what >= 0 || (!generic && (t.AfterWord(i, "out", 3) >= 0 || t.AfterWord(i, "leave", 3) >= 0 || t.AfterWord(i, "see", 2) >= 0)))
        {
            return generic && t.Before(what, My, 2) < 0 ? RiskHit.None : RiskHit.High(Subject(t, i), Math.Max(i, what), i);
        }

        return generic ? RiskHit.None : RiskHit.Review(i, i, i);
    }

    private static readonly Buddy.Domain.Replies.WordSet s_dailyLife = new(
        "wear", "makeup", "clothes", "dress", "work", "job", "college", "uni", "school", "doctor", "doctors", "gp", "church", "mosque", "gym", "drive",
        "shops", "shopping", "sleep", "eat", "friends", "family", "mum", "mam", "dad", "sister", "brother", "money", "phone", "car", "leave", "out", "anywhere");

    /// <summary>Something of the sender's daily life just after a control that is a rule ("won't let me", "not allowed", "tells me what I can").</summary>
    private static int DailyLifeAfter(RiskText t, int i)
    {
        if (!t.Key(i).Contains(' ') || t.Key(i).StartsWith("control", StringComparison.Ordinal))
        {
            return -1;
        }

        var last = Math.Min(t.ClauseLast(i), i + 4);
        for (var j = i + 1; j <= last; j++)
        {
            if (t.Key(j).StartsWith("at ", StringComparison.Ordinal) || t.Key(j).StartsWith("for ", StringComparison.Ordinal) || t.Is(j - 1, "at") || t.Is(j - 1, "before") || t.Is(j - 1, "after"))
            {
                continue; // "at dinner", "after tea": when, not what
            }

            if (s_dailyLife.Contains(t.Key(j)) || t.HasAny(j, Concepts.Of(Need, Money, Phone, Person)))
            {
                return j;
            }
        }

        return t.Key(i).Contains(" i can", StringComparison.Ordinal) || t.Key(i).Contains("allowed to", StringComparison.Ordinal) || t.Key(i).Contains("ask", StringComparison.Ordinal)
            || t.Key(i).Contains("permission", StringComparison.Ordinal) ? i : -1;
    }

    private static bool IsChild(RiskText t, int i) =>
        t.Key(i).Contains("kid", StringComparison.Ordinal) || t.Key(i).Contains("child", StringComparison.Ordinal) || t.Base(i) is "son" or "daughter" or "baby";

    private static RiskHit TakesMine(RiskText t, int i)
    {
        var what = t.HasAny(i, s_taken) ? i : t.After(i, s_taken, 6, clause: true); // "takes my phone" may be one unit
        if (what < 0 || !ByOthers(t, i))
        {
            return RiskHit.None;
        }

        // A parent taking a young person's phone for the night is a punishment, worth a look at most.
        var borrowed = t.Key(i).Contains("borrow", StringComparison.Ordinal) && t.Near(i, Concepts.Of(Fear, Threat, Again), 10) < 0
            && t.AfterWord(i, "never", 8) < 0 && !t.Key(i).StartsWith("keeps", StringComparison.Ordinal);
        // A loan never repaid, asked for again and again, or the sender afraid to say no, is financial abuse.
        var parent = Subject(t, i) is var who && who != i && t.Base(who) is "mum" or "mam" or "mom" or "dad" or "parents" or "mother" or "father" or "mums" or "dads";
        return borrowed || (parent && t.Has(what, Phone)) ? RiskHit.Review(i, what, i) : RiskHit.High(Subject(t, i), what, i);
    }

    /// <summary>Shouting, insults and put-downs: High when it silences ("if I say anything") or never stops; else worth a look.</summary>
    private static RiskHit Belittled(RiskText t, int i)
    {
        if (!ByOthers(t, i))
        {
            return RiskHit.None;
        }

        var insult = t.After(i, Insult, 4, clause: true);
        var often = t.Near(i, s_often, 6);
        var end = Math.Max(i, Math.Max(insult, often));
        if (often >= 0 && (insult >= 0 || t.HasAny(often, Concepts.Of(If, Fear, Threat))))

        {
            return RiskHit.High(Subject(t, i), end, i);
        }

        // A carer's put-downs, or shouting and insults together, are abuse of someone who depends on them; so is a
        // carer shouting at them.
        var another = t.After(i, Shout, 8);
        if ((insult >= 0 && (t.SentenceHas(i, Carer) || another >= 0)) || (t.Before(i, Carer, 4, clause: true) >= 0 && t.After(i, Me, 3, clause: true) >= 0))
        {
            return RiskHit.High(Subject(t, i), Math.Max(end, another), i);
        }

        return insult >= 0 ? RiskHit.Review(i, end, i) : RiskHit.None; // being shouted at once is ordinary
    }

    /// <summary>Afraid of a person or of home: "scared of him", "scared to go home"; "not safe" said of oneself.</summary>
    private static RiskHit Afraid(RiskText t, int i)
    {
        var whom = t.After(i, s_people.With(Home).With(Themself), 4, clause: true);
        if (whom >= 0 && !t.Has(whom, Thing) && (t.Has(whom, Home) || t.Has(whom, Concept.Other) || t.AfterWord(i, "of", 2) >= 0 || t.Key(i).Contains(' ')))
        {
            return RiskHit.High(i, whom, i);
        }

        var unsafeSaid = t.Key(i).Contains("safe", StringComparison.Ordinal) || t.Key(i).Contains("danger", StringComparison.Ordinal) || t.Key(i).Contains("life", StringComparison.Ordinal)
            || t.Key(i).StartsWith("what", StringComparison.Ordinal);
        return unsafeSaid ? RiskHit.High(i, i, i) : RiskHit.None;
    }

    private static RiskHit Threatened(RiskText t, int i)
    {
        var strong = t.Key(i).StartsWith("threat", StringComparison.Ordinal) || t.Key(i).StartsWith("warned", StringComparison.Ordinal) || t.Key(i).StartsWith("vowed", StringComparison.Ordinal);
        var harm = t.Near(i, Concepts.Of(Kill, Violence, Leak, Pics, Disappear, Concept.Abuse, Die, Marry, Seize, Control), 8);
        if (harm >= 0 && ByOthers(t, Math.Min(i, harm)))
        {
            return RiskHit.High(Math.Min(i, harm), Math.Max(i, harm), i);
        }

        return strong && (t.After(i, Me, 2) >= 0 || ByOthers(t, i)) && Grammar.SubjectOf(t, i) != Agent.Sender ? RiskHit.High(i, i, i) : RiskHit.None;
    }

    /// <summary>"he'll kill me": High with a threat or a condition ("if I leave"), else a figure of speech worth a look.</summary>
    private static RiskHit KillMe(RiskText t, int i)
    {
        var me = t.After(i, Me, 2, clause: true);
        if (me < 0 || Grammar.SubjectOf(t, i) != Agent.Someone || t.Before(i, Desire, 5) >= 0)
        {
            return RiskHit.None;
        }

        // "he's going to kill me" is a threat to read as one; "mum's going to kill me" is usually a figure of speech.
        var threat = t.Near(i, Concepts.Of(Threat, Fear, Violence, Concept.Abuse), 8);
        var who = t.Before(i, Concepts.Of(Concept.Other, Kin, Person, Group), 6, clause: true);
        var someoneUnnamed = who >= 0 && t.Has(who, Concept.Other) && !t.Has(who, Kin);
        return threat >= 0 || someoneUnnamed ? RiskHit.High(Math.Min(threat < 0 ? i : threat, who < 0 ? i : who), Math.Max(threat, me), i) : RiskHit.Review(i, me, i);
    }
}
