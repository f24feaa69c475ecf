using Buddy.Domain.Organisations;
using Buddy.Domain.Templates;
using Buddy.Gateway.Templates;

namespace Buddy.Tests.Templates;

public sealed class PreviewNamesTests
{
    [Fact]
    public void Candidates_AreTheLongestNameAndTheLongestNonGsmName()
    {
        Assert.Equal(["Alexandria", "Łucja"], PreviewNames.Candidates(["Jo", "Alexandria", "Sam", "Łucja", "Zoë"]));
        Assert.Equal(["Alexandria"], PreviewNames.Candidates(["Jo", "Alexandria"]));
        Assert.Equal([TemplatePlaceholders.SampleFirstName], PreviewNames.Candidates([]));
    }

    /// <summary>A short name with one accent outside GSM-7 can cost a second text where a long plain one does not.</summary>
    [Fact]
    public void Longest_PicksTheNameThatMakesTheTextLongest_NotTheLongestName()
    {
        var body = "Hi {FirstName}, " + new string('x', 120);

        var (name, text, length) = PreviewNames.Longest(["Alexandria", "Łucja"], TemplateKind.CheckIn, body, MoodScale.ZeroToTen, "Riverside");

        Assert.Equal(("Łucja", 2, SmsEncoding.Ucs2), (name, length.Segments, length.Encoding));
        Assert.StartsWith("Hi Łucja, ", text, StringComparison.Ordinal);
        Assert.Equal(1, SmsSegments.Measure(TemplatePlaceholders.Fill(body, "Alexandria", MoodScale.ZeroToTen)).Segments);
    }
}
