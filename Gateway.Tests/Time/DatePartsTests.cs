using Buddy.Domain.Time;

namespace Buddy.Tests.Time;

public sealed class DatePartsTests
{
    [Theory]
    [InlineData("27", "3", "2026", 2026, 3, 27)]
    [InlineData(" 1 ", "01", "2027", 2027, 1, 1)]
    [InlineData("29", "2", "2028", 2028, 2, 29)]
    [InlineData("5", "Mar", "2026", 2026, 3, 5)]
    [InlineData("5", "march", "2026", 2026, 3, 5)]
    [InlineData("5", "Sept", "2026", 2026, 9, 5)]
    public void Read_WhenARealDate_ReadsIt(string day, string month, string year, int y, int m, int d)
    {
        var reading = DateParts.Read(day, month, year, "The first day");

        Assert.Equal((new DateOnly(y, m, d), (string?)null), (reading.Date, reading.Problem));
    }

    [Fact]
    public void Read_WhenAllThreeAreEmpty_IsBlank_NotAProblem()
    {
        var reading = DateParts.Read(" ", "", null, "The first day");

        Assert.True(reading.IsBlank);
    }

    [Theory]
    [InlineData("", "3", "2026", "The first day must include a day", DatePart.Day)]
    [InlineData("27", "", "", "The first day must include a month and year", DatePart.Month | DatePart.Year)]
    [InlineData("", "", "2026", "The first day must include a day and month", DatePart.Day | DatePart.Month)]
    [InlineData("31", "2", "2027", "The first day must be a real date", DatePart.Day)]
    [InlineData("29", "2", "2027", "The first day must be a real date", DatePart.Day)]
    [InlineData("12", "13", "2026", "The first day must be a real date", DatePart.Month)]
    [InlineData("x", "y", "2026", "The first day must be a real date", DatePart.Day | DatePart.Month)]
    [InlineData("0", "3", "2026", "The first day must be a real date", DatePart.Day)]
    [InlineData("27", "3", "26", "The first day must include a year with 4 numbers, for example 2026", DatePart.Year)]
    [InlineData("27", "3", "20266", "The first day must include a year with 4 numbers, for example 2026", DatePart.Year)]
    public void Read_WhenNotARealDate_SaysWhatIsWrongAndWhere(string day, string month, string year, string problem, DatePart wrong)
    {
        var reading = DateParts.Read(day, month, year, "The first day");

        Assert.Equal(((DateOnly?)null, problem, wrong), (reading.Date, reading.Problem, reading.WrongParts));
    }
}
