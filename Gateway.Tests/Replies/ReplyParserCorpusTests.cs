using Buddy.Domain.Replies;
using Buddy.Domain.Safeguarding;

namespace Buddy.Tests.Replies;

/// <summary>The parser against every development row of the corpus: mood (with its scale), tags where asserted, correction.</summary>
public sealed class ReplyParserCorpusTests
{
    public static TheoryData<int> Lines => ReplyCorpus.Lines;

    [Fact]
    public void Corpus_HasAtLeast300RowsCoveringEveryKindOfReply()
    {
        var rows = ReplyCorpus.Rows;
        Assert.True(rows.Count >= 300, $"The development corpus has {rows.Count} rows.");
        Assert.Contains(rows, r => r.Mood is null && r.Text.Any(char.IsDigit));
        Assert.Contains(rows, r => r.Text.Any(char.IsSurrogate));
        Assert.Contains(rows, r => r.IsCorrection);
        Assert.Contains(rows, r => r.Risk == RiskLevel.High);
        Assert.Contains(rows, r => r.Risk == RiskLevel.Review);
        Assert.Equal(3, rows.Select(r => r.Scale).Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(Lines))]
    public void Parse_CorpusRow_ReadsTheExpectedMoodTagsAndCorrection(int line)
    {
        var row = ReplyCorpus.At(line);

        var parsed = ReplyParser.Default.Parse(row.Text, row.Scale);

        Assert.True(row.Mood == parsed.Mood, $"{row}: expected mood {Show(row.Mood)}, got {Show(parsed.Mood)} ({parsed.MoodNote})");
        Assert.Equal(row.Scale, parsed.Scale);
        if (row.Tags is not null)
        {
            Assert.Equal(row.Tags.Order(StringComparer.Ordinal), parsed.Tags.Order(StringComparer.Ordinal));
        }

        Assert.True(row.IsCorrection == parsed.IsCorrection, $"{row}: expected correction={row.IsCorrection}");
    }

    private static string Show(double? mood) => mood?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none";
}
