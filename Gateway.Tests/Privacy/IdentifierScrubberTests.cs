using Buddy.Domain.Privacy;

namespace Buddy.Tests.Privacy;

public sealed class IdentifierScrubberTests
{
    private static readonly IdentifierScrubber s_sam = new(["Sam Jones", "Sam", "+447700900123", "NHS-123", null, " ", "J"]);

    [Theory]
    [InlineData("Sam Jones asked", "[redacted] asked")]
    [InlineData("sam asked on +447700900123", "[redacted] asked on [redacted]")]
    [InlineData("called 07700900123 and 447700900123", "called [redacted] and [redacted]")]
    [InlineData("ref NHS-123.", "ref [redacted].")]
    [InlineData("Sample size, Samuel", "Sample size, Samuel")]
    [InlineData("Jam jar", "Jam jar")]
    public void Scrub_ReplacesWholeIdentifiersOnly(string text, string expected)
    {
        Assert.Equal(expected, s_sam.Scrub(text));
        Assert.Equal(text != expected, s_sam.Matches(text));
    }

    [Fact]
    public void Scrub_WhenNoIdentifiers_ReturnsTextUnchanged()
    {
        var scrubber = new IdentifierScrubber([null, ""]);
        Assert.Equal("anything", scrubber.Scrub("anything"));
        Assert.False(scrubber.Matches("anything"));
        Assert.Null(scrubber.Scrub(null));
    }
}
