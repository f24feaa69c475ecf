using Buddy.Domain.Questionnaires;

namespace Buddy.Tests.Questionnaires;

public sealed class AnswerParserTests
{
    [Theory]
    [InlineData("0", 0)]
    [InlineData("1", 1)]
    [InlineData(" 2. ", 2)]
    [InlineData("3!", 3)]
    [InlineData("2 - more than half the days", 2)]
    [InlineData("Not at all", 0)]
    [InlineData("none", 0)]
    [InlineData("never", 0)]
    [InlineData("no", 0)]
    [InlineData("several days", 1)]
    [InlineData("Several", 1)]
    [InlineData("sometimes", 1)]
    [InlineData("a few days", 1)]
    [InlineData("more than half", 2)]
    [InlineData("More than half the days", 2)]
    [InlineData("most days", 2)]
    [InlineData("nearly every day", 3)]
    [InlineData("Nearly everyday", 3)]
    [InlineData("every day", 3)]
    [InlineData("everyday tbh", 3)]
    [InlineData("all the time", 3)]
    [InlineData("three", 3)]
    public void Parse_WhenAnswerIsADigitOrTheUsualWords_ReturnsItsScore(string reply, int expected) =>
        Assert.Equal(expected, AnswerParser.Parse(reply));

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("5")]
    [InlineData("7 went to college")]
    [InlineData("2 or 3")]
    [InlineData("1 nearly every day")]
    [InlineData("not every day")]
    [InlineData("dunno")]
    [InlineData("what does this mean?")]
    [InlineData("several days, maybe nearly every day")]
    public void Parse_WhenAnswerIsUnclear_ReturnsNull(string reply) =>
        Assert.Null(AnswerParser.Parse(reply));
}
