using Buddy.Tests.Safeguarding;

namespace Buddy.Tests.Replies;

/// <summary>The known-miss list can only shrink: a listed row read right, or moved in the corpus, fails here.</summary>
public sealed class KnownMissesTests
{
    public static TheoryData<string, int> Listed
    {
        get
        {
            var data = new TheoryData<string, int>();
            foreach (var line in KnownMisses.Risk.Keys)
            {
                data.Add("risk", line);
            }

            foreach (var line in KnownMisses.Parse.Keys)
            {
                data.Add("parse", line);
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Listed))]
    public void ListedRow_IsStillTheSameRow_AndStillMissed(string kind, int line)
    {
        var listed = kind == "risk" ? KnownMisses.Risk[line] : KnownMisses.Parse[line];
        var row = ReplyCorpus.Rows.SingleOrDefault(r => r.Line == line);
        var text = File.ReadLines(ReplyCorpus.DevelopmentPath).ElementAt(line - 1).Split('\t')[0];

        Assert.True(row is not null && text == listed, $"known-misses.tsv line {line} no longer names that row of development.tsv: update the list");
        var miss = kind == "risk" ? RiskDetectorCorpusTests.Miss(row) : ReplyParserCorpusTests.Miss(row);
        Assert.True(miss is not null, $"development.tsv line {line} ({listed}) is now read as labelled: take it off known-misses.tsv");
    }

    [Fact]
    public void List_HoldsOnlyDevelopmentRows_ThatCarryTheirTest()
    {
        Assert.All(KnownMisses.Risk.Keys, line => Assert.NotEqual(Domain.Safeguarding.RiskLevel.None, ReplyCorpus.At(line).Risk));
        Assert.True(KnownMisses.Risk.Count + KnownMisses.Parse.Count < ReplyCorpus.Rows.Count / 5, "more than a fifth of the corpus listed as known misses");
    }
}
