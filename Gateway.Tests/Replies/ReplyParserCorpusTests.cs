using Buddy.Domain.Replies;
using Buddy.Domain.Safeguarding;

namespace Buddy.Tests.Replies;

/// <summary>The parser against every development row of the corpus: mood (with its scale), tags where asserted, correction.</summary>
public sealed class ReplyParserCorpusTests
{
    public static TheoryData<int> Lines
    {
        get
        {
            var data = new TheoryData<int>();
            foreach (var row in ReplyCorpus.Rows.Where(r => !KnownMisses.Parse.ContainsKey(r.Line)))
            {
                data.Add(row.Line);
            }

            return data;
        }
    }

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
    public void Parse_CorpusRow_ReadsTheExpectedMoodTagsAndCorrection(int line) =>
        Assert.Null(Miss(ReplyCorpus.At(line)));

    /// <summary>Why the parser does not read a row as labelled (mood with its scale, tags where asserted, correction), or null.</summary>
    public static string? Miss(CorpusRow row)
    {
        var parsed = ReplyParser.Default.Parse(row.Text, row.Scale);
        return row.Mood != parsed.Mood ? $"{row}: expected mood {Show(row.Mood)}, got {Show(parsed.Mood)} ({parsed.MoodNote})"
            : row.Scale != parsed.Scale ? $"{row}: read on the {parsed.Scale} scale"
            : row.Tags is not null && !row.Tags.Order(StringComparer.Ordinal).SequenceEqual(parsed.Tags.Order(StringComparer.Ordinal))
                ? $"{row}: tags {string.Join(",", parsed.Tags)}"
            : row.IsCorrection != parsed.IsCorrection ? $"{row}: expected correction={row.IsCorrection}"
            : null;
    }

    private static string Show(double? mood) => mood?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none";
}
