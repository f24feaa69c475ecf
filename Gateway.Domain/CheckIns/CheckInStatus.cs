namespace Buddy.Domain.CheckIns;

public enum CheckInStatus
{
    /// <summary>Handed to the outbox; waiting for a reply.</summary>
    Sent,

    /// <summary>A reply arrived and was attached to this day's diary entry.</summary>
    Answered,

    /// <summary>The reply window closed without an answer.</summary>
    Unanswered,

    /// <summary>Never sent: it fell outside the catch-up window after downtime.</summary>
    Missed,

    /// <summary>Never sent on purpose (quiet hours, opted out, paused at the time).</summary>
    Skipped,
}
