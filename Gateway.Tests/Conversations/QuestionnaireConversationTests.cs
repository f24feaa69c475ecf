using Buddy.Domain.Questionnaires;
using Buddy.Domain.Safeguarding;
using Buddy.Domain.ServiceUsers;
using Buddy.Domain.Sms;
using Buddy.Domain.Validation;
using Buddy.Gateway.Data;
using Buddy.Gateway.Questionnaires;
using Buddy.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Buddy.Tests.Conversations;

/// <summary>PHQ-9 and GAD-7 entirely by text, through /sms/inbound with a fake clock.</summary>
public sealed class QuestionnaireConversationTests
{
    // Tuesday 24 November 2026, 10:00 in London: outside quiet hours, so the first item goes at once.
    private static readonly DateTime s_start = new(2026, 11, 24, 10, 0, 0, DateTimeKind.Utc);

    public static TheoryData<string, int, Severity> Phq9Patterns => new()
    {
        { "0,0,0,0,0,0,0,0,0", 0, Severity.Minimal },
        { "1,1,1,1,0,0,0,0,0", 4, Severity.Minimal },
        { "1,1,1,1,1,0,0,0,0", 5, Severity.Mild },
        { "2,2,2,1,1,1,0,0,0", 9, Severity.Mild },
        { "2,2,2,2,1,1,0,0,0", 10, Severity.Moderate },
        { "3,3,2,2,2,2,0,0,0", 14, Severity.Moderate },
        { "3,3,3,2,2,2,0,0,0", 15, Severity.ModeratelySevere },
        { "3,3,3,3,3,2,2,0,0", 19, Severity.ModeratelySevere },
        { "3,3,3,3,3,3,2,0,0", 20, Severity.Severe },
        { "3,3,3,3,3,3,3,3,3", 27, Severity.Severe },
    };

    /// <summary>The answers are texted the way people write them: digits and the usual words, mixed.</summary>
    private static readonly string[][] s_ways =
    [
        ["0", "not at all", "none"],
        ["1", "several days", "Several days."],
        ["2", "more than half the days", "most days"],
        ["3", "nearly every day", "every day"],
    ];

    [Theory, MemberData(nameof(Phq9Patterns))]
    public async Task Phq9_AnsweredByText_IsScoredWithThePublishedBands(string pattern, int expectedTotal, Severity expectedSeverity)
    {
        await using var gateway = await CycleGateway.StartAsync(DatabaseProvider.Sqlite, s_start);
        var person = await gateway.AddPersonAsync(checkInTime: new TimeOnly(19, 0));
        var run = await SendAsync(gateway, person, QuestionnaireKind.Phq9);
        var opening = Assert.Single(await gateway.TextsToAsync(person));
        Assert.Equal(OutboundKind.Questionnaire, opening.Kind);
        Assert.EndsWith(
            "PHQ-9 question 1 of 9. Over the last 2 weeks, how often have you been bothered by: Little interest or pleasure in doing things? " +
            "Reply 0 not at all, 1 several days, 2 more than half the days, 3 nearly every day.", opening.Body, StringComparison.Ordinal);

        var scores = pattern.Split(',').Select(int.Parse).ToArray();
        for (var item = 1; item <= 9; item++)
        {
            gateway.Advance(TimeSpan.FromMinutes(2));
            var reply = await gateway.TextAsync(person, s_ways[scores[item - 1]][item % 3]);
            Assert.Equal(item == 9 ? "PHQ-9 completed" : $"PHQ-9 item {item} answered", reply.Outcome);
            if (item < 9)
            {
                var next = Assert.Single(await gateway.TextsToAsync(person), t => t.Kind == OutboundKind.Questionnaire);
                Assert.StartsWith($"PHQ-9 question {item + 1} of 9.", next.Body, StringComparison.Ordinal);
            }
        }

        await using var db = gateway.Database.CreateContext();
        var done = await db.QuestionnaireRuns.SingleAsync(r => r.Id == run.Id);
        Assert.Equal(QuestionnaireStatus.Completed, done.Status);
        Assert.Equal(expectedTotal, done.TotalScore);
        Assert.Equal(expectedSeverity, done.Severity);
        Assert.Equal(scores, (await db.QuestionnaireAnswers.Where(a => a.RunId == run.Id).OrderBy(a => a.ItemNumber).ToListAsync()).Select(a => a.Score));
        Assert.Equal(scores[8] > 0, done.RiskFlagged);

        var overview = await gateway.WithServiceAsync((QuestionnaireQueries q) => q.GetOverviewAsync(person.OrganisationId, person.Id, s_start, gateway.NowUtc.AddMinutes(1), default));
        var latest = Assert.Single(overview.Trends).Latest!;
        Assert.Equal((expectedTotal, expectedSeverity), (latest.Total, latest.Severity));
    }

    [Theory, InlineData(DatabaseProvider.Sqlite), PostgresData]
    public async Task Phq9_Item9AnsweredOne_RaisesTheSafeguardingAlertAndSendsTheCrisisText(DatabaseProvider provider)
    {
        await using var gateway = await CycleGateway.StartAsync(provider, s_start);
        var person = await gateway.AddPersonAsync(checkInTime: new TimeOnly(19, 0));
        var run = await SendAsync(gateway, person, QuestionnaireKind.Phq9);
        for (var item = 1; item <= 8; item++)
        {
            await gateway.TextAsync(person, "0");
        }

        await gateway.TextsToAsync(person);
        var reply = await gateway.TextAsync(person, "1");

        await using var db = gateway.Database.CreateContext();
        var alert = await db.Alerts.SingleAsync(a => a.ServiceUserId == person.Id);
        Assert.Equal((AlertKind.Safeguarding, RiskLevel.High), (alert.Kind, alert.Severity));
        Assert.Equal(reply.Id, alert.InboundMessageId);
        Assert.Contains("PHQ-9 item 9", alert.Summary, StringComparison.Ordinal);
        var toPerson = Assert.Single(await gateway.TextsToAsync(person));
        Assert.Equal(OutboundKind.Crisis, toPerson.Kind);
        Assert.Equal(DefaultCrisis, toPerson.Body);
        var staff = await db.OutboundMessages.Where(m => m.Kind == OutboundKind.SafeguardingAlert).Select(m => m.ToPhone).OrderBy(p => p).ToListAsync();
        Assert.Equal(["+447700900998", "+447700900999"], staff);
        Assert.True(await db.AuditEvents.AnyAsync(e => e.ServiceUserId == person.Id && e.Action == "safeguarding.escalated"));
        var done = await db.QuestionnaireRuns.SingleAsync(r => r.Id == run.Id);
        Assert.Equal((QuestionnaireStatus.Completed, 1, true), (done.Status, done.TotalScore, done.RiskFlagged));
    }

    [Fact]
    public async Task Phq9_Item9AnsweredWithRiskyWords_EscalatesOnceThroughTheSamePath()
    {
        await using var gateway = await CycleGateway.StartAsync(DatabaseProvider.Sqlite, s_start);
        var person = await gateway.AddPersonAsync(checkInTime: new TimeOnly(19, 0));
        var run = await SendAsync(gateway, person, QuestionnaireKind.Phq9);
        for (var item = 1; item <= 8; item++)
        {
            await gateway.TextAsync(person, "2");
        }

        var reply = await gateway.TextAsync(person, "3 i want to die");

        Assert.Equal("PHQ-9 completed", reply.Outcome);
        await using var db = gateway.Database.CreateContext();
        var alert = await db.Alerts.SingleAsync(a => a.ServiceUserId == person.Id);
        Assert.Equal(RiskLevel.High, alert.Severity);
        Assert.Contains("PHQ-9 item 9", alert.Summary, StringComparison.Ordinal);
        Assert.Single(await db.OutboundMessages.Where(m => m.ServiceUserId == person.Id && m.Kind == OutboundKind.Crisis).ToListAsync());
        Assert.Equal(2, await db.OutboundMessages.CountAsync(m => m.Kind == OutboundKind.SafeguardingAlert));
        var done = await db.QuestionnaireRuns.SingleAsync(r => r.Id == run.Id);
        Assert.Equal((QuestionnaireStatus.Completed, 19, Severity.ModeratelySevere, true), (done.Status, done.TotalScore, done.Severity!.Value, done.RiskFlagged));
    }

    [Theory, InlineData(DatabaseProvider.Sqlite), PostgresData]
    public async Task Stop_MidQuestionnaire_CancelsIt_AndNothingMoreIsAskedOrRecorded(DatabaseProvider provider)
    {
        await using var gateway = await CycleGateway.StartAsync(provider, s_start);
        var person = await gateway.AddPersonAsync(checkInTime: new TimeOnly(19, 0));
        var run = await SendAsync(gateway, person, QuestionnaireKind.Phq9);
        await gateway.TextAsync(person, "2");
        await gateway.TextAsync(person, "1");

        gateway.Advance(TimeSpan.FromMinutes(1));
        var stop = await gateway.TextAsync(person, "STOP");
        var stoppedAt = gateway.NowUtc;
        gateway.Advance(TimeSpan.FromMinutes(1));
        var after = await gateway.TextAsync(person, "3");

        Assert.Contains("opted out", stop.Outcome, StringComparison.Ordinal);
        Assert.DoesNotContain("PHQ-9", after.Outcome ?? "", StringComparison.Ordinal);
        await using var db = gateway.Database.CreateContext();
        var cancelled = await db.QuestionnaireRuns.SingleAsync(r => r.Id == run.Id);
        Assert.Equal((QuestionnaireStatus.Cancelled, "opted out", 3), (cancelled.Status, cancelled.CloseReason, cancelled.CurrentItem));
        Assert.Equal(2, await db.QuestionnaireAnswers.CountAsync(a => a.RunId == run.Id));
        Assert.Equal(ConsentState.OptedOut, (await db.ServiceUsers.SingleAsync(s => s.Id == person.Id)).Consent);
        var texts = await db.OutboundMessages.Where(m => m.ServiceUserId == person.Id).ToListAsync();
        Assert.DoesNotContain(texts, t => t.Kind == OutboundKind.Questionnaire && t.CreatedAtUtc >= stoppedAt);
        Assert.DoesNotContain(texts, t => t.Kind == OutboundKind.Questionnaire && t.Status == OutboundStatus.Pending);
        Assert.Single(texts, t => t.Kind == OutboundKind.OptOutConfirmation);

        // Nothing starts again while opted out, on demand or scheduled.
        var refused = await gateway.WithServiceAsync((QuestionnaireService q) => q.SendNowAsync(person.OrganisationId, person.Id, QuestionnaireKind.Gad7, person.TherapistId, default));
        Assert.Equal(ChangeOutcome.Refused, refused.Outcome);
    }

    [Theory, InlineData(DatabaseProvider.Sqlite), PostgresData]
    public async Task Gad7_AbandonedHalfWay_ResumesWithinTheExpiry_ThenExpiresUnscored(DatabaseProvider provider)
    {
        await using var gateway = await CycleGateway.StartAsync(provider, s_start);
        var person = await gateway.AddPersonAsync(checkInTime: new TimeOnly(19, 0));
        var run = await SendAsync(gateway, person, QuestionnaireKind.Gad7);
        await gateway.TextAsync(person, "1");
        await gateway.TextAsync(person, "2");

        // Unclear: asked again once, politely, with the same item.
        var unclear = await gateway.TextAsync(person, "hmm not sure");
        Assert.Equal("GAD-7 item 3: unclear, asked again", unclear.Outcome);
        // Texts queued in one instant of the fake clock have no order between them, so the re-ask is found by its words.
        await using (var sent = gateway.Database.CreateContext())
        {
            var texts = await sent.OutboundMessages.Where(m => m.ServiceUserId == person.Id).Select(m => m.Body).ToListAsync();
            var reask = Assert.Single(texts, b => b.StartsWith("Sorry, I didn't understand that.", StringComparison.Ordinal));
            Assert.StartsWith("Sorry, I didn't understand that. Please reply with one number from 0 to 3. GAD-7 question 3 of 7.", reask, StringComparison.Ordinal);
        }

        // Stops for a day, then carries on where they left off.
        gateway.Advance(TimeSpan.FromHours(20));
        Assert.Equal("GAD-7 item 3 answered", (await gateway.TextAsync(person, "several days")).Outcome);

        gateway.AdvanceTo(run.ExpiresAtUtc.AddMinutes(-1));
        Assert.Equal(0, (await gateway.RunDueWorkAsync()).Expired);
        gateway.AdvanceTo(run.ExpiresAtUtc);
        Assert.Equal(1, (await gateway.RunDueWorkAsync()).Expired);

        var late = await gateway.TextAsync(person, "2");
        Assert.DoesNotContain("GAD-7", late.Outcome ?? "", StringComparison.Ordinal);
        await using var db = gateway.Database.CreateContext();
        var expired = await db.QuestionnaireRuns.SingleAsync(r => r.Id == run.Id);
        Assert.Equal((QuestionnaireStatus.Expired, (int?)null), (expired.Status, expired.TotalScore));
        Assert.Equal(3, await db.QuestionnaireAnswers.CountAsync(a => a.RunId == run.Id));
        Assert.Equal(s_start.AddHours(48), expired.ExpiresAtUtc);
        var overview = await gateway.WithServiceAsync((QuestionnaireQueries q) => q.GetOverviewAsync(person.OrganisationId, person.Id, s_start, gateway.NowUtc, default));
        var unfinished = Assert.Single(overview.Unfinished);
        Assert.Equal((QuestionnaireStatus.Expired, 3, 7), (unfinished.Status, unfinished.Answered, unfinished.ItemCount));
        Assert.Empty(overview.Trends);
    }

    [Theory, InlineData(DatabaseProvider.Sqlite), PostgresData]
    public async Task CheckInReply_WhileAnItemWaits_IsRecordedInTheDiary_ThenTheItemIsAskedAgainKindly(DatabaseProvider provider)
    {
        await using var gateway = await CycleGateway.StartAsync(provider, s_start);
        var person = await gateway.AddPersonAsync(checkInTime: new TimeOnly(19, 0));

        // The day's check-in went a few minutes before the questionnaire (as in the README's demo), so the questionnaire is the newer question.
        var checkIn = new Domain.CheckIns.CheckIn
        {
            OrganisationId = person.OrganisationId, ServiceUserId = person.Id, LocalDate = new DateOnly(2026, 11, 24),
            DueAtUtc = s_start.AddMinutes(-5), SentAtUtc = s_start.AddMinutes(-5), Status = Domain.CheckIns.CheckInStatus.Sent,
        };
        await using (var db = gateway.Database.CreateContext())
        {
            db.CheckIns.Add(checkIn);
            await db.SaveChangesAsync();
        }

        var run = await SendAsync(gateway, person, QuestionnaireKind.Phq9);
        gateway.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal("PHQ-9 item 1 answered", (await gateway.TextAsync(person, "1")).Outcome);
        await gateway.TextsToAsync(person);

        gateway.Advance(TimeSpan.FromMinutes(3));
        var diaryReply = await gateway.TextAsync(person, "7 went swimming");

        Assert.StartsWith("PHQ-9 item 2: a check-in reply, kept in the diary; item asked again", diaryReply.Outcome, StringComparison.Ordinal);
        var again = Assert.Single(await gateway.TextsToAsync(person));
        Assert.Equal(OutboundKind.Questionnaire, again.Kind);
        Assert.StartsWith("Thanks, that's in your diary. When you're ready, back to your questionnaire: PHQ-9 question 2 of 9.", again.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("didn't understand", again.Body, StringComparison.Ordinal);
        await using (var db = gateway.Database.CreateContext())
        {
            var entry = await db.DiaryEntries.SingleAsync(e => e.ServiceUserId == person.Id);
            Assert.Equal((7.0, "went swimming", (Guid?)checkIn.Id, entry.Id), (entry.MoodScore!.Value, entry.EventText, entry.CheckInId, diaryReply.DiaryEntryId!.Value));
            Assert.Equal(Domain.CheckIns.CheckInStatus.Answered, (await db.CheckIns.SingleAsync(c => c.Id == checkIn.Id)).Status);
            var waiting = await db.QuestionnaireRuns.SingleAsync(r => r.Id == run.Id);
            Assert.Equal((QuestionnaireStatus.InProgress, 2, false), (waiting.Status, waiting.CurrentItem, waiting.CurrentItemReasked));
            Assert.Equal(1, await db.QuestionnaireAnswers.CountAsync(a => a.RunId == run.Id));
        }

        // The questionnaire carries on where it was, and an unclear answer still gets its one polite re-ask.
        gateway.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal("PHQ-9 item 2 answered", (await gateway.TextAsync(person, "several days")).Outcome);
        Assert.Equal("PHQ-9 item 3: unclear, asked again", (await gateway.TextAsync(person, "hmm")).Outcome);
    }

    [Fact]
    public async Task ScheduledQuestionnaire_StartsOnItsDayOnce_AndNextComesNWeeksLater()
    {
        await using var gateway = await CycleGateway.StartAsync(DatabaseProvider.Sqlite, s_start);
        var person = await gateway.AddPersonAsync(checkInTime: new TimeOnly(19, 0));
        var schedule = await gateway.WithServiceAsync((QuestionnaireService q) => q.ScheduleAsync(
            person.OrganisationId, person.Id, QuestionnaireKind.Gad7, 2, new DateOnly(2026, 11, 25), new TimeOnly(17, 30), person.TherapistId, default).SavedAsync());

        gateway.AdvanceTo(new DateTime(2026, 11, 25, 17, 29, 0, DateTimeKind.Utc));
        Assert.Equal(0, (await gateway.RunDueWorkAsync()).Questionnaires);
        gateway.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(1, (await gateway.RunDueWorkAsync()).Questionnaires);
        Assert.Equal(0, (await gateway.RunDueWorkAsync()).Questionnaires);

        var opening = Assert.Single(await gateway.TextsToAsync(person));
        Assert.Equal($"qs:{schedule.Id}:2026-11-25", opening.DedupeKey);
        await using var db = gateway.Database.CreateContext();
        Assert.Equal(new DateTime(2026, 12, 9, 17, 30, 0, DateTimeKind.Utc), (await db.QuestionnaireSchedules.SingleAsync()).NextDueAtUtc);
        Assert.Equal(QuestionnaireSource.Scheduled, (await db.QuestionnaireRuns.SingleAsync()).Source);
    }

    [Fact]
    public async Task SendNow_InQuietHours_WaitsUntilTheyEnd()
    {
        await using var gateway = await CycleGateway.StartAsync(DatabaseProvider.Sqlite, new DateTime(2026, 11, 24, 23, 15, 0, DateTimeKind.Utc));
        var person = await gateway.AddPersonAsync(checkInTime: new TimeOnly(19, 0));

        var run = await SendAsync(gateway, person, QuestionnaireKind.Phq9);

        var opening = Assert.Single(await gateway.TextsToAsync(person));
        Assert.Equal(new DateTime(2026, 11, 25, 7, 0, 0, DateTimeKind.Utc), opening.NotBeforeUtc);
        Assert.Equal(opening.NotBeforeUtc.AddHours(48), run.ExpiresAtUtc);
    }

    private const string DefaultCrisis = Domain.Organisations.DefaultTexts.Crisis;

    private static Task<QuestionnaireRun> SendAsync(CycleGateway gateway, Person person, QuestionnaireKind kind) =>
        gateway.WithServiceAsync((QuestionnaireService q) => q.SendNowAsync(person.OrganisationId, person.Id, kind, person.TherapistId, default).SavedAsync());
}
