using Buddy.Domain.Time;

namespace Buddy.Tests.Time;

public sealed class TimeTextTests
{
    [Theory]
    [InlineData("19:00", 19, 0)]
    [InlineData(" 9:05 ", 9, 5)]
    [InlineData("09.30", 9, 30)]
    [InlineData("1900", 19, 0)]
    [InlineData("0730", 7, 30)]
    [InlineData("00:00", 0, 0)]
    [InlineData("23:59", 23, 59)]
    [InlineData("19:00:00", 19, 0)]
    [InlineData("7pm", 19, 0)]
    [InlineData("7 PM", 19, 0)]
    [InlineData("7:30pm", 19, 30)]
    [InlineData("7.30 p.m.", 19, 30)]
    [InlineData("12pm", 12, 0)]
    [InlineData("12am", 0, 0)]
    [InlineData("12:15 am", 0, 15)]
    [InlineData("9am", 9, 0)]
    [InlineData("noon", 12, 0)]
    [InlineData("Midnight", 0, 0)]
    public void TryParse_WhenTheTimeIsPlain_ReadsIt(string typed, int hour, int minute)
    {
        Assert.True(TimeText.TryParse(typed, out var time));
        Assert.Equal(new TimeOnly(hour, minute), time);
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("7")] // which 7? Never guessed: read as 07:00 it could text someone at breakfast instead of the evening
    [InlineData("19")]
    [InlineData("24:00")]
    [InlineData("25:99")]
    [InlineData("19:60")]
    [InlineData("1960")]
    [InlineData("13pm")]
    [InlineData("0pm")]
    [InlineData("7 o'clock")]
    [InlineData("seven")]
    [InlineData("19:00:30")]
    [InlineData("-1:00")]
    public void TryParse_WhenTheTimeIsAmbiguousOrNotATime_RefusesIt(string? typed) =>
        Assert.False(TimeText.TryParse(typed, out _));

    [Fact]
    public void Problem_NamesTheFieldAndAnExample() =>
        Assert.Equal("Enter the check-in time as a 24-hour time, for example 19:00", TimeText.Problem("the check-in time"));
}
