using Buddy.Domain.Safeguarding.Reading;

namespace Buddy.Domain.Safeguarding.Rules;

/// <summary>
/// Decides what a rule's match means for a human: who is at risk, and whether a governing negation, a past now
/// over, a third party, training or media, or a joke at someone else takes it from High to Review. Nothing here
/// takes a match below Review: a reply that matched is always seen by someone.
/// </summary>
internal static class RiskJudge
{
    public static RiskFinding Judge(RiskText text, RiskRule rule, RiskHit hit)
    {
        var level = hit.Level;
        var subject = hit.Subject;
        string? modifier = null;
        switch (rule.Direction)
        {
            case RiskDirection.Self:
                if (subject == RiskSubject.None && DescribesPeopleAtWork(text, hit.Anchor))
                {
                    subject = RiskSubject.ThirdParty; // "two suicidal callers on my helpline shift": the callers' risk, met at work
                    modifier = "context";
                }
                else if (subject == RiskSubject.None)
                {
                    var reflexive = Grammar.ReflexiveAfter(text, hit.Anchor);
                    var agent = reflexive != Agent.Unknown ? reflexive : Grammar.SubjectOf(text, hit.Anchor);
                    subject = agent == Agent.Someone ? RiskSubject.ThirdParty : RiskSubject.Sender;
                }

                if (subject == RiskSubject.ThirdParty)
                {
                    Lower(ref level, ref modifier, "third-party");
                }

                break;
            case RiskDirection.FromOthers:
                subject = subject == RiskSubject.None ? RiskSubject.SenderFromOthers : subject;
                break;
            default:
                subject = RiskSubject.ThirdParty;
                if (text.All.Has(Concept.Joke))
                {
                    Lower(ref level, ref modifier, "joke");
                }

                break;
        }

        var negation = rule.NegationIsPart ? -1 : Grammar.NegationOf(text, hit.Anchor);
        var negated = negation >= 0;
        var (start, end) = (Math.Min(hit.Start, negated ? negation : hit.Start), Math.Max(hit.End, negation));
        if (negated)
        {
            Lower(ref level, ref modifier, "negated"); // the words reported include the negation: "not suicidal"
        }
        else if (Grammar.IsPast(text, hit.Anchor) || (rule.Direction == RiskDirection.FromOthers && text.SentenceHas(hit.Anchor, Concept.SafeNow)))
        {
            Lower(ref level, ref modifier, "past");
        }
        else if (Grammar.IsTalkedAbout(text, hit.Anchor))
        {
            Lower(ref level, ref modifier, "context");
        }

        return new RiskFinding(rule, text[start].OriginalStart, text[end].OriginalEnd, level, subject, negated, modifier);
    }

    /// <summary>
    /// The risk word describes people named right after it, several of them, in a reply about work, training or
    /// volunteering: "suicidal callers", "self harming clients". Plural only: "a suicidal person" may be the sender.
    /// </summary>
    private static bool DescribesPeopleAtWork(RiskText text, int anchor)
    {
        if (!text.All.Has(Concept.Professional))
        {
            return false;
        }

        var last = Math.Min(anchor + 2, text.ClauseLast(anchor));
        for (var j = anchor + 1; j <= last; j++)
        {
            if (text.HasAny(j, Concepts.Of(Concept.Person, Concept.Group)) && !text.HasAny(j, Concepts.Of(Concept.Other, Concept.Kin)))
            {
                var key = text.Key(j);
                return key.Length > 3 && key[^1] == 's' && key[^2] != 's';
            }
        }

        return false;
    }

    private static void Lower(ref RiskLevel level, ref string? modifier, string why)
    {
        if (level == RiskLevel.High)
        {
            level = RiskLevel.Review;
        }

        modifier ??= why;
    }
}
