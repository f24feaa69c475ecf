using System.Globalization;
using Buddy.Domain.CheckIns;
using Buddy.Domain.Diary;
using Buddy.Domain.Organisations;
using Buddy.Domain.Safeguarding;
using Buddy.Domain.Sms;
using Buddy.Domain.Summaries;

namespace Buddy.Tests.Summaries;

public sealed class SummaryBuilderTests
{
    private static readonly DateOnly s_today = new(2026, 11, 19);
    private static readonly DateRange s_week = new(new DateOnly(2026, 11, 13), s_today);

    [Fact]
    public void Build_WhenDaysHaveNoScore_LeavesGapsNotZeros()
    {
        var summary = Build(s_week, Entries(("2026-11-13", 6), ("2026-11-15", 4), ("2026-11-16", null)));

        Assert.Equal(7, summary.Mood.Count);
        Assert.Equal([6.0, null, 4.0, null, null, null, null], summary.Mood.Select(d => d.TenPoint));
        Assert.Equal(5.0, summary.Average);
        Assert.Equal(4.0, summary.Low);
        Assert.Equal(6.0, summary.High);
    }

    [Theory]
    [InlineData(MoodScale.OneToFive, new[] { 2.0, 4.0, 3.0 }, MoodScale.OneToFive, 3.0, 2.0, 4.0)]
    [InlineData(MoodScale.OneToTen, new[] { 1.0, 10.0 }, MoodScale.OneToTen, 5.5, 1.0, 10.0)]
    [InlineData(MoodScale.ZeroToTen, new[] { 0.0, 10.0, 5.0 }, MoodScale.ZeroToTen, 5.0, 0.0, 10.0)]
    public void Build_WhenEntriesShareAScale_ShowsStatsInThatScale(MoodScale scale, double[] scores, MoodScale expectedScale, double average, double low, double high)
    {
        var entries = scores.Select((s, i) => Entry(s_week.From.AddDays(i), s, scale)).ToList();

        var summary = Build(s_week, entries);

        Assert.Equal(expectedScale, summary.StatsScale);
        Assert.Equal(average, summary.Average!.Value, 6);
        Assert.Equal(low, summary.Low!.Value, 6);
        Assert.Equal(high, summary.High!.Value, 6);
    }

    [Fact]
    public void Build_WhenScalesAreMixed_ComparesOnTheTenPointScale_AndShowsEachScoreInItsOwn()
    {
        var summary = Build(s_week, [Entry(s_week.From, 5, MoodScale.OneToFive), Entry(s_week.From.AddDays(1), 4, MoodScale.ZeroToTen)]);

        Assert.Equal(MoodScale.ZeroToTen, summary.StatsScale);
        Assert.Equal(10.0, summary.Mood[0].TenPoint);
        Assert.Equal("5/5", summary.Mood[0].Display);
        Assert.Equal(7.0, summary.Average);
        Assert.Equal("5/5", summary.Diary[0].MoodDisplay);
    }

    [Fact]
    public void Build_WhenADayHasTwoScores_CountsTheDayOnceAtTheirMean()
    {
        var summary = Build(s_week, [Entry(s_week.From, 2), Entry(s_week.From, 6), Entry(s_week.From.AddDays(1), 8)]);

        Assert.Equal(4.0, summary.Mood[0].TenPoint);
        Assert.Equal("2/10, 6/10", summary.Mood[0].Display);
        Assert.Equal(6.0, summary.Average);
    }

    [Theory]
    [InlineData(new double[] { 5, 5, 5 }, new double[] { 7, 7, 7 }, MoodTrend.Improving, 2.0)]
    [InlineData(new double[] { 7, 7, 7 }, new double[] { 4, 4, 5 }, MoodTrend.Worsening, -2.6667)]
    [InlineData(new double[] { 5, 6, 5.5 }, new double[] { 5, 6.5, 5.75 }, MoodTrend.Steady, 0.25)]
    [InlineData(new double[] { }, new double[] { 5, 6 }, MoodTrend.Unknown, null)]
    [InlineData(new double[] { 5, 6 }, new double[] { }, MoodTrend.Unknown, null)]
    [InlineData(new double[] { 4, 4, 4 }, new double[] { 4.5, 5.1 }, MoodTrend.Unknown, null)]
    [InlineData(new double[] { 4 }, new double[] { 7, 7, 7 }, MoodTrend.Unknown, null)]
    public void Build_ComparesTheAverageWithThePreviousPeriodOfEqualLength(double[] previous, double[] current, MoodTrend trend, double? delta)
    {
        // A trend needs three scored days on each side: two scores are not "improving".
        var before = s_week.Previous();
        var entries = previous.Select((s, i) => Entry(before.From.AddDays(i), s))
            .Concat(current.Select((s, i) => Entry(s_week.From.AddDays(i), s)))
            .ToList();

        var summary = Build(s_week, entries);

        Assert.Equal(new DateRange(new DateOnly(2026, 11, 6), new DateOnly(2026, 11, 12)), before);
        Assert.Equal(trend, summary.Trend);
        Assert.Equal((current.Length, previous.Length, 3), (summary.ScoredDays, summary.PreviousScoredDays, summary.MinimumTrendScores));
        if (delta is null)
        {
            Assert.Null(summary.TrendDelta);
        }
        else
        {
            Assert.Equal(delta.Value, summary.TrendDelta!.Value, 3);
        }
    }

    [Fact]
    public void Build_CountsRepliesToSentCheckIns_IgnoringUnsentOnesAndTodaysOpenOne()
    {
        var checkIns = new[]
        {
            CheckIn("2026-11-13", CheckInStatus.Answered),
            CheckIn("2026-11-14", CheckInStatus.Unanswered),
            CheckIn("2026-11-15", CheckInStatus.Skipped),
            CheckIn("2026-11-16", CheckInStatus.Missed),
            CheckIn("2026-11-17", CheckInStatus.Sent), // the window closed without a status change: still silence
            CheckIn("2026-11-18", CheckInStatus.Answered),
            CheckIn("2026-11-19", CheckInStatus.Sent), // today: may still be answered
            CheckIn("2026-11-12", CheckInStatus.Unanswered), // before the period
        };

        var summary = Build(s_week, [], checkIns);

        Assert.Equal(4, summary.Replies.Sent);
        Assert.Equal(2, summary.Replies.Answered);
        Assert.Equal(0.5, summary.Replies.Rate);
        Assert.Equal([new DateOnly(2026, 11, 14), new DateOnly(2026, 11, 17)], summary.Replies.DaysWithoutReply);
    }

    [Fact]
    public void Build_WhenNothingWasSent_HasNoReplyRate()
    {
        Assert.Null(Build(s_week, []).Replies.Rate);
    }

    [Fact]
    public void Build_ListsTagsThatRecur_CaseInsensitively_MostFrequentFirst()
    {
        var entries = new[]
        {
            Entry(s_week.From, 5, tags: ["College", "sleep"]),
            Entry(s_week.From.AddDays(1), 5, tags: ["college", "family"]),
            Entry(s_week.From.AddDays(2), 5, tags: ["sleep", "college", "college"]),
            Entry(s_week.From.AddDays(-3), 5, tags: ["family"]), // outside the period
        };

        var summary = Build(s_week, entries);

        Assert.Equal([new TagCount("college", 3), new TagCount("sleep", 2)], summary.RecurringTags);
    }

    [Fact]
    public void Build_NotesLowestAndHighestDays_RiskFlagsAndAlertsInThePeriod()
    {
        var risky = Entry(new DateOnly(2026, 11, 15), 3, text: "want to hurt myself", risk: RiskLevel.High);
        var entries = new[] { Entry(s_week.From, 6, text: "football"), risky, Entry(new DateOnly(2026, 11, 17), 9, text: "passed exam") };
        var alerts = new[]
        {
            // 00:30 UTC on 16 November is still 15 November in New York.
            new Alert { Kind = AlertKind.Safeguarding, Summary = "Reply mentions self-harm", CreatedAtUtc = new DateTime(2026, 11, 16, 0, 30, 0, DateTimeKind.Utc), DiaryEntryId = risky.Id },
            new Alert { Kind = AlertKind.NoReply, Summary = "Old", CreatedAtUtc = new DateTime(2026, 11, 1, 12, 0, 0, DateTimeKind.Utc) },
        };

        var summary = SummaryBuilder.Build(Input(s_week, entries) with { Alerts = alerts, TimeZoneId = "America/New_York" });

        Assert.Equal(
            [
                (new DateOnly(2026, 11, 15), NotableKind.LowestMood),
                (new DateOnly(2026, 11, 15), NotableKind.RiskFlag),
                (new DateOnly(2026, 11, 15), NotableKind.Alert),
                (new DateOnly(2026, 11, 17), NotableKind.HighestMood),
            ],
            summary.NotableEvents.Select(e => (e.Date, e.Kind)));
        Assert.Contains("want to hurt myself", summary.NotableEvents[0].Text, StringComparison.Ordinal);
        Assert.Equal(risky.Id, summary.NotableEvents[1].DiaryEntryId);
        Assert.Equal("Safeguarding: Reply mentions self-harm", summary.NotableEvents[2].Text);
    }

    [Theory]
    [InlineData(MoodScale.ZeroToTen, 7.0, 5.0, 2.0, true)]
    [InlineData(MoodScale.ZeroToTen, 7.0, 5.5, 2.0, false)]
    [InlineData(MoodScale.ZeroToTen, 7.0, 4.0, 2.5, true)]
    [InlineData(MoodScale.ZeroToTen, 5.0, 7.0, 2.0, false)]
    public void Build_FlagsDeteriorationAgainstThePersonsOwnBaseline(MoodScale scale, double baseline, double now, double threshold, bool flagged)
    {
        var entries = Enumerable.Range(1, 28).Select(d => Entry(s_week.From.AddDays(-d), baseline, scale))
            .Concat(Enumerable.Range(0, 7).Select(d => Entry(s_week.From.AddDays(d), now, scale)))
            .ToList();

        var summary = SummaryBuilder.Build(Input(s_week, entries) with { DeteriorationDrop = threshold, OrganisationScale = scale });

        Assert.Equal(flagged, summary.Deterioration.Flagged);
        Assert.Equal(baseline - now, summary.Deterioration.Drop!.Value, 6);
        Assert.Equal(baseline, summary.Deterioration.BaselineAverage!.Value, 6);
    }

    [Fact]
    public void Build_MeasuresTheDropInTheOrganisationsScale()
    {
        // Baseline 8/10, now 4/10: a drop of 4 points of ten is 1.6 points of a 1-5 scale.
        var entries = Enumerable.Range(1, 10).Select(d => Entry(s_week.From.AddDays(-d), 8))
            .Concat(Enumerable.Range(0, 5).Select(d => Entry(s_week.From.AddDays(d), 4)))
            .ToList();

        var summary = SummaryBuilder.Build(Input(s_week, entries) with { OrganisationScale = MoodScale.OneToFive, DeteriorationDrop = 1.5 });

        Assert.Equal(1.6, summary.Deterioration.Drop!.Value, 6);
        Assert.True(summary.Deterioration.Flagged);
    }

    [Theory]
    [InlineData(4, 7)] // too little baseline
    [InlineData(28, 2)] // too few scores this period
    public void Build_WithTooFewScores_DoesNotJudgeDeterioration(int baselineDays, int periodDays)
    {
        var entries = Enumerable.Range(1, baselineDays).Select(d => Entry(s_week.From.AddDays(-d), 9))
            .Concat(Enumerable.Range(0, periodDays).Select(d => Entry(s_week.From.AddDays(d), 1)))
            .ToList();

        var summary = Build(s_week, entries);

        Assert.False(summary.Deterioration.Flagged);
        Assert.Null(summary.Deterioration.Drop);
    }

    [Fact]
    public void Build_KeepsTheDiaryVerbatim_InOrder_WithTheRawTextsBehindEachEntry()
    {
        var first = Entry(s_week.From, 6, text: "went to college");
        var note = Entry(s_week.From, null, text: "also saw my nan", kind: DiaryEntryKind.Note, createdOffsetMinutes: 90);
        var later = Entry(s_week.From.AddDays(2), 3, text: "bad day");
        var replies = new[]
        {
            Reply(first.Id, "6 went to", 1), Reply(first.Id, "college", 2), Reply(later.Id, "3 bad day", 3), Reply(null, "unrelated", 4),
        };

        var summary = SummaryBuilder.Build(Input(s_week, [later, note, first]) with { Replies = replies });

        Assert.Equal(["went to college", "also saw my nan", "bad day"], summary.Diary.Select(l => l.Entry.EventText));
        Assert.Equal(["6 went to", "college"], summary.Diary[0].RawReplies.Select(r => r.Body));
        Assert.Null(summary.Diary[1].MoodDisplay);
        Assert.Equal(["3 bad day"], summary.Diary[2].RawReplies.Select(r => r.Body));
    }

    [Theory]
    [InlineData("2026-11-05", "2026-11-19", "2026-01-01", "2026-11-05")] // since the last session
    [InlineData(null, "2026-11-19", "2026-01-01", "2026-10-23")] // no session: the last 28 days
    [InlineData(null, "2026-11-19", "2026-11-10", "2026-11-10")] // ...but not before the person joined
    [InlineData("2026-11-25", "2026-11-19", "2026-01-01", "2026-10-23")] // a "last" session in the future is ignored
    public void SinceLastSession_ChoosesTheDefaultPeriod(string? lastSession, string today, string joined, string expectedFrom)
    {
        var range = DateRange.SinceLastSession(lastSession is null ? null : DateOnly.Parse(lastSession, CultureInfo.InvariantCulture), DateOnly.Parse(today, CultureInfo.InvariantCulture), DateOnly.Parse(joined, CultureInfo.InvariantCulture));

        Assert.Equal(DateOnly.Parse(expectedFrom, CultureInfo.InvariantCulture), range.From);
        Assert.Equal(DateOnly.Parse(today, CultureInfo.InvariantCulture), range.To);
    }

    private static SessionSummary Build(DateRange period, IReadOnlyList<DiaryEntry> entries, IReadOnlyList<CheckIn>? checkIns = null) =>
        SummaryBuilder.Build(Input(period, entries) with { CheckIns = checkIns ?? [] });

    private static SummaryInput Input(DateRange period, IReadOnlyList<DiaryEntry> entries) => new()
    {
        Period = period,
        Today = s_today,
        OrganisationScale = MoodScale.ZeroToTen,
        DeteriorationDrop = 2.0,
        Entries = entries,
    };

    private static List<DiaryEntry> Entries(params (string Date, double? Score)[] days) =>
        [.. days.Select(d => Entry(DateOnly.Parse(d.Date, CultureInfo.InvariantCulture), d.Score))];

    private static DiaryEntry Entry(
        DateOnly date, double? score, MoodScale scale = MoodScale.ZeroToTen, string text = "", List<string>? tags = null,
        RiskLevel risk = RiskLevel.None, DiaryEntryKind kind = DiaryEntryKind.CheckInReply, int createdOffsetMinutes = 0) =>
        new()
        {
            LocalDate = date, MoodScore = score, MoodScale = scale, EventText = text, Tags = tags ?? [], RiskLevel = risk, Kind = kind,
            CreatedAtUtc = date.ToDateTime(new TimeOnly(19, 30), DateTimeKind.Utc).AddMinutes(createdOffsetMinutes),
        };

    private static CheckIn CheckIn(string date, CheckInStatus status) => new() { LocalDate = DateOnly.Parse(date, CultureInfo.InvariantCulture), Status = status };

    private static InboundMessage Reply(Guid? entryId, string body, int minute) => new()
    {
        ProviderMessageId = $"SM{minute}", FromPhone = "+447700900001", ToPhone = "+447700900999", Body = body, DiaryEntryId = entryId,
        ReceivedAtUtc = new DateTime(2026, 11, 13, 19, minute, 0, DateTimeKind.Utc),
    };
}
