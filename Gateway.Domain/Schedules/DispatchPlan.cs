namespace Buddy.Domain.Schedules;

/// <summary>What one due schedule turns into: the days to record (sent, late, missed, skipped) and its next due time.</summary>
public sealed record DispatchPlan(IReadOnlyList<DueCheckIn> Due, DateTime? NextDueAtUtc);

public readonly record struct DueCheckIn(CheckInOccurrence Occurrence, DueOutcome Outcome);

public enum DueOutcome
{
    /// <summary>On time, or late but inside the organisation's catch-up window.</summary>
    Send,

    /// <summary>Older than the catch-up window (the gateway was down): recorded, never sent.</summary>
    Missed,

    /// <summary>Late, inside the window, but it is now quiet hours: recorded, never sent.</summary>
    SkippedQuietHours,
}
