using Buddy.Domain.Safeguarding.Reading;
using static Buddy.Domain.Safeguarding.Reading.Concept;

namespace Buddy.Domain.Safeguarding.Rules;

/// <summary>
/// Replies a human should read though nothing in them is a disclosure of present risk: hopelessness, self-hatred,
/// voices, homelessness, bullying; contact with crisis services and keeping safe; urges with nothing named.
/// </summary>
internal static class ReviewRules
{
    public static IEnumerable<RiskRule> All =>
    [
        new("distress", "distress", RiskDirection.Self, Distress, (t, i) => RiskHit.Review(i, i, i)),
        new("crisis-contact", "suicide", RiskDirection.Self, Help, (t, i) => RiskHit.Review(t.Before(i, Contact, 3) is var rang and >= 0 ? rang : i, i, i)),
        // Keeping safe, a safety or crisis plan, crisis workers: the person is telling us about risk now managed.
        new("safety-talk", "suicide", RiskDirection.Self, Safety, (t, i) => RiskHit.Review(i, i, i)),
        new("urges", "self-harm", RiskDirection.Self, Thought, (t, i) => t.Key(i).StartsWith("urge", StringComparison.Ordinal) ? RiskHit.Review(i, i, i) : RiskHit.None),
    ];
}
