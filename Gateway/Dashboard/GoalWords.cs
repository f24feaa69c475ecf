using Buddy.Domain.Goals;

namespace Buddy.Gateway.Dashboard;

/// <summary>Goal states and answers as the summary says them.</summary>
public static class GoalWords
{
    /// <summary>Replies listed under a goal; the counts always cover the whole period.</summary>
    public const int RepliesShown = 10;

    public static string Status(GoalStatus status) => status switch
    {
        GoalStatus.Achieved => "Achieved",
        GoalStatus.Archived => "Set aside",
        _ => "Active",
    };

    public static string Outcome(GoalOutcome outcome) => outcome switch
    {
        GoalOutcome.Done => "done",
        GoalOutcome.Partial => "part done",
        _ => "not done",
    };
}
