using System.Globalization;
using Buddy.Domain.Organisations;
using Buddy.Domain.Schedules;

namespace Buddy.Tests.Schedules;

public class ScheduleRulesTests
{
    private static readonly Organisation s_organisation = new() { Name = "Test", QuietHoursStart = new(21, 30), QuietHoursEnd = new(8, 0) };

    [Fact]
    public void Validate_WhenDefaults_HasNoErrors() => Assert.True(ScheduleRules.Validate(new ScheduleInput(), s_organisation).IsValid);

    [Theory]
    [InlineData("22:00", null, null, null, "LocalTime")]
    [InlineData("07:59", null, null, null, "LocalTime")]
    [InlineData("21:00", 60, null, null, "ReminderAfterMinutes")]
    [InlineData("19:00", 5, null, null, "ReminderAfterMinutes")]
    [InlineData("19:00", null, "23:00", null, "QuietHoursEnd")]
    [InlineData("22:00", null, "23:00", "07:00", null)]
    [InlineData("23:30", null, "23:00", "07:00", "LocalTime")]
    [InlineData("08:00", 120, null, null, null)]
    public void Validate_WhenTimesMeetQuietHours_RefusesOnlyWhatCouldNeverBeSent(
        string localTime, int? reminder, string? quietStart, string? quietEnd, string? expectedField)
    {
        var input = new ScheduleInput
        {
            LocalTime = TimeOnly.Parse(localTime, CultureInfo.InvariantCulture),
            ReminderAfterMinutes = reminder,
            QuietHoursStart = quietStart is null ? null : TimeOnly.Parse(quietStart, CultureInfo.InvariantCulture),
            QuietHoursEnd = quietEnd is null ? null : TimeOnly.Parse(quietEnd, CultureInfo.InvariantCulture),
        };

        var errors = ScheduleRules.Validate(input, s_organisation);

        Assert.Equal(expectedField is null ? [] : [expectedField], errors.Keys);
    }

    [Fact]
    public void Validate_WhenNoDays_Refuses() =>
        Assert.Contains("Days", ScheduleRules.Validate(new ScheduleInput { Days = CheckInDays.None }, s_organisation).Keys);

    [Fact]
    public void Validate_WhenEndBeforeStart_Refuses() =>
        Assert.Contains("EndDate", ScheduleRules.Validate(
            new ScheduleInput { StartDate = new(2026, 12, 1), EndDate = new(2026, 11, 30) }, s_organisation).Keys);
}
