using Buddy.Domain.Safeguarding;

namespace Buddy.Domain.Summaries;

/// <summary>
/// Risk in the words staff read on every screen, export and API description: the tier says what to do, the subject
/// who is at risk, the caution how (or whether) to contact the person. One place, so every screen says it alike.
/// </summary>
public static class RiskWords
{
    /// <summary>"Urgent" (High: crisis reply sent, act now) or "Review" (a human should look; no crisis text was sent).</summary>
    public static string Tier(RiskLevel level) => level switch
    {
        RiskLevel.High => "Urgent",
        RiskLevel.Review => "Review",
        _ => "No risk found",
    };

    public static string Subject(RiskSubject subject) => subject switch
    {
        RiskSubject.Sender => "Risk to themselves",
        RiskSubject.SenderFromOthers => "Risk from someone else",
        RiskSubject.ThirdParty => "Risk to someone else",
        _ => "",
    };

    /// <summary>"Risk to themselves; risk from someone else", or "" when nobody is named.</summary>
    public static string Subjects(IEnumerable<RiskSubject> subjects)
    {
        var words = subjects.Where(s => s != RiskSubject.None).Distinct().Select(Subject).ToList();
        return words.Count == 0 ? "" : string.Join("; ", words.Select((w, i) => i == 0 ? w : char.ToLowerInvariant(w[0]) + w[1..]));
    }

    /// <summary>What staff must know before they call or text, or null when the replies said nothing about it.</summary>
    public static string? Caution(ContactCaution caution) => caution switch
    {
        ContactCaution.None => null,
        ContactCaution.PhoneMayBeRead => "Someone else may read their phone",
        ContactCaution.DoNotCall => "They asked not to be called",
        _ => "Someone else may read their phone, and they asked not to be called",
    };

    /// <summary>The advice that goes with a caution, on every screen that shows it.</summary>
    public const string CautionAdvice = "Read this before you call or text them.";
}
