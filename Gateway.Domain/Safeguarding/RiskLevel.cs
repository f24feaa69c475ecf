namespace Buddy.Domain.Safeguarding;

/// <summary>What a human must do about a reply. Ordered: a higher value is more urgent.</summary>
public enum RiskLevel
{
    None,

    /// <summary>
    /// A human should look, no crisis text: risk in the past, about someone else, negated, in a professional
    /// context, or a pattern (several low scores) rather than a disclosure. An alert for the therapist.
    /// </summary>
    Review,

    /// <summary>Present risk (suicide, self-harm, overdose, abuse): crisis reply to the sender and a human alerted at once.</summary>
    High,
}
