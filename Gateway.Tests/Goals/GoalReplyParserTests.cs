using Buddy.Domain.Goals;
using Buddy.Domain.Schedules;

namespace Buddy.Tests.Goals;

public sealed class GoalReplyParserTests
{
    [Theory]
    [InlineData("done", GoalOutcome.Done)]
    [InlineData("DONE!", GoalOutcome.Done)]
    [InlineData("yes did it", GoalOutcome.Done)]
    [InlineData("yep", GoalOutcome.Done)]
    [InlineData("managed it :)", GoalOutcome.Done)]
    [InlineData("half", GoalOutcome.Partial)]
    [InlineData("did half of it", GoalOutcome.Partial)]
    [InlineData("sort of", GoalOutcome.Partial)]
    [InlineData("nearly", GoalOutcome.Partial)]
    [InlineData("not today", GoalOutcome.NotDone)]
    [InlineData("no", GoalOutcome.NotDone)]
    [InlineData("didn't manage it", GoalOutcome.NotDone)]
    [InlineData("not done", GoalOutcome.NotDone)]
    [InlineData("not even half", GoalOutcome.NotDone)]
    [InlineData("forgot", GoalOutcome.NotDone)]
    public void Parse_WhenReplySaysHowItWent_ReturnsOutcome(string reply, GoalOutcome expected) =>
        Assert.Equal(expected, GoalReplyParser.Parse(reply));

    [Theory]
    [InlineData("")]
    [InlineData("6 went to college")]
    [InlineData("argued with mum")]
    public void Parse_WhenReplyIsNotAboutTheGoal_ReturnsNull(string reply) =>
        Assert.Null(GoalReplyParser.Parse(reply));
}

public sealed class GoalReminderRuleTests
{
    private const string London = "Europe/London";

    [Fact]
    public void NextDueUtc_WhenTodaysTimeHasPassed_ReturnsTheNextChosenDay()
    {
        // Wednesday 25 Nov 2026, 19:00 UTC (= London); reminders Mon and Thu at 18:00.
        var goal = new Goal { Text = "walk to the shop", ReminderDays = CheckInDays.Monday | CheckInDays.Thursday, ReminderLocalTime = new TimeOnly(18, 0) };

        var due = GoalReminderRule.NextDueUtc(goal, London, new DateTime(2026, 11, 25, 19, 0, 0, DateTimeKind.Utc));

        Assert.Equal(new DateTime(2026, 11, 26, 18, 0, 0, DateTimeKind.Utc), due);
    }

    [Fact]
    public void NextDueUtc_InSummerTime_ConvertsTheLocalTime()
    {
        var goal = new Goal { Text = "call a friend", ReminderDays = CheckInDays.Everyday, ReminderLocalTime = new TimeOnly(18, 0) };

        var due = GoalReminderRule.NextDueUtc(goal, London, new DateTime(2026, 7, 1, 9, 0, 0, DateTimeKind.Utc));

        Assert.Equal(new DateTime(2026, 7, 1, 17, 0, 0, DateTimeKind.Utc), due);
    }

    [Theory]
    [InlineData(GoalStatus.Achieved, CheckInDays.Everyday)]
    [InlineData(GoalStatus.Archived, CheckInDays.Everyday)]
    [InlineData(GoalStatus.Active, CheckInDays.None)]
    public void NextDueUtc_WhenNotActiveOrNoDays_ReturnsNull(GoalStatus status, CheckInDays days)
    {
        var goal = new Goal { Text = "x", Status = status, ReminderDays = days };

        Assert.Null(GoalReminderRule.NextDueUtc(goal, London, new DateTime(2026, 11, 25, 9, 0, 0, DateTimeKind.Utc)));
    }
}
