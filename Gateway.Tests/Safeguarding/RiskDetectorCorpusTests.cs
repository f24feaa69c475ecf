using Buddy.Domain.Replies;
using Buddy.Domain.Safeguarding;
using Buddy.Tests.Replies;

namespace Buddy.Tests.Safeguarding;

/// <summary>
/// The risk reader against each development row that carries risk: a high-risk reply must be read High, a reply
/// for a human's look at least Review, and any reply it flags says who is at risk and which concepts gave the tier.
/// (Risk-free rows are held to the 3% bar in aggregate, by CorpusReportTests.)
/// </summary>
public sealed class RiskDetectorCorpusTests
{
    public static TheoryData<int> RiskyLines
    {
        get
        {
            var data = new TheoryData<int>();
            foreach (var row in ReplyCorpus.Rows.Where(r => r.Risk != RiskLevel.None))
            {
                data.Add(row.Line);
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(RiskyLines))]
    public void Assess_RiskyCorpusRow_IsReadAtLeastAtItsTier(int line)
    {
        var row = ReplyCorpus.At(line);
        var mood = ReplyParser.Default.Parse(row.Text, row.Scale).Mood;

        var risk = RiskDetector.Default.Assess(row.Text, mood, row.Scale);

        Assert.True(risk.Level >= row.Risk, $"{row}: expected {row.Risk}, got {risk.Level} [{string.Join("; ", risk.Matched)}]");
        Assert.NotEqual(RiskSubject.None, risk.Subject);
        Assert.NotEmpty(risk.Concepts);
        Assert.NotEmpty(risk.Matches);
    }
}
