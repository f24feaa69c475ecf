namespace Buddy.Domain.Safeguarding.Rules;

/// <summary>
/// A rule's match after judging it: the level and subject once negation, time, context and joke markers were read,
/// where it is in the reply as typed, and what changed its level (negated, past, third-party, context, joke).
/// </summary>
internal readonly record struct RiskFinding(
    RiskRule Rule, int Start, int End, RiskLevel Level, RiskSubject Subject, bool Negated, string? Modifier)
{
    public string Category => Rule.Category;
}
