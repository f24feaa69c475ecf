using System.Globalization;
using System.Text;
using Buddy.Domain.Replies;
using Buddy.Domain.Safeguarding;

namespace Buddy.Tests.Replies;

/// <summary>One labelled set read by the parser and the risk reader as the gateway reads a reply (the score goes to the reader).</summary>
public sealed class CorpusScore
{
    /// <summary>The bars of issue 12, on every set.</summary>
    public const double MaxFalseHighRate = 0.03;

    public const double MinMoodExactRate = 0.97;

    private readonly List<(CorpusRow Row, double? Mood, RiskAssessment Risk, IReadOnlyList<string> Tags, bool Correction)> _results = [];

    private CorpusScore(string name, bool isSealed)
    {
        Name = name;
        IsSealed = isSealed;
    }

    public string Name { get; }

    /// <summary>A sealed set's misses are reported by line and kind only, never by text: nobody may tune on them.</summary>
    public bool IsSealed { get; }

    public int Rows => _results.Count;

    public static CorpusScore Read(string name, IReadOnlyList<CorpusRow> rows, bool isSealed = false)
    {
        var score = new CorpusScore(name, isSealed);
        foreach (var row in rows)
        {
            var parsed = ReplyParser.Default.Parse(row.Text, row.Scale);
            var risk = RiskDetector.Default.Assess(row.Text, parsed.Mood, row.Scale);
            score._results.Add((row, parsed.Mood, risk, parsed.Tags, parsed.IsCorrection));
        }

        return score;
    }

    private IEnumerable<(CorpusRow Row, double? Mood, RiskAssessment Risk, IReadOnlyList<string> Tags, bool Correction)> Expected(RiskLevel level) =>
        _results.Where(r => r.Row.Risk == level);

    public int HighRows => Expected(RiskLevel.High).Count();

    public int HighRead => Expected(RiskLevel.High).Count(r => r.Risk.Level == RiskLevel.High);

    public int ReviewRows => Expected(RiskLevel.Review).Count();

    public int ReviewFlagged => Expected(RiskLevel.Review).Count(r => r.Risk.Level != RiskLevel.None);

    public int NoneRows => Expected(RiskLevel.None).Count();

    public int FalseHigh => Expected(RiskLevel.None).Count(r => r.Risk.Level == RiskLevel.High);

    public int NoneFlagged => Expected(RiskLevel.None).Count(r => r.Risk.Level == RiskLevel.Review);

    public int MoodExact => _results.Count(r => SameMood(r.Row.Mood, r.Mood));

    public int ExactTier => _results.Count(r => r.Row.Risk == r.Risk.Level);

    public (int Agree, int Of) Who
    {
        get
        {
            var labelled = _results.Where(r => r.Row.Who is { } who && who != RiskSubject.None && r.Risk.Level != RiskLevel.None).ToList();
            return (labelled.Count(r => r.Row.Who == r.Risk.Subject), labelled.Count);
        }
    }

    public (int Agree, int Of) Tags
    {
        get
        {
            var asserted = _results.Where(r => r.Row.Tags is not null).ToList();
            return (asserted.Count(r => r.Row.Tags!.Order(StringComparer.Ordinal).SequenceEqual(r.Tags.Order(StringComparer.Ordinal))), asserted.Count);
        }
    }

    public double FalseHighRate => NoneRows == 0 ? 0 : (double)FalseHigh / NoneRows;

    public double MoodExactRate => Rows == 0 ? 1 : (double)MoodExact / Rows;

    /// <summary>Every bar of the issue that this set misses, in words; empty when all are met.</summary>
    public IReadOnlyList<string> MissedBars()
    {
        var missed = new List<string>();
        if (HighRead < HighRows)
        {
            missed.Add($"high-risk recall {HighRead}/{HighRows}, not 100%");
        }

        if (ReviewFlagged < ReviewRows)
        {
            missed.Add($"review cases read as Review or High {ReviewFlagged}/{ReviewRows}, not 100%");
        }

        if (FalseHighRate > MaxFalseHighRate)
        {
            missed.Add($"false High on risk-free replies {FalseHigh}/{NoneRows} ({FalseHighRate:P1}), over {MaxFalseHighRate:P0}");
        }

        if (MoodExactRate < MinMoodExactRate)
        {
            missed.Add($"mood exact {MoodExact}/{Rows} ({MoodExactRate:P1}), under {MinMoodExactRate:P0}");
        }

        return missed;
    }

    /// <summary>The figures, then every miss: with its text for development sets, with only its line and kind for a sealed one.</summary>
    public string Report()
    {
        var text = new StringBuilder();
        var (whoAgree, whoOf) = Who;
        var (tagsAgree, tagsOf) = Tags;
        text.AppendLine(CultureInfo.InvariantCulture, $"== {Name}: {Rows} replies ({HighRows} high, {ReviewRows} review, {NoneRows} none)");
        text.AppendLine(CultureInfo.InvariantCulture, $"   high-risk read as High        {HighRead}/{HighRows} {Percent(HighRead, HighRows)}   (bar 100%)");
        text.AppendLine(CultureInfo.InvariantCulture, $"   review read as Review or High {ReviewFlagged}/{ReviewRows} {Percent(ReviewFlagged, ReviewRows)}   (bar 100%)");
        text.AppendLine(CultureInfo.InvariantCulture, $"   risk-free read as High        {FalseHigh}/{NoneRows} {Percent(FalseHigh, NoneRows)}   (bar at most 3%)");
        text.AppendLine(CultureInfo.InvariantCulture, $"   risk-free read as Review      {NoneFlagged}/{NoneRows} {Percent(NoneFlagged, NoneRows)}");
        text.AppendLine(CultureInfo.InvariantCulture, $"   mood exact                    {MoodExact}/{Rows} {Percent(MoodExact, Rows)}   (bar at least 97%)");
        text.AppendLine(CultureInfo.InvariantCulture, $"   tier exactly as labelled      {ExactTier}/{Rows} {Percent(ExactTier, Rows)}");
        text.AppendLine(CultureInfo.InvariantCulture, $"   who is at risk (flagged rows) {whoAgree}/{whoOf} {Percent(whoAgree, whoOf)}");
        text.AppendLine(CultureInfo.InvariantCulture, $"   tags (rows that assert them)  {tagsAgree}/{tagsOf} {Percent(tagsAgree, tagsOf)}");
        foreach (var miss in Misses())
        {
            text.AppendLine("   " + miss);
        }

        return text.ToString();
    }

    private IEnumerable<string> Misses()
    {
        foreach (var (row, mood, risk, _, _) in _results)
        {
            var wrong = new List<string>();
            if (row.Risk == RiskLevel.High && risk.Level != RiskLevel.High)
            {
                wrong.Add($"MISSED HIGH (read {Tier(risk.Level)})");
            }
            else if (row.Risk == RiskLevel.Review && risk.Level == RiskLevel.None)
            {
                wrong.Add("MISSED REVIEW");
            }
            else if (row.Risk == RiskLevel.None && risk.Level == RiskLevel.High)
            {
                wrong.Add("FALSE HIGH");
            }

            if (!SameMood(row.Mood, mood))
            {
                wrong.Add($"MOOD {Show(mood)}, labelled {Show(row.Mood)}");
            }

            if (wrong.Count > 0)
            {
                yield return IsSealed
                    ? $"line {row.Line} [{row.Kind ?? "no kind"}]: {string.Join("; ", wrong)}"
                    : $"line {row.Line} [{row.Kind ?? row.Section}]: {string.Join("; ", wrong)} | {row.Text} | {string.Join("; ", risk.Matched)}";
            }
        }
    }

    private static bool SameMood(double? expected, double? actual) =>
        expected is null ? actual is null : actual is { } value && Math.Abs(value - expected.Value) < 1e-9;

    private static string Show(double? mood) => mood?.ToString(CultureInfo.InvariantCulture) ?? "none";

    private static string Tier(RiskLevel level) => level.ToString().ToLowerInvariant();

    private static string Percent(int part, int of) => of == 0 ? "(none)" : ((double)part / of).ToString("P1", CultureInfo.InvariantCulture);
}
