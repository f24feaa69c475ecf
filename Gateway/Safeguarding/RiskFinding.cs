using Buddy.Domain.Safeguarding;

namespace Buddy.Gateway.Safeguarding;

/// <summary>A risk found in one text, from its words or from a questionnaire's risk item, as an alert records it.</summary>
/// <param name="Summary">What was found, in plain words: "reply mentions self-harm".</param>
public sealed record RiskFinding(
    RiskLevel Level, RiskSubject Subject, ContactCaution Caution, IReadOnlyList<string> Concepts, string Summary, string? MatchedPhrases)
{
    /// <summary>The risk reader's assessment of a reply's words.</summary>
    public static RiskFinding From(RiskAssessment risk)
    {
        var what = risk.Categories.Length > 0 ? risk.Categories : string.Join(", ", risk.Concepts);
        return new RiskFinding(
            risk.Level,
            risk.Subject,
            risk.Caution,
            risk.Concepts,
            what.Length > 0 ? $"reply mentions {what}" : "reply needs a look",
            risk.Matched.Count > 0 ? string.Join("; ", risk.Matched) : null);
    }
}
