using Buddy.Domain.Diary;
using Buddy.Domain.Organisations;
using Buddy.Domain.Summaries;
using Buddy.Gateway.Dashboard;

namespace Buddy.Tests.Dashboard;

/// <summary>The summary's trend and unanswered check-ins, said plainly.</summary>
public sealed class SummaryWordsTests
{
    private static readonly DateRange s_fortnight = new(new DateOnly(2026, 11, 20), new DateOnly(2026, 12, 3));

    [Fact]
    public void Trend_FromTwoScores_SaysThereAreTooFewInsteadOfImproving()
    {
        // The walk-through's case: two scores since the last session, a little higher than three before it.
        var summary = Build(
            (new DateOnly(2026, 11, 10), 4), (new DateOnly(2026, 11, 12), 4), (new DateOnly(2026, 11, 15), 4.2),
            (new DateOnly(2026, 11, 25), 5), (new DateOnly(2026, 12, 1), 5));

        Assert.Equal(MoodTrend.Unknown, summary.Trend);
        Assert.Equal(
            "Not enough scores to show a trend: 2 days with a score in this period and 3 in the previous 14 days. A trend needs at least 3 in each.",
            SummaryWords.Trend(summary));
    }

    [Fact]
    public void Trend_WithEnoughScores_SaysWhichWayAndByHowMuch()
    {
        var summary = Build(
            (new DateOnly(2026, 11, 10), 4), (new DateOnly(2026, 11, 12), 4), (new DateOnly(2026, 11, 15), 4),
            (new DateOnly(2026, 11, 25), 6), (new DateOnly(2026, 11, 28), 6), (new DateOnly(2026, 12, 1), 6));

        Assert.Equal("Improving: up 2 on the previous 14 days (average 4)", SummaryWords.Trend(summary));
    }

    [Theory]
    [InlineData(new string[0], "None")]
    [InlineData(new[] { "2026-12-02" }, "One, on Wed 2 Dec")]
    [InlineData(new[] { "2026-11-30", "2026-12-02" }, "2, on Mon 30 Nov and Wed 2 Dec")]
    [InlineData(new[] { "2026-11-30", "2026-12-01", "2026-12-03" }, "3, on Mon 30 Nov, Tue 1 Dec and Thu 3 Dec")]
    public void UnansweredCheckIns_NamesHowManyAndTheirDays(string[] days, string expected) =>
        Assert.Equal(expected, SummaryWords.UnansweredCheckIns([.. days.Select(DateOnly.Parse)]));

    private static SessionSummary Build(params (DateOnly Date, double Score)[] scores) => SummaryBuilder.Build(new SummaryInput
    {
        Period = s_fortnight,
        Today = s_fortnight.To,
        OrganisationScale = MoodScale.ZeroToTen,
        DeteriorationDrop = 2,
        Entries = [.. scores.Select(s => new DiaryEntry
        {
            LocalDate = s.Date, MoodScore = s.Score, MoodScale = MoodScale.ZeroToTen, CreatedAtUtc = s.Date.ToDateTime(new TimeOnly(19, 0), DateTimeKind.Utc),
        })],
    });
}
