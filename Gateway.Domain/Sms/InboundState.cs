namespace Buddy.Domain.Sms;

public enum InboundState
{
    /// <summary>Stored; not yet handled. Picked up again after a restart.</summary>
    Received,
    Processed,

    /// <summary>From a number that matches no service user: kept for review, never answered.</summary>
    Unmatched,

    /// <summary>Handling threw; kept with the error for a person to look at.</summary>
    Failed,
}
