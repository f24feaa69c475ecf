using Buddy.Domain.Organisations;
using Buddy.Domain.Replies;
using Buddy.Domain.Safeguarding;
using Buddy.Gateway.Safeguarding;

namespace Buddy.Tests.Safeguarding;

/// <summary>The gateway's reader gives the detector the score the person gave, as the parse verb and the corpus do.</summary>
public sealed class DetectorRiskReaderTests
{
    private readonly DetectorRiskReader _reader = new(RiskDetector.Default, ReplyParser.Default);

    [Theory]
    [InlineData("0 dead tired", MoodScale.ZeroToTen)]
    [InlineData("1. dead tired", MoodScale.OneToTen)]
    [InlineData("1 absolutely dying of boredom", MoodScale.OneToFive)]
    public void Assess_WhenAVeryLowScoreStandsBesideADeathWord_ReadsHigh_ThoughTheIdiomAloneIsLess(string text, MoodScale scale)
    {
        Assert.NotEqual(RiskLevel.High, RiskDetector.Default.Assess(text).Level);

        Assert.Equal(RiskLevel.High, _reader.Assess(text, scale).Level);
    }

    [Fact]
    public void Assess_WhenTheScoreIsHigh_DoesNotRaiseTheWords() =>
        Assert.NotEqual(RiskLevel.High, _reader.Assess("8 dead tired", MoodScale.ZeroToTen).Level);
}
