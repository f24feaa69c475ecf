namespace Buddy.Domain.Questionnaires;

public enum QuestionnaireKind
{
    /// <summary>Patient Health Questionnaire: depression, 9 items, 0-27.</summary>
    Phq9,

    /// <summary>Generalized Anxiety Disorder scale: anxiety, 7 items, 0-21.</summary>
    Gad7,
}
