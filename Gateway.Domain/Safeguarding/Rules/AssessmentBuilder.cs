namespace Buddy.Domain.Safeguarding.Rules;

/// <summary>
/// Turns the judged matches into the assessment staff see: the highest level, who is at risk at that level, the
/// concepts that gave it (and what lowered it, when something did), and the words as the person wrote them.
/// </summary>
internal static class AssessmentBuilder
{
    private static readonly Comparison<RiskFinding> s_byPosition = (a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : b.End.CompareTo(a.End);

    public static RiskAssessment Build(string text, List<RiskFinding> findings, ContactCaution caution)
    {
        if (findings.Count == 0)
        {
            return caution == ContactCaution.None ? RiskAssessment.None : RiskAssessment.None with { Caution = caution };
        }

        findings.Sort(s_byPosition);
        var level = RiskLevel.None;
        foreach (var finding in findings)
        {
            level = finding.Level > level ? finding.Level : level;
        }

        var matches = new List<RiskMatch>(findings.Count);
        var concepts = new List<string>();
        var subject = RiskSubject.None;
        foreach (var finding in findings)
        {
            Record(matches, new RiskMatch(finding.Category, text[finding.Start..finding.End], finding.Level, finding.Negated));
            if (finding.Level != level)
            {
                continue;
            }

            subject = Stronger(subject, finding.Subject);
            AddOnce(concepts, finding.Rule.Name);
            if (finding.Modifier is { } modifier)
            {
                AddOnce(concepts, modifier);
            }
        }

        return new RiskAssessment(level, matches) { Subject = subject, Concepts = concepts, Caution = caution };
    }

    /// <summary>
    /// Harm from someone else is named first (the reply back must then be discreet), then the sender's own risk,
    /// then a third party's.
    /// </summary>
    private static RiskSubject Stronger(RiskSubject current, RiskSubject candidate) =>
        Rank(candidate) > Rank(current) ? candidate : current;

    private static int Rank(RiskSubject subject) => subject switch
    {
        RiskSubject.SenderFromOthers => 3,
        RiskSubject.Sender => 2,
        RiskSubject.ThirdParty => 1,
        _ => 0,
    };

    private static void AddOnce(List<string> list, string item)
    {
        foreach (var known in list)
        {
            if (string.Equals(known, item, StringComparison.Ordinal))
            {
                return;
            }
        }

        list.Add(item);
    }

    /// <summary>Keeps the longest wording of overlapping matches of one category ("not suicidal" rather than also "suicidal").</summary>
    private static void Record(List<RiskMatch> matches, RiskMatch match)
    {
        foreach (var known in matches)
        {
            if (known.Category == match.Category && known.Text.Contains(match.Text, StringComparison.Ordinal) && known.Level >= match.Level)
            {
                return;
            }
        }

        // A loop, not RemoveAll with a lambda: the lambda would capture the match and allocate for every finding.
        for (var k = matches.Count - 1; k >= 0; k--)
        {
            var m = matches[k];
            if (m.Category == match.Category && match.Text.Contains(m.Text, StringComparison.Ordinal) && m.Level <= match.Level)
            {
                matches.RemoveAt(k);
            }
        }

        matches.Add(match);
    }
}
