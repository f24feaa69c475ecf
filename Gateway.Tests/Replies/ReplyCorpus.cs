using System.Globalization;
using Buddy.Domain.Organisations;
using Buddy.Domain.Replies;
using Buddy.Domain.Safeguarding;

namespace Buddy.Tests.Replies;

/// <summary>One row of Replies/Corpus/replies.tsv: a reply and what Buddy should make of it.</summary>
public sealed record CorpusRow(int Line, string Section, string Text, MoodScale Scale, double? Mood, IReadOnlyList<string> Tags, RiskLevel Risk, bool IsCorrection)
{
    public override string ToString() => $"line {Line}: \"{Text}\"";
}

/// <summary>Reads the corpus the parser, detector and parse-verb tests share.</summary>
public static class ReplyCorpus
{
    public static string FilePath { get; } = Path.Combine(AppContext.BaseDirectory, "Replies", "Corpus", "replies.tsv");

    public static IReadOnlyList<CorpusRow> Rows { get; } = Load(FilePath);

    /// <summary>Line numbers, so each row is its own test case in the runner.</summary>
    public static TheoryData<int> Lines
    {
        get
        {
            var data = new TheoryData<int>();
            foreach (var row in Rows)
            {
                data.Add(row.Line);
            }

            return data;
        }
    }

    public static CorpusRow At(int line) => Rows.Single(r => r.Line == line);

    public static IReadOnlyList<CorpusRow> Load(string path)
    {
        var rows = new List<CorpusRow>();
        var section = "";
        var number = 0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            if (line.StartsWith("##", StringComparison.Ordinal))
            {
                section = line.TrimStart('#').Trim();
                continue;
            }

            if (line.StartsWith('#'))
            {
                continue;
            }

            var cells = line.Split('\t');
            if (cells.Length < 5)
            {
                throw new FormatException($"{path} line {number} has {cells.Length} columns; expected text, scale, mood, tags, risk[, correction].");
            }

            if (!MoodScaleText.TryParse(cells[1].Length == 0 ? "0-10" : cells[1], out var scale))
            {
                throw new FormatException($"{path} line {number}: unknown scale '{cells[1]}'.");
            }

            rows.Add(new CorpusRow(
                number,
                section,
                cells[0],
                scale,
                cells[2] == "-" ? null : double.Parse(cells[2], CultureInfo.InvariantCulture),
                cells[3] == "-" ? [] : cells[3].Split(',', StringSplitOptions.TrimEntries),
                Enum.Parse<RiskLevel>(cells[4].Trim(), ignoreCase: true),
                cells.Length > 5 && cells[5].Trim() == "y"));
        }

        return rows;
    }
}
