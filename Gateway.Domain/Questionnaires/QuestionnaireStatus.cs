namespace Buddy.Domain.Questionnaires;

public enum QuestionnaireStatus
{
    /// <summary>Sent; waiting for the next answer. Resumes wherever the person stopped.</summary>
    InProgress,
    Completed,

    /// <summary>Not finished in time (Questionnaires:ExpiryHours); partial answers are kept but never scored.</summary>
    Expired,

    /// <summary>Stopped on purpose: the person opted out, or a therapist withdrew it.</summary>
    Cancelled,
}
