using Buddy.Domain.ServiceUsers;

namespace Buddy.Tests.ServiceUsers;

public class ServiceUserRulesTests
{
    private static readonly DateOnly s_today = new(2026, 11, 25);

    private static readonly ServiceUserInput s_valid = new() { DisplayName = "Sam Jones", Phone = "+447700900123", TimeZoneId = "Europe/London" };

    [Theory]
    [InlineData("+447700900123", true, "+447700900123")]
    [InlineData("+44 7700 900123", true, "+447700900123")]
    [InlineData("+1 (415) 555-0100", true, "+14155550100")]
    [InlineData("07700900123", false, "")]
    [InlineData("+0447700900123", false, "")]
    [InlineData("+44770090012345678", false, "")]
    [InlineData("+44 7700 9001x3", false, "")]
    [InlineData("", false, "")]
    public void TryNormalise_WhenGivenNumber_AcceptsOnlyE164(string input, bool ok, string expected)
    {
        Assert.Equal(ok, PhoneNumbers.TryNormalise(input, out var e164));
        Assert.Equal(expected, e164);
    }

    [Fact]
    public void Validate_WhenValid_HasNoErrors() => Assert.True(ServiceUserRules.Validate(s_valid, s_today, isNew: true).IsValid);

    [Theory]
    [InlineData("DisplayName")]
    [InlineData("Phone")]
    [InlineData("TimeZoneId")]
    public void Validate_WhenFieldMissingOrWrong_NamesTheField(string field)
    {
        var input = field switch
        {
            "DisplayName" => s_valid with { DisplayName = "  " },
            "Phone" => s_valid with { Phone = "07700 900123" },
            _ => s_valid with { TimeZoneId = "Europe/Londres" },
        };

        Assert.Equal([field], ServiceUserRules.Validate(input, s_today, isNew: true).Keys);
    }

    [Fact]
    public void Validate_WhenPausedWithoutDate_AcceptsAPauseUntilSomeoneResumesThem() =>
        Assert.True(ServiceUserRules.Validate(s_valid with { Status = ServiceUserStatus.Paused }, s_today, false).IsValid);

    [Fact]
    public void Validate_WhenPausedUntilToday_RefusesIt() =>
        Assert.Contains("PausedUntil", ServiceUserRules.Validate(
            s_valid with { Status = ServiceUserStatus.Paused, PausedUntil = s_today }, s_today, false).Keys);

    [Fact]
    public void Validate_WhenPausedUntilTomorrow_Accepts() =>
        Assert.True(ServiceUserRules.Validate(
            s_valid with { Status = ServiceUserStatus.Paused, PausedUntil = s_today.AddDays(1) }, s_today, false).IsValid);

    [Fact]
    public void Validate_WhenNewAndDischarged_Refuses() =>
        Assert.Contains("Status", ServiceUserRules.Validate(s_valid with { Status = ServiceUserStatus.Discharged }, s_today, true).Keys);
}
