using Buddy.Domain.Questionnaires;

namespace Buddy.Tests.Questionnaires;

public sealed class QuestionnaireDefinitionsTests
{
    [Fact]
    public void For_Phq9_HasThePublishedNineItemsAndRiskItem9()
    {
        var phq9 = QuestionnaireDefinitions.For(QuestionnaireKind.Phq9);

        Assert.Equal(9, phq9.ItemCount);
        Assert.Equal(27, phq9.MaxScore);
        Assert.Equal(9, phq9.RiskItem);
        Assert.Equal("Little interest or pleasure in doing things", phq9.Item(1));
        Assert.Equal("Feeling down, depressed, or hopeless", phq9.Item(2));
        Assert.Equal("Thoughts that you would be better off dead or of hurting yourself in some way", phq9.Item(9));
        Assert.Equal("0 not at all, 1 several days, 2 more than half the days, 3 nearly every day", phq9.AnswerKeyText);
    }

    [Fact]
    public void For_Gad7_HasThePublishedSevenItemsAndNoRiskItem()
    {
        var gad7 = QuestionnaireDefinitions.For(QuestionnaireKind.Gad7);

        Assert.Equal(7, gad7.ItemCount);
        Assert.Equal(21, gad7.MaxScore);
        Assert.Null(gad7.RiskItem);
        Assert.Equal("Feeling nervous, anxious or on edge", gad7.Item(1));
        Assert.Equal("Feeling afraid as if something awful might happen", gad7.Item(7));
    }

    [Theory]
    [InlineData(QuestionnaireKind.Phq9, 0, Severity.Minimal)]
    [InlineData(QuestionnaireKind.Phq9, 4, Severity.Minimal)]
    [InlineData(QuestionnaireKind.Phq9, 5, Severity.Mild)]
    [InlineData(QuestionnaireKind.Phq9, 9, Severity.Mild)]
    [InlineData(QuestionnaireKind.Phq9, 10, Severity.Moderate)]
    [InlineData(QuestionnaireKind.Phq9, 14, Severity.Moderate)]
    [InlineData(QuestionnaireKind.Phq9, 15, Severity.ModeratelySevere)]
    [InlineData(QuestionnaireKind.Phq9, 19, Severity.ModeratelySevere)]
    [InlineData(QuestionnaireKind.Phq9, 20, Severity.Severe)]
    [InlineData(QuestionnaireKind.Phq9, 27, Severity.Severe)]
    [InlineData(QuestionnaireKind.Gad7, 0, Severity.Minimal)]
    [InlineData(QuestionnaireKind.Gad7, 4, Severity.Minimal)]
    [InlineData(QuestionnaireKind.Gad7, 5, Severity.Mild)]
    [InlineData(QuestionnaireKind.Gad7, 9, Severity.Mild)]
    [InlineData(QuestionnaireKind.Gad7, 10, Severity.Moderate)]
    [InlineData(QuestionnaireKind.Gad7, 14, Severity.Moderate)]
    [InlineData(QuestionnaireKind.Gad7, 15, Severity.Severe)]
    [InlineData(QuestionnaireKind.Gad7, 21, Severity.Severe)]
    public void SeverityFor_EachPublishedBandBoundary_ReturnsThatBand(QuestionnaireKind kind, int total, Severity expected) =>
        Assert.Equal(expected, QuestionnaireDefinitions.For(kind).SeverityFor(total));

    [Theory]
    [InlineData(QuestionnaireKind.Phq9, 28)]
    [InlineData(QuestionnaireKind.Gad7, 22)]
    [InlineData(QuestionnaireKind.Gad7, -1)]
    public void SeverityFor_WhenTotalIsOutOfRange_Throws(QuestionnaireKind kind, int total) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => QuestionnaireDefinitions.For(kind).SeverityFor(total));

    [Fact]
    public void Score_WhenAnItemIsMissing_Throws()
    {
        var phq9 = QuestionnaireDefinitions.For(QuestionnaireKind.Phq9);
        var answers = Enumerable.Range(1, 8).Select(i => new QuestionnaireAnswer { ItemNumber = i, Score = 1 }).ToList();

        Assert.Throws<InvalidOperationException>(() => QuestionnaireScoring.Score(phq9, answers));
    }

    [Fact]
    public void Item_TextCarriesTheStemTheItemAndTheAnswerKey()
    {
        var text = QuestionnaireTexts.Item(QuestionnaireDefinitions.For(QuestionnaireKind.Gad7), 4);

        Assert.Equal(
            "GAD-7 question 4 of 7. Over the last 2 weeks, how often have you been bothered by: Trouble relaxing? " +
            "Reply 0 not at all, 1 several days, 2 more than half the days, 3 nearly every day.",
            text);
    }

    [Theory]
    [InlineData(new[] { 12, 5 }, TrendDirection.ReliablyImproved, -7)]
    [InlineData(new[] { 12, 8 }, TrendDirection.NoReliableChange, -4)]
    [InlineData(new[] { 6, 9, 12 }, TrendDirection.ReliablyDeteriorated, 6)]
    [InlineData(new[] { 12 }, TrendDirection.NotEnoughScores, null)]
    public void ScoreTrend_ComparesLatestWithFirstAgainstReliableChange(int[] totals, TrendDirection expected, int? change)
    {
        var phq9 = QuestionnaireDefinitions.For(QuestionnaireKind.Phq9);
        var start = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var points = totals.Select((t, i) => new ScorePoint(start.AddDays(14 * i), t, phq9.SeverityFor(t), false));

        var trend = ScoreTrend.Build(phq9, points);

        Assert.Equal(expected, trend.Direction);
        Assert.Equal(change, trend.Change);
        Assert.Equal(totals[^1], trend.Latest!.Total);
        Assert.Equal(totals[^1] >= 10, trend.LatestAboveCaseness);
    }
}
