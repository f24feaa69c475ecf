using Buddy.Domain.Safeguarding;

namespace Buddy.Tests.Safeguarding;

/// <summary>The detector's rules, beyond the corpus table: what is reported, negation scope, data-driven phrases.</summary>
public sealed class RiskDetectorTests
{
    [Fact]
    public void Assess_ReportsThePhrasesAsWrittenWithTheirCategory()
    {
        var risk = RiskDetector.Default.Assess("Honestly I wanna DIE and been cuttin myself");

        Assert.Equal(RiskLevel.High, risk.Level);
        Assert.Contains("wanna DIE", risk.Matched);
        Assert.Contains("cuttin myself", risk.Matched);
        Assert.Equal(["suicide", "self-harm"], risk.Matches.Select(m => m.Category).Distinct());
    }

    [Fact]
    public void Assess_WhenNegated_ReportsLowWithTheNegationIncluded()
    {
        var risk = RiskDetector.Default.Assess("no thoughts of hurting myself");

        Assert.Equal(RiskLevel.Review, risk.Level);
        var match = Assert.Single(risk.Matches);
        Assert.True(match.Negated);
        Assert.Equal("no thoughts of hurting myself", match.Text);
    }

    [Theory]
    [InlineData("not ok, want to die")]
    [InlineData("no i want to die")]
    [InlineData("not sure if i want to die")]
    [InlineData("not suicidal. actually i am suicidal")]
    [InlineData("i want to not be here any more")]
    public void Assess_ANegationThatDoesNotGovernThePhrase_LeavesItHigh(string text) =>
        Assert.Equal(RiskLevel.High, RiskDetector.Default.Assess(text).Level);

    [Fact]
    public void Assess_OneHighPhraseAmongNegatedOnes_IsHigh()
    {
        var risk = RiskDetector.Default.Assess("not suicidal but took too many pills");

        Assert.Equal(RiskLevel.High, risk.Level);
        Assert.Contains(risk.Matches, m => m.Negated && m.Level == RiskLevel.Review);
    }

    [Fact]
    public void Assess_LongAndAdversarialInput_IsLinearAndStillFindsRisk()
    {
        var text = string.Concat(Enumerable.Repeat("want to want to want to ", 3000)) + "die";

        Assert.Equal(RiskLevel.High, RiskDetector.Default.Assess(text).Level);
    }
}
