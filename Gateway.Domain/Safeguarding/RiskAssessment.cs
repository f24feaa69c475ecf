namespace Buddy.Domain.Safeguarding;

/// <summary>One phrase that raised the risk, as the person wrote it (with its negation, if any: "not suicidal").</summary>
public sealed record RiskMatch(string Category, string Text, RiskLevel Level, bool Negated);

/// <summary>How worrying a reply is, who is at risk, and the phrases that made it so, for the therapist to judge.</summary>
public sealed record RiskAssessment(RiskLevel Level, IReadOnlyList<RiskMatch> Matches)
{
    public static RiskAssessment None { get; } = new(RiskLevel.None, []);

    /// <summary>Who is at risk; <see cref="RiskSubject.None"/> exactly when <see cref="Level"/> is None.</summary>
    public RiskSubject Subject { get; init; }

    /// <summary>The concepts that combined to give the level ("ideation", "means", "strangulation"), for the alert and <c>parse</c>.</summary>
    public IReadOnlyList<string> Concepts { get; init; } = [];

    /// <summary>What the reply says about calling or texting the person back.</summary>
    public ContactCaution Caution { get; init; }

    /// <summary>The matched phrases as written, in the order they appear.</summary>
    public IReadOnlyList<string> Matched => [.. Matches.Select(m => m.Text)];

    /// <summary>Plain words for an alert: "suicide, self-harm".</summary>
    public string Categories => string.Join(", ", Matches.Where(m => m.Level == Level).Select(m => m.Category).Distinct(StringComparer.Ordinal));
}
