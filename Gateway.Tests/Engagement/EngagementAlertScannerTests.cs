using Buddy.Domain.CheckIns;
using Buddy.Domain.Diary;
using Buddy.Domain.Organisations;
using Buddy.Domain.Safeguarding;
using Buddy.Domain.ServiceUsers;
using Buddy.Gateway.Data;
using Buddy.Gateway.Engagement;
using Buddy.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace Buddy.Tests.Engagement;

public sealed class EngagementAlertScannerTests
{
    private static readonly DateTime s_now = new(2026, 11, 19, 21, 0, 0, DateTimeKind.Utc);
    private static readonly DateOnly s_today = new(2026, 11, 19);

    [Theory, InlineData(DatabaseProvider.Sqlite), PostgresData]
    public async Task Scan_AfterThreeLowScoresInARow_RaisesOneAlertPerStreak(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (org, person) = await SeedAsync(database);
        await AddMoodsAsync(database, person, (-4, 6), (-3, 3), (-2, 2), (-1, 1));
        var scanner = Scanner(database);

        var first = await scanner.ScanAsync(s_now);
        var again = await scanner.ScanAsync(s_now.AddHours(1));

        var alert = Assert.Single(first);
        Assert.Equal(AlertKind.LowMoodStreak, alert.Kind);
        Assert.Equal(person.Id, alert.ServiceUserId);
        Assert.Equal(org.Id, alert.OrganisationId);
        Assert.Equal("3 low scores in a row since 16 Nov (latest 1/10 on 18 Nov)", alert.Summary);
        Assert.Empty(again);

        // Acknowledged, and the same streak goes on: still no second alert.
        await AcknowledgeAllAsync(database);
        await AddMoodsAsync(database, person, (0, 2));
        Assert.Empty(await scanner.ScanAsync(s_now.AddDays(1)));

        // A better day ends the streak; three more low days are a new one.
        await AddMoodsAsync(database, person, (1, 7), (2, 3), (3, 3), (4, 0));
        var next = Assert.Single(await scanner.ScanAsync(s_now.AddDays(5)));
        Assert.Equal(AlertKind.LowMoodStreak, next.Kind);

        await using var db = database.CreateContext();
        Assert.Equal(2, await db.AuditEvents.CountAsync(a => a.Action == "alert.raised"));
    }

    [Theory]
    [InlineData(new[] { 3.0, 2.0, 5.0, 1.0 }, MoodScale.ZeroToTen, 0)] // broken by a 5
    [InlineData(new[] { 3.0, 3.0, 3.0 }, MoodScale.ZeroToTen, 1)] // 3 of 0-10 is low
    [InlineData(new[] { 4.0, 4.0, 4.0 }, MoodScale.ZeroToTen, 0)]
    [InlineData(new[] { 2.0, 2.0, 2.0 }, MoodScale.OneToFive, 1)] // 2 of 1-5 is 2.5 of 10
    [InlineData(new[] { 3.0, 3.0, 3.0 }, MoodScale.OneToFive, 0)] // 3 of 1-5 is the middle
    public async Task Scan_JudgesLowOnTheScaleTheScoreWasGivenIn(double[] scores, MoodScale scale, int expected)
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var (_, person) = await SeedAsync(database);
        await AddMoodsAsync(database, person, scale, [.. scores.Select((s, i) => (i - scores.Length, s))]);

        var raised = await Scanner(database).ScanAsync(s_now);

        Assert.Equal(expected, raised.Count);
    }

    [Fact]
    public async Task Scan_WhenTheStreakIsOld_RaisesNothing()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var (_, person) = await SeedAsync(database);
        await AddMoodsAsync(database, person, (-20, 1), (-19, 1), (-18, 1));

        Assert.Empty(await Scanner(database).ScanAsync(s_now));
    }

    [Fact]
    public async Task Scan_AfterFourUnansweredCheckIns_RaisesNoReply_IgnoringTodaysOpenOneAndSkippedDays()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var (_, person) = await SeedAsync(database);
        await AddCheckInsAsync(database, person,
            (-6, CheckInStatus.Answered), (-5, CheckInStatus.Unanswered), (-4, CheckInStatus.Unanswered), (-3, CheckInStatus.Skipped),
            (-2, CheckInStatus.Unanswered), (-1, CheckInStatus.Sent), (0, CheckInStatus.Sent));
        var scanner = Scanner(database);

        var alert = Assert.Single(await scanner.ScanAsync(s_now));

        Assert.Equal(AlertKind.NoReply, alert.Kind);
        Assert.Equal("No reply to the last 4 check-ins (since 14 Nov)", alert.Summary);
        await AcknowledgeAllAsync(database);
        Assert.Empty(await scanner.ScanAsync(s_now.AddHours(2)));
    }

    [Fact]
    public async Task Scan_WithThreeUnansweredCheckIns_RaisesNothing()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var (_, person) = await SeedAsync(database);
        await AddCheckInsAsync(database, person, (-4, CheckInStatus.Answered), (-3, CheckInStatus.Unanswered), (-2, CheckInStatus.Unanswered), (-1, CheckInStatus.Unanswered));

        Assert.Empty(await Scanner(database).ScanAsync(s_now));
    }

    [Fact]
    public async Task Scan_WhenThePersonOptedOut_RaisesNoNoReplyAlert()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var (_, person) = await SeedAsync(database, consent: ConsentState.OptedOut);
        await AddCheckInsAsync(database, person, (-4, CheckInStatus.Unanswered), (-3, CheckInStatus.Unanswered), (-2, CheckInStatus.Unanswered), (-1, CheckInStatus.Unanswered));

        Assert.Empty(await Scanner(database).ScanAsync(s_now));
    }

    [Fact]
    public async Task Scan_UsesEachOrganisationsOwnThresholds()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var (_, strict) = await SeedAsync(database, lowMoodStreak: 5);
        var (_, usual) = await SeedAsync(database);
        await AddMoodsAsync(database, strict, (-3, 1), (-2, 1), (-1, 1));
        await AddMoodsAsync(database, usual, (-3, 1), (-2, 1), (-1, 1));

        var raised = await Scanner(database).ScanAsync(s_now);

        Assert.Equal(usual.Id, Assert.Single(raised).ServiceUserId);
    }

    private static EngagementAlertScanner Scanner(TestDatabase database) =>
        new(new TestContextFactory(database), TestMetrics.Instance, NullLogger<EngagementAlertScanner>.Instance);

    private static async Task<(Organisation, ServiceUser)> SeedAsync(TestDatabase database, int lowMoodStreak = 3, ConsentState consent = ConsentState.OptedIn)
    {
        var org = new Organisation { Name = $"Org {Guid.NewGuid():N}", LowMoodStreak = lowMoodStreak, NoReplyDays = 4, CreatedAtUtc = s_now };
        var person = new ServiceUser
        {
            OrganisationId = org.Id, DisplayName = "Jo Bloggs", PhoneE164 = $"+4477009{Random.Shared.Next(10000, 99999)}", Consent = consent,
            CreatedAtUtc = s_now.AddDays(-90), UpdatedAtUtc = s_now.AddDays(-90),
        };
        await using var db = database.CreateContext();
        db.AddRange(org, person);
        await db.SaveChangesAsync();
        return (org, person);
    }

    private static Task AddMoodsAsync(TestDatabase database, ServiceUser person, params (int Day, double Score)[] moods) =>
        AddMoodsAsync(database, person, MoodScale.ZeroToTen, moods);

    private static async Task AddMoodsAsync(TestDatabase database, ServiceUser person, MoodScale scale, (int Day, double Score)[] moods)
    {
        await using var db = database.CreateContext();
        foreach (var (day, score) in moods)
        {
            var at = s_today.AddDays(day).ToDateTime(new TimeOnly(19, 30), DateTimeKind.Utc);
            db.Add(new DiaryEntry
            {
                OrganisationId = person.OrganisationId, ServiceUserId = person.Id, LocalDate = s_today.AddDays(day), MoodScore = score, MoodScale = scale,
                CreatedAtUtc = at, UpdatedAtUtc = at,
            });
        }

        await db.SaveChangesAsync();
    }

    private static async Task AddCheckInsAsync(TestDatabase database, ServiceUser person, params (int Day, CheckInStatus Status)[] checkIns)
    {
        await using var db = database.CreateContext();
        foreach (var (day, status) in checkIns)
        {
            var due = s_today.AddDays(day).ToDateTime(new TimeOnly(19, 0), DateTimeKind.Utc);
            db.Add(new CheckIn
            {
                OrganisationId = person.OrganisationId, ServiceUserId = person.Id, LocalDate = s_today.AddDays(day), DueAtUtc = due, Status = status,
                SentAtUtc = status is CheckInStatus.Skipped or CheckInStatus.Missed ? null : due,
                AnsweredAtUtc = status == CheckInStatus.Answered ? due.AddMinutes(20) : null,
            });
        }

        await db.SaveChangesAsync();
    }

    private static async Task AcknowledgeAllAsync(TestDatabase database)
    {
        await using var db = database.CreateContext();
        foreach (var alert in await db.Alerts.ToListAsync())
        {
            alert.AcknowledgedAtUtc = s_now;
        }

        await db.SaveChangesAsync();
    }
}
