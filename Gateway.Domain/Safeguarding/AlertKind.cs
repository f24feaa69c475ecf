namespace Buddy.Domain.Safeguarding;

public enum AlertKind
{
    /// <summary>A reply signalled risk (self-harm, suicide, overdose, abuse).</summary>
    Safeguarding,

    /// <summary>Several low scores in a row.</summary>
    LowMoodStreak,

    /// <summary>Several days with no reply.</summary>
    NoReply,

    /// <summary>Mood dropped against the person's own baseline.</summary>
    Deterioration,

    /// <summary>The person asked to cancel or rearrange a session.</summary>
    AppointmentChange,
}
