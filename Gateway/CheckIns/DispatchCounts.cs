namespace Buddy.Gateway.CheckIns;

/// <summary>What one dispatch run did, for the log line and the tests. Counts only: no people, numbers or bodies.</summary>
public sealed class DispatchCounts
{
    public int Created { get; set; }
    public int Missed { get; set; }
    public int SkippedQuietHours { get; set; }
    public int AlreadyDone { get; set; }
    public int Rescheduled { get; set; }
    public int Initialised { get; set; }
    public int Failed { get; set; }

    public bool Any => Created + Missed + SkippedQuietHours + AlreadyDone + Rescheduled + Initialised + Failed > 0;
}
