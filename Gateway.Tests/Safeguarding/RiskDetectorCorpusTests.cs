using Buddy.Domain.Safeguarding;
using Buddy.Tests.Replies;
using Xunit.Abstractions;

namespace Buddy.Tests.Safeguarding;

/// <summary>The risk detector against the corpus. Missing a high-risk reply is the failure that matters.</summary>
public sealed class RiskDetectorCorpusTests(ITestOutputHelper output)
{
    public static TheoryData<int> Lines => ReplyCorpus.Lines;

    [Fact]
    public void Assess_EveryHighRiskCorpusRow_IsFlaggedHigh_RecallIs100Percent()
    {
        var detector = RiskDetector.Default;
        var results = ReplyCorpus.Rows.Select(row => (Row: row, Level: detector.Assess(row.Text).Level)).ToList();

        var expectedHigh = results.Where(r => r.Row.Risk == RiskLevel.High).ToList();
        var flaggedHigh = results.Where(r => r.Level == RiskLevel.High).ToList();
        var truePositives = expectedHigh.Count(r => r.Level == RiskLevel.High);
        var recall = (double)truePositives / expectedHigh.Count;
        var precision = flaggedHigh.Count == 0 ? 1 : (double)truePositives / flaggedHigh.Count;
        var anyRiskExpected = results.Where(r => r.Row.Risk != RiskLevel.None).ToList();
        var anyRiskRecall = (double)anyRiskExpected.Count(r => r.Level != RiskLevel.None) / anyRiskExpected.Count;
        output.WriteLine($"High risk: {expectedHigh.Count} rows, recall {recall:P1}, precision {precision:P1} ({flaggedHigh.Count} flagged high).");
        output.WriteLine($"Any risk (review or high): {anyRiskExpected.Count} rows, recall {anyRiskRecall:P1}.");
        output.WriteLine($"Exact level agreement: {results.Count(r => r.Level == r.Row.Risk)} of {results.Count} rows.");

        var missed = expectedHigh.Where(r => r.Level != RiskLevel.High).Select(r => r.Row.ToString()).ToList();
        Assert.True(missed.Count == 0, "High-risk replies not flagged high:\n" + string.Join('\n', missed));
        Assert.True(expectedHigh.Count >= 80, "The corpus should hold plenty of high-risk phrasing.");
    }

    [Theory]
    [MemberData(nameof(Lines))]
    public void Assess_CorpusRow_GivesTheExpectedRiskLevel(int line)
    {
        var row = ReplyCorpus.At(line);

        var risk = RiskDetector.Default.Assess(row.Text);

        Assert.True(row.Risk == risk.Level, $"{row}: expected {row.Risk}, got {risk.Level} [{string.Join("; ", risk.Matched)}]");
        Assert.Equal(risk.Level == RiskLevel.None, risk.Matches.Count == 0);
    }
}
