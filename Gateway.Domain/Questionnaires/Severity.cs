namespace Buddy.Domain.Questionnaires;

/// <summary>The published severity bands (GAD-7 has no "moderately severe").</summary>
public enum Severity
{
    Minimal,
    Mild,
    Moderate,
    ModeratelySevere,
    Severe,
}

public static class SeverityExtensions
{
    public static string Label(this Severity severity) => severity switch
    {
        Severity.ModeratelySevere => "Moderately severe",
        _ => severity.ToString(),
    };
}
