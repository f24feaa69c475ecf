using System.Globalization;
using Buddy.Domain.Organisations;
using Buddy.Domain.Replies;
using Buddy.Domain.Safeguarding;

namespace Buddy.Tests.Replies;

/// <summary>
/// One labelled reply of a corpus file and what Buddy should make of it. <see cref="Tags"/> is null when the file
/// does not assert tags ("*"); <see cref="Who"/> and <see cref="Kind"/> are null in files without those columns.
/// </summary>
public sealed record CorpusRow(
    int Line, string Section, string Text, MoodScale Scale, double? Mood, IReadOnlyList<string>? Tags, RiskLevel Risk, bool IsCorrection,
    RiskSubject? Who, string? Kind)
{
    public override string ToString() => $"line {Line}: \"{Text}\"";
}

/// <summary>
/// Reads the reply corpus (Replies/Corpus, see README.md there): tab-separated text, scale, mood, tags, risk,
/// correction and, in the current format, who and kind. The development part is what the per-row tests, the
/// benchmarks and the parse-verb test use; the sealed part is only ever scored in aggregate (CorpusReportTests).
/// </summary>
public static class ReplyCorpus
{
    public static string Folder { get; } = Path.Combine(AppContext.BaseDirectory, "Replies", "Corpus");

    public static string DevelopmentPath { get; } = Path.Combine(Folder, "development.tsv");

    public static string SealedPath { get; } = Path.Combine(Folder, "sealed.tsv");

    public static IReadOnlyList<CorpusRow> Rows { get; } = Load(DevelopmentPath);

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

            if (line.StartsWith('#') || line.Length == 0)
            {
                continue;
            }

            rows.Add(Parse(path, number, section, line.Split('\t')));
        }

        return rows;
    }

    private static CorpusRow Parse(string path, int number, string section, string[] cells)
    {
        if (cells.Length < 5)
        {
            throw new FormatException($"{Path.GetFileName(path)} line {number} has {cells.Length} columns; expected text, scale, mood, tags, risk[, correction, who, kind].");
        }

        if (!MoodScaleText.TryParse(cells[1].Length == 0 ? "0-10" : cells[1], out var scale))
        {
            throw new FormatException($"{Path.GetFileName(path)} line {number}: unknown scale '{cells[1]}'.");
        }

        var tags = cells[3].Trim() switch
        {
            "*" => null,
            "-" or "" => [],
            var list => (IReadOnlyList<string>)list.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries),
        };
        return new CorpusRow(
            number,
            section,
            cells[0],
            scale,
            cells[2].Trim() is "-" or "" ? null : double.Parse(cells[2], CultureInfo.InvariantCulture),
            tags,
            ParseRisk(cells[4].Trim(), path, number),
            cells.Length > 5 && cells[5].Trim() == "y",
            cells.Length > 6 ? ParseWho(cells[6].Trim(), path, number) : null,
            cells.Length > 7 && cells[7].Trim().Length > 0 ? cells[7].Trim() : null);
    }

    public static RiskLevel ParseRisk(string risk, string path, int line) => risk.ToLowerInvariant() switch
    {
        "none" => RiskLevel.None,
        "review" or "low" => RiskLevel.Review,
        "high" => RiskLevel.High,
        _ => throw new FormatException($"{Path.GetFileName(path)} line {line}: unknown risk '{risk}' (none, review or high)."),
    };

    private static RiskSubject? ParseWho(string who, string path, int line) => who switch
    {
        "sender" => RiskSubject.Sender,
        "from-others" => RiskSubject.SenderFromOthers,
        "third-party" => RiskSubject.ThirdParty,
        "-" => RiskSubject.None,
        "" => null,
        _ => throw new FormatException($"{Path.GetFileName(path)} line {line}: unknown who '{who}' (sender, from-others, third-party or -)."),
    };
}
