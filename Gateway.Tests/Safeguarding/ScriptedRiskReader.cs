using Buddy.Domain.Organisations;
using Buddy.Domain.Replies;
using Buddy.Domain.Safeguarding;
using Buddy.Gateway.Safeguarding;

namespace Buddy.Tests.Safeguarding;

/// <summary>
/// A risk reader whose answers for given texts are fixed by the test (tier, who is at risk, contact caution), so the
/// gateway's handling of each kind of finding is tested whatever the production phrase list says about those words
/// today; every other text is read by the production detector.
/// </summary>
internal sealed class ScriptedRiskReader : IRiskReader
{
    private readonly Dictionary<string, RiskAssessment> _scripted = new(StringComparer.Ordinal);

    public ScriptedRiskReader Add(string text, RiskLevel level, RiskSubject subject, ContactCaution caution = ContactCaution.None, string category = "test")
    {
        _scripted[text] = new RiskAssessment(level, [new RiskMatch(category, text, level, Negated: false)])
        {
            Subject = subject,
            Caution = caution,
            Concepts = [category],
        };
        return this;
    }

    public RiskAssessment Assess(string? text, MoodScale scale) =>
        text is not null && _scripted.TryGetValue(text, out var scripted) ? scripted : s_production.Assess(text, scale);

    private static readonly DetectorRiskReader s_production = new(RiskDetector.Default, ReplyParser.Default);
}
