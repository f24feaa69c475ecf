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
            foreach (var row in ReplyCorpus.Rows.Where(r => r.Risk != RiskLevel.None && !KnownMisses.Risk.ContainsKey(r.Line)))
            {
                data.Add(row.Line);
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(RiskyLines))]
    public void Assess_RiskyCorpusRow_IsReadAtLeastAtItsTier(int line) =>
        Assert.Null(Miss(ReplyCorpus.At(line)));

    /// <summary>Why the reader does not read a risky row as labelled, or null when it does.</summary>
    public static string? Miss(CorpusRow row)
    {
        var mood = ReplyParser.Default.Parse(row.Text, row.Scale).Mood;
        var risk = RiskDetector.Default.Assess(row.Text, mood, row.Scale);
        return risk.Level < row.Risk ? $"{row}: expected {row.Risk}, got {risk.Level} [{string.Join("; ", risk.Matched)}]"
            : risk.Subject == RiskSubject.None || risk.Concepts.Count == 0 || risk.Matches.Count == 0 ? $"{row}: read {risk.Level} without who, concepts or matches"
            : null;
    }
}
