using Buddy.Domain.Goals;
using Buddy.Gateway.Display;

namespace Buddy.Tests.Display;

public sealed class DisplayWordsTests
{
    public static TheoryData<GoalStatus> Statuses => [.. Enum.GetValues<GoalStatus>()];

    /// <summary>A paused goal once read "Active" on the summary: only an active goal may say so.</summary>
    [Theory, MemberData(nameof(Statuses))]
    public void GoalStatus_ForEveryGoalState_SaysThatState(GoalStatus status) =>
        Assert.Equal(status == GoalStatus.Active, DisplayWords.GoalStatus(status) == "Active");
}
