namespace Buddy.Domain.Safeguarding;

/// <summary>Ordered: a higher value is more worrying.</summary>
public enum RiskLevel
{
    None,

    /// <summary>Worth the therapist's eye (negated risk words, distress), no immediate action.</summary>
    Low,

    /// <summary>Self-harm, suicide, overdose or abuse: crisis reply and a human alerted at once.</summary>
    High,
}
