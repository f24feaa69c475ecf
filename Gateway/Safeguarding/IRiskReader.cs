using Buddy.Domain.Safeguarding;

namespace Buddy.Gateway.Safeguarding;

/// <summary>
/// How the gateway reads a reply's risk. In production the <see cref="RiskDetector"/>; a seam of our own so the
/// alert, crisis-text and caution paths can be tested with a reply of a known tier, subject and caution whatever the
/// phrase list's wording is at the time.
/// </summary>
public interface IRiskReader
{
    RiskAssessment Assess(string? text);
}

/// <summary>The production reader: the risk detector itself.</summary>
internal sealed class DetectorRiskReader(RiskDetector detector) : IRiskReader
{
    public RiskAssessment Assess(string? text) => detector.Assess(text);
}
