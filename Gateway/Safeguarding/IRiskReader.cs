using Buddy.Domain.Organisations;
using Buddy.Domain.Replies;
using Buddy.Domain.Safeguarding;

namespace Buddy.Gateway.Safeguarding;

/// <summary>
/// How the gateway reads a reply's risk. In production the <see cref="RiskDetector"/>; a seam of our own so the
/// alert, crisis-text and caution paths can be tested with a reply of a known tier, subject and caution whatever the
/// phrase list's wording is at the time.
/// </summary>
public interface IRiskReader
{
    /// <summary>The reply's risk, read with the score the person gave on the organisation's scale.</summary>
    RiskAssessment Assess(string? text, MoodScale scale);
}

/// <summary>
/// The production reader: the risk detector, given the reply's score as the parser reads it, because a very low score
/// beside a death, ending or goodbye word is High where the words alone are only worth a look.
/// </summary>
internal sealed class DetectorRiskReader(RiskDetector detector, ReplyParser parser) : IRiskReader
{
    public RiskAssessment Assess(string? text, MoodScale scale) =>
        detector.Assess(text, text is null ? null : parser.Parse(text, scale).Mood, scale);
}
