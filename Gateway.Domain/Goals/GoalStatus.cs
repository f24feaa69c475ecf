namespace Buddy.Domain.Goals;

public enum GoalStatus
{
    /// <summary>Being worked on: reminders go out.</summary>
    Active,

    /// <summary>On hold for now (a hard week, a holiday): kept on the summary, no reminders until resumed.</summary>
    Paused,

    /// <summary>Done for good; kept for the summary, no more reminders.</summary>
    Achieved,

    /// <summary>Set aside (replaced or no longer relevant); kept for the record.</summary>
    Archived,
}
