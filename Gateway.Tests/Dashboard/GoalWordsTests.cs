using Buddy.Domain.Goals;
using Buddy.Gateway.Dashboard;

namespace Buddy.Tests.Dashboard;

public sealed class GoalWordsTests
{
    public static TheoryData<GoalStatus> Statuses => [.. Enum.GetValues<GoalStatus>()];

    /// <summary>A paused goal once read "Active" on the summary: only an active goal may say so.</summary>
    [Theory, MemberData(nameof(Statuses))]
    public void Status_ForEveryGoalState_SaysThatState(GoalStatus status) =>
        Assert.Equal(status == GoalStatus.Active, GoalWords.Status(status) == "Active");
}
