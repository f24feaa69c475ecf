using Buddy.Domain.Organisations;
using Buddy.Domain.Schedules;

namespace Buddy.Tests.Schedules;

public sealed class ScheduleValidationTests
{
    private static readonly Organisation s_organisation = new() { Name = "Northshire Talking Therapies" };

    [Theory]
    [InlineData("19:00", null, null, null, "")]
    [InlineData("22:00", null, null, null, "LocalTime")]
    [InlineData("07:59", null, null, null, "LocalTime")]
    [InlineData("22:00", "23:00", "06:00", null, "")] // the schedule's own quiet hours override the organisation's
    [InlineData("19:00", null, null, 180, "ReminderAfterMinutes")] // 22:00 is quiet
    [InlineData("19:00", null, null, 0, "ReminderAfterMinutes")]
    [InlineData("19:00", "23:00", null, null, "QuietHoursStart")]
    public void Problems_NameWhatCouldNeverBeSent(string localTime, string? quietStart, string? quietEnd, int? reminder, string expected)
    {
        var schedule = CheckInRulesTests.Schedule(localTime);
        schedule.QuietHoursStart = quietStart is null ? null : TimeOnly.Parse(quietStart, System.Globalization.CultureInfo.InvariantCulture);
        schedule.QuietHoursEnd = quietEnd is null ? null : TimeOnly.Parse(quietEnd, System.Globalization.CultureInfo.InvariantCulture);
        schedule.ReminderAfterMinutes = reminder;

        var problems = ScheduleValidation.Problems(schedule, s_organisation, "Europe/London");

        Assert.Equal(expected, string.Join(",", problems.Select(p => p.Key)));
    }

    [Fact]
    public void Problems_WhenDatesAreBackwardsAndNoDaysAndZoneUnknown_ListsEach()
    {
        var schedule = CheckInRulesTests.Schedule("19:00");
        schedule.StartDate = new DateOnly(2026, 5, 1);
        schedule.EndDate = new DateOnly(2026, 4, 1);
        schedule.Days = CheckInDays.None;

        var problems = ScheduleValidation.Problems(schedule, s_organisation, "Mars/Olympus");

        Assert.Equal(["Days", "EndDate", "TimeZoneId"], problems.Select(p => p.Key));
    }
}
