using Buddy.Domain.ServiceUsers;

namespace Buddy.Tests.ServiceUsers;

public class ServiceUserRulesTests
{
    private static readonly DateOnly s_today = new(2026, 11, 25);

    private static readonly ServiceUserInput s_valid = new() { DisplayName = "Sam Jones", Phone = "+447700900123", TimeZoneId = "Europe/London" };

    [Fact]
    public void Validate_WhenValid_HasNoErrors() => Assert.True(ServiceUserRules.Validate(s_valid, s_today, isNew: true, "GB").IsValid);

    [Theory]
    [InlineData("DisplayName")]
    [InlineData("Phone")]
    [InlineData("TimeZoneId")]
    public void Validate_WhenFieldMissingOrWrong_NamesTheField(string field)
    {
        var input = field switch
        {
            "DisplayName" => s_valid with { DisplayName = "  " },
            "Phone" => s_valid with { Phone = "020 7946 0123" },
            _ => s_valid with { TimeZoneId = "Europe/Londres" },
        };

        Assert.Equal([field], ServiceUserRules.Validate(input, s_today, isNew: true, "GB").Keys);
    }

    [Theory]
    [InlineData("020 7946 0123", "That is a landline number: Buddy sends texts, so enter a mobile number")]
    [InlineData("07700 9001", "Too few digits for a UK mobile number")]
    [InlineData("+999999999999", "No country has the dialling code at the start of that number: check the digits after + (44 for the UK)")]
    [InlineData("", "Enter a mobile number")]
    public void Validate_WhenPhoneIsWrong_SaysWhatIsWrong(string phone, string message) =>
        Assert.Equal([message], ServiceUserRules.Validate(s_valid with { Phone = phone }, s_today, isNew: true, "GB")["Phone"]);

    [Fact]
    public void Validate_WhenPhoneIsNational_AcceptsIt() =>
        Assert.True(ServiceUserRules.Validate(s_valid with { Phone = "07700 900123" }, s_today, isNew: true, "GB").IsValid);

    [Fact]
    public void Validate_WhenPausedWithoutDate_AcceptsAPauseUntilSomeoneResumesThem() =>
        Assert.True(ServiceUserRules.Validate(s_valid with { Status = ServiceUserStatus.Paused }, s_today, false, "GB").IsValid);

    [Fact]
    public void Validate_WhenPausedUntilToday_RefusesIt() =>
        Assert.Contains("PausedUntil", ServiceUserRules.Validate(
            s_valid with { Status = ServiceUserStatus.Paused, PausedUntil = s_today }, s_today, false, "GB").Keys);

    [Fact]
    public void Validate_WhenPausedUntilTomorrow_Accepts() =>
        Assert.True(ServiceUserRules.Validate(
            s_valid with { Status = ServiceUserStatus.Paused, PausedUntil = s_today.AddDays(1) }, s_today, false, "GB").IsValid);

    [Fact]
    public void Validate_WhenNewAndDischarged_Refuses() =>
        Assert.Contains("Status", ServiceUserRules.Validate(s_valid with { Status = ServiceUserStatus.Discharged }, s_today, true, "GB").Keys);
}
