namespace Buddy.Domain.Questionnaires;

public enum QuestionnaireSource
{
    /// <summary>From the service user's every-N-weeks schedule.</summary>
    Scheduled,

    /// <summary>Sent now by a therapist.</summary>
    OnDemand,
}
