using Buddy.Domain.Replies;

namespace Buddy.Domain.Safeguarding.Reading;

/// <summary>Who does the verb: the sender, another person, or a thing ("the dog bit me", "my feet are killing me").</summary>
internal enum Agent
{
    Unknown,
    Sender,
    Someone,
    Thing,
}

/// <summary>
/// The little grammar the rules need, each a bounded scan from one word: the subject of a verb, whether a
/// negation governs it, whether it is in the past and over, and whether it is talked about rather than disclosed.
/// </summary>
internal static class Grammar
{
    private const int SubjectReach = 7;
    private const int NegationReach = 5;
    private const int TimeReach = 8;

    // Everyone and nobody are not the subject whose harm it is: "everyone would be better off without me".
    private static readonly Concepts s_people = Concepts.Of(Concept.Kin, Concept.Person, Concept.Other, Concept.Group, Concept.Themself);
    private static readonly Concepts s_sender = Concepts.Of(Concept.I, Concept.Myself, Concept.Me);
    private static readonly Concepts s_bridges = Concepts.Of(
        Concept.Desire, Concept.Intent, Concept.Modal, Concept.Thought, Concept.Passive, Concept.Try, Concept.Now, Concept.Again, Concept.Anymore);

    // Words a negation reaches across: "not had ANY bad thoughts", "never EVEN thought about it", "no thoughts OF".
    private static readonly WordSet s_negationBridges = new(
        "any", "ever", "really", "actually", "at", "all", "even", "to", "of", "about", "a", "an", "the", "be", "feel", "feeling", "felt",
        "have", "had", "having", "do", "did", "done", "doing", "honestly", "definitely", "more", "self", "so", "like", "that", "got", "am",
        "is", "are", "been", "being", "currently", "seriously", "serious", "anything", "something", "for", "in", "since", "this", "week",
        "days", "weeks", "thoughts", "thought", "urges", "urge", "bad", "dark", "more", "much");

    /// <summary>
    /// The subject of the verb at <paramref name="verb"/>: the nearest person (or thing) before it in its clause.
    /// With <paramref name="skipObjects"/>, "me" and "my" are passed over as the objects of an earlier verb
    /// ("carer shouts at ME and calls me stupid": the carer does both).
    /// </summary>
    public static Agent SubjectOf(RiskText text, int verb, bool skipObjects = false)
    {
        var first = Math.Max(verb - SubjectReach, text.ClauseFirst(verb));
        for (var j = verb - 1; j >= first; j--)
        {
            var concepts = text[j].Concepts;
            if (skipObjects && concepts.HasAny(Concepts.Of(Concept.Me, Concept.My)) && !concepts.HasAny(Concepts.Of(Concept.I, Concept.Myself)))
            {
                continue;
            }

            if (concepts.HasAny(s_sender))
            {
                return Agent.Sender;
            }

            if (concepts.HasAny(s_people))
            {
                return Agent.Someone;
            }

            // "my arms", "my overdose": my right before the words is the sender's; further back it may belong to someone ("my mate").
            if (concepts.Has(Concept.My) && verb - j <= 2)
            {
                return Agent.Sender;
            }

            if (concepts.Has(Concept.Thing))
            {
                return Agent.Thing;
            }
        }

        return Agent.Unknown;
    }

    /// <summary>The reflexive after a verb says whose harm it is: "kill myself" (the sender), "hurt herself" (someone).</summary>
    public static Agent ReflexiveAfter(RiskText text, int verb)
    {
        var last = Math.Min(verb + 3, text.ClauseLast(verb));
        for (var j = verb + 1; j <= last; j++)
        {
            if (text.Has(j, Concept.Myself))
            {
                return Agent.Sender;
            }

            if (text.Has(j, Concept.Themself))
            {
                return Agent.Someone;
            }
        }

        return Agent.Unknown;
    }

    /// <summary>
    /// True when a negation governs the word: shortly before it in the same clause with only bridge words between
    /// ("not suicidal", "no thoughts of hurting myself", "never going to do it"), or as the answer right after it
    /// ("self harm: none", "suicidal? no").
    /// </summary>
    public static bool IsNegated(RiskText text, int anchor) => NegationOf(text, anchor) >= 0;

    /// <summary>The word that negates <paramref name="anchor"/> (see <see cref="IsNegated"/>), or -1.</summary>
    public static int NegationOf(RiskText text, int anchor)
    {
        var first = Math.Max(anchor - NegationReach, text.ClauseFirst(anchor));
        for (var j = anchor - 1; j >= first; j--)
        {
            var concepts = text[j].Concepts;
            if (concepts.Has(Concept.Negation))
            {
                return j;
            }

            if (!concepts.HasAny(s_bridges) && !s_negationBridges.Contains(text.Key(j)))
            {
                break;
            }
        }

        var next = anchor + 1;
        return next < text.Count && text[next].Sentence == text[anchor].Sentence && text[next].Has(TokenMarks.ClauseBreak)
            && text.Has(next, Concept.Negation) && text.EndsClause(next) ? next : -1;
    }

    /// <summary>
    /// True when the nearest time word in the clause puts it in the past and over ("used to", "years ago", "old scars",
    /// "2 years clean") rather than now ("again", "last night", "still").
    /// </summary>
    public static bool IsPast(RiskText text, int anchor)
    {
        var first = text.ClauseFirst(anchor);
        var last = text.ClauseLast(anchor);

        // "my old suicide attempt", "used to cut": a past word right before the words governs them whatever follows.
        if (text.Before(anchor + 1, Concept.Past, 3, clause: true) >= 0 && text.Before(anchor + 1, Concept.Now, 3, clause: true) < 0)
        {
            return true;
        }

        for (var d = 0; d <= TimeReach; d++)
        {
            foreach (var j in (ReadOnlySpan<int>)[anchor - d, anchor + d])
            {
                if (j < first || j > last)
                {
                    continue;
                }

                if (text.Has(j, Concept.Now))
                {
                    return false;
                }

                if (text.Has(j, Concept.Past))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// True when the word is talked about rather than disclosed: a topic noun with no "I"/"my"/"feel" before it, in a
    /// clause about training, study, therapy or media; or the object of a question someone asked ("asked if I was suicidal").
    /// </summary>
    public static bool IsTalkedAbout(RiskText text, int anchor)
    {
        if (IsAsked(text, anchor))
        {
            return true;
        }

        if (!text.Has(anchor, Concept.Topic))
        {
            return false;
        }

        if (!text.ClauseHasAny(anchor, Concepts.Of(Concept.Professional, Concept.Media)))
        {
            return false;
        }

        var before = anchor - 1;
        var owner = text.Before(anchor, Concepts.Of(Concept.I, Concept.Me, Concept.Myself, Concept.My), 4, clause: true);

        // "my suicide prevention training", "our self harm module": "my" owns the course named right after the topic, not the risk.
        var ownsTheCourse = owner >= 0 && !text.HasAny(owner, Concepts.Of(Concept.I, Concept.Me, Concept.Myself))
            && text.After(anchor, Concept.Professional, 2, clause: true) >= 0;
        var owned = (owner >= 0 && !ownsTheCourse)
            || (before >= 0 && text[before].Sentence == text[anchor].Sentence && text.Key(before).StartsWith("feel", StringComparison.Ordinal));
        return !owned;
    }

    private static bool IsAsked(RiskText text, int anchor)
    {
        var asked = text.Before(anchor, Concept.Professional, 6);
        if (asked < 0 || !text.Key(asked).StartsWith("ask", StringComparison.Ordinal))
        {
            return false;
        }

        // "...asked if I was suicidal and I said yes" is a disclosure.
        return text.AfterWord(anchor, "yes", 8) < 0;
    }
}
