namespace Buddy.Domain.Safeguarding;

/// <summary>Who is at risk, so the alert tells a human what kind of response is needed.</summary>
public enum RiskSubject
{
    /// <summary>No risk found.</summary>
    None,

    /// <summary>The sender, from themselves: suicide, self-harm, overdose.</summary>
    Sender,

    /// <summary>The sender, from someone else: abuse, violence, exploitation, neglect.</summary>
    SenderFromOthers,

    /// <summary>Someone other than the sender: a friend's self-harm, a parent's overdose, a threat to another person.</summary>
    ThirdParty,
}
