namespace Buddy.Domain.Safeguarding;

/// <summary>
/// A risk assessment's subject and caution in the words LABELS.md and the corpus use ("from-others",
/// "phone-may-be-read"), for <c>parse</c>, exports and anything else that writes them as text.
/// </summary>
public static class RiskLabels
{
    /// <summary>"sender", "from-others", "third-party", or null when no one is at risk.</summary>
    public static string? Who(RiskSubject subject) => subject switch
    {
        RiskSubject.Sender => "sender",
        RiskSubject.SenderFromOthers => "from-others",
        RiskSubject.ThirdParty => "third-party",
        _ => null,
    };

    /// <summary>"phone-may-be-read", "do-not-call": each caution set, in that order.</summary>
    public static IReadOnlyList<string> Cautions(ContactCaution caution) =>
    [
        .. (caution & ContactCaution.PhoneMayBeRead) != 0 ? ["phone-may-be-read"] : Array.Empty<string>(),
        .. (caution & ContactCaution.DoNotCall) != 0 ? ["do-not-call"] : Array.Empty<string>(),
    ];
}
