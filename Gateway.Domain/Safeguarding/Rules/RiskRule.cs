using Buddy.Domain.Safeguarding.Reading;

namespace Buddy.Domain.Safeguarding.Rules;

/// <summary>Whose harm a rule reads: the sender's to themselves, someone else's to the sender, the sender's to someone else.</summary>
internal enum RiskDirection
{
    Self,
    FromOthers,
    ToOthers,
}

/// <summary>
/// Where a rule matched: the words it spans, the word a negation or a subject is read against (the anchor), the
/// level the words alone call for, and who is at risk when the rule knows better than the grammar does.
/// </summary>
internal readonly record struct RiskHit(int Start, int End, int Anchor, RiskLevel Level, RiskSubject Subject = RiskSubject.None)
{
    public static RiskHit None { get; } = new(-1, -1, -1, RiskLevel.None);

    public bool Found => Anchor >= 0;

    public static RiskHit High(int start, int end, int anchor, RiskSubject subject = RiskSubject.None) =>
        new(Math.Min(start, end), Math.Max(start, end), anchor, RiskLevel.High, subject);

    public static RiskHit Review(int start, int end, int anchor, RiskSubject subject = RiskSubject.None) =>
        new(Math.Min(start, end), Math.Max(start, end), anchor, RiskLevel.Review, subject);
}

/// <summary>
/// One combination of word families that signals risk, tried at every word of the <see cref="Head"/> family.
/// <see cref="Examples"/> are wordings it must read as High on their own (tests hold every rule to them).
/// </summary>
internal sealed record RiskRule(
    string Name, string Category, RiskDirection Direction, Concept Head, Func<RiskText, int, RiskHit> Match, params string[] Examples)
{
    /// <summary>The rule's own words include a negation ("don't want to live"): it is not read as negating the risk.</summary>
    public bool NegationIsPart { get; init; }
}
