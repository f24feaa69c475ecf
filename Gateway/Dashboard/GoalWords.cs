using Buddy.Domain.Goals;

namespace Buddy.Gateway.Dashboard;

/// <summary>Goal states and answers as the summary and the cycle page say them.</summary>
public static class GoalWords
{
    /// <summary>Replies listed under a goal; the counts always cover the whole period.</summary>
    public const int RepliesShown = 10;

    public static string Status(GoalStatus status) => status switch
    {
        GoalStatus.Active => "Active",
        GoalStatus.Paused => "Paused",
        GoalStatus.Achieved => "Achieved",
        GoalStatus.Archived => "Set aside",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    public static string Outcome(GoalOutcome outcome) => outcome switch
    {
        GoalOutcome.Done => "done",
        GoalOutcome.Partial => "part done",
        _ => "not done",
    };
}
