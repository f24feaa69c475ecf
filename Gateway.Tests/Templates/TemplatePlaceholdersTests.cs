using Buddy.Domain.Organisations;
using Buddy.Domain.Templates;

namespace Buddy.Tests.Templates;

public class TemplatePlaceholdersTests
{
    [Theory]
    [InlineData(MoodScale.ZeroToTen, "Hi Sam, mood 0-10?")]
    [InlineData(MoodScale.OneToTen, "Hi Sam, mood 1-10?")]
    [InlineData(MoodScale.OneToFive, "Hi Sam, mood 1 (well below average) to 5 (well above average)?")]
    public void Fill_WhenKnownPlaceholders_ReplacesThem(MoodScale scale, string expected) =>
        Assert.Equal(expected, TemplatePlaceholders.Fill("Hi {FirstName}, mood {ScaleRange}?", "Sam", scale));

    [Fact]
    public void Fill_WhenPlaceholderUnknown_LeavesItVisible() =>
        Assert.Equal("Hi {Name}", TemplatePlaceholders.Fill("Hi {Name}", "Sam", MoodScale.ZeroToTen));

    [Fact]
    public void Unknown_WhenTemplateHasTyposAndRepeats_ListsEachUnknownOnce() =>
        Assert.Equal(["Frist Name", ""], TemplatePlaceholders.Unknown("{Frist Name} {FirstName} {} {Frist Name} {ScaleRange}"));

    [Fact]
    public void Unknown_WhenDefaultTexts_FindsNone()
    {
        Assert.Empty(TemplatePlaceholders.Unknown(DefaultTexts.CheckIn));
        Assert.Empty(TemplatePlaceholders.Unknown(DefaultTexts.Reminder));
    }
}
