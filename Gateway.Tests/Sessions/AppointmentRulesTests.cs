using Buddy.Domain.Sessions;

namespace Buddy.Tests.Sessions;

public sealed class AppointmentChangeDetectorTests
{
    [Theory]
    [InlineData("can't make it")]
    [InlineData("Sorry cant make it tomorrow")]
    [InlineData("I can’t come tmrw, sorry")]
    [InlineData("cant come tmrw")]
    [InlineData("need to rearrange")]
    [InlineData("can we reschedule?")]
    [InlineData("I need to cancel my appointment")]
    [InlineData("won't be there, bus strike")]
    public void Match_WhenReplyAsksToCancelOrMove_FindsIt(string reply) =>
        Assert.NotEmpty(AppointmentChangeDetector.Match(reply));

    [Theory]
    [InlineData("6 went to college")]
    [InlineData("cancelled plans with my mates, felt bad")]
    [InlineData("I want to talk about my mum")]
    [InlineData("I can make it")]
    public void Match_WhenReplyIsNotAboutTheSession_FindsNothing(string reply) =>
        Assert.Empty(AppointmentChangeDetector.Match(reply));
}

public sealed class AppointmentReminderRuleTests
{
    [Fact]
    public void DueUtc_IsTheDayBeforeAtTheLocalTime_AcrossTheClockChange()
    {
        // Session Monday 30 March 2026 10:00 BST; the day before (Sunday 29th) is the day the clocks go forward.
        var session = new DateTime(2026, 3, 30, 9, 0, 0, DateTimeKind.Utc);

        var due = AppointmentReminderRule.DueUtc(session, "Europe/London", new TimeOnly(19, 0), 1);

        Assert.Equal(new DateTime(2026, 3, 29, 18, 0, 0, DateTimeKind.Utc), due);
    }

    [Fact]
    public void IsDue_WhenSessionIsTooCloseOrAlreadyReminded_IsFalse()
    {
        var now = new DateTime(2026, 11, 25, 19, 0, 0, DateTimeKind.Utc);
        var soon = new TherapySession { StartsAtUtc = now.AddMinutes(90) };
        var reminded = new TherapySession { StartsAtUtc = now.AddHours(15), ReminderSentAtUtc = now.AddHours(-1) };
        var due = new TherapySession { StartsAtUtc = now.AddHours(15) };

        Assert.False(AppointmentReminderRule.IsDue(soon, "Europe/London", new TimeOnly(18, 0), 1, now));
        Assert.False(AppointmentReminderRule.IsDue(reminded, "Europe/London", new TimeOnly(18, 0), 1, now));
        Assert.True(AppointmentReminderRule.IsDue(due, "Europe/London", new TimeOnly(18, 0), 1, now));
        Assert.False(AppointmentReminderRule.IsDue(due, "Europe/London", new TimeOnly(20, 0), 1, now));
    }

    [Theory]
    [InlineData("video", "by video")]
    [InlineData("Phone", "by phone")]
    [InlineData("Riverside Centre, room 2", "at Riverside Centre, room 2")]
    public void Where_NamesThePlaceOrTheWay(string location, string expected) =>
        Assert.Equal(expected, SessionTexts.Where(location));
}
