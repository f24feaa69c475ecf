namespace Buddy.Gateway.Questionnaires;

/// <summary><c>Questionnaires</c> settings.</summary>
public sealed class QuestionnaireOptions
{
    public const string Section = "Questionnaires";

    /// <summary>A questionnaire not finished this many hours after it was sent is closed as Expired.</summary>
    public int ExpiryHours { get; set; } = 48;
}
