using Buddy.Domain.CheckIns;
using Buddy.Domain.Diary;
using Buddy.Domain.Organisations;
using Buddy.Domain.Safeguarding;
using Buddy.Gateway.Data;
using Buddy.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Buddy.Tests.Replies;

/// <summary>Replies becoming diary entries, on a real database (both engines where queries matter).</summary>
public sealed class DiaryReplyHandlerTests
{
    // 19:00 in London on 10 March 2026 (GMT, so 19:00 UTC).
    private static readonly DateOnly s_day = new(2026, 3, 10);
    private static readonly DateTime s_sent = new(2026, 3, 10, 19, 0, 0, DateTimeKind.Utc);

    [Theory, InlineData(DatabaseProvider.Sqlite), PostgresData]
    public async Task Reply_WithinTheWindow_BecomesTheCheckInsEntryAndMarksItAnswered(DatabaseProvider provider)
    {
        await using var scenario = await ReplyScenario.CreateAsync(provider);
        var checkIn = await scenario.AddCheckInAsync(s_day, s_sent);

        var message = await scenario.ReceiveAsync("6 went to college, argued with mum", s_sent.AddMinutes(20));

        await using var db = scenario.CreateContext();
        var entry = await db.DiaryEntries.SingleAsync();
        Assert.Equal(checkIn.Id, entry.CheckInId);
        Assert.Equal(s_day, entry.LocalDate);
        Assert.Equal(DiaryEntryKind.CheckInReply, entry.Kind);
        Assert.Equal(6, entry.MoodScore);
        Assert.Equal(MoodScale.ZeroToTen, entry.MoodScale);
        Assert.Equal("went to college, argued with mum", entry.EventText);
        Assert.Equal(["school", "family"], entry.Tags);
        Assert.Equal(RiskLevel.None, entry.RiskLevel);

        var stored = await db.InboundMessages.SingleAsync(m => m.Id == message.Id);
        Assert.Equal(entry.Id, stored.DiaryEntryId);
        Assert.Equal("diary reply", stored.Outcome);
        var answered = await db.CheckIns.SingleAsync();
        Assert.Equal(CheckInStatus.Answered, answered.Status);
        Assert.Equal(s_sent.AddMinutes(20), answered.AnsweredAtUtc);
    }

    [Theory, InlineData(DatabaseProvider.Sqlite), PostgresData]
    public async Task Reply_AfterMidnight_BelongsToYesterdaysCheckIn(DatabaseProvider provider)
    {
        await using var scenario = await ReplyScenario.CreateAsync(provider);
        await scenario.AddCheckInAsync(s_day, s_sent);

        await scenario.ReceiveAsync("4 sorry late, couldnt sleep", new DateTime(2026, 3, 11, 0, 40, 0, DateTimeKind.Utc));

        await using var db = scenario.CreateContext();
        var entry = await db.DiaryEntries.SingleAsync();
        Assert.Equal(s_day, entry.LocalDate);
        Assert.Equal(DiaryEntryKind.CheckInReply, entry.Kind);
        Assert.Equal(4, entry.MoodScore);
    }

    [Theory, InlineData(DatabaseProvider.Sqlite), PostgresData]
    public async Task SeveralTexts_InTheWindow_MergeIntoOneEntry(DatabaseProvider provider)
    {
        await using var scenario = await ReplyScenario.CreateAsync(provider);
        await scenario.AddCheckInAsync(s_day, s_sent);

        await scenario.ReceiveAsync("7 went to the gym", s_sent.AddMinutes(5));
        await scenario.ReceiveAsync("then saw my mates", s_sent.AddMinutes(6));
        await scenario.ReceiveAsync("feel a bit lonely now tho, 5", s_sent.AddMinutes(30));

        await using var db = scenario.CreateContext();
        var entry = await db.DiaryEntries.SingleAsync();
        Assert.Equal(5, entry.MoodScore);
        Assert.Equal("went to the gym\nthen saw my mates\nfeel a bit lonely now tho", entry.EventText);
        Assert.Equal(["exercise", "friends"], entry.Tags);
        Assert.Equal(RiskLevel.None, entry.RiskLevel); // loneliness is not risk (LABELS.md)
        Assert.Equal(3, await db.InboundMessages.CountAsync(m => m.DiaryEntryId == entry.Id));
    }

    [Theory, InlineData(DatabaseProvider.Sqlite), PostgresData]
    public async Task Correction_UpdatesTheDaysScoreInsteadOfAddingAnEntry(DatabaseProvider provider)
    {
        await using var scenario = await ReplyScenario.CreateAsync(provider);
        await scenario.AddCheckInAsync(s_day, s_sent);

        await scenario.ReceiveAsync("7 good day", s_sent.AddMinutes(5));
        var correction = await scenario.ReceiveAsync("sorry I meant 5", s_sent.AddMinutes(7));

        await using var db = scenario.CreateContext();
        var entry = await db.DiaryEntries.SingleAsync();
        Assert.Equal(5, entry.MoodScore);
        Assert.Equal("corrected from 7 to 5", entry.MoodNote);
        Assert.Equal("good day", entry.EventText);
        Assert.Equal("diary correction", (await db.InboundMessages.SingleAsync(m => m.Id == correction.Id)).Outcome);
    }

    [Theory, InlineData(DatabaseProvider.Sqlite), PostgresData]
    public async Task Correction_ThenLaterTexts_KeepTheCorrectionTrail(DatabaseProvider provider)
    {
        await using var scenario = await ReplyScenario.CreateAsync(provider);
        await scenario.AddCheckInAsync(s_day, s_sent);
        await scenario.ReceiveAsync("7 good day", s_sent.AddMinutes(5));
        await scenario.ReceiveAsync("sorry I meant 5", s_sent.AddMinutes(7));

        // A later text with the same score, then words only: the trail stays as it was.
        await scenario.ReceiveAsync("5 then watched a film", s_sent.AddMinutes(40));
        await scenario.ReceiveAsync("off to bed now", s_sent.AddMinutes(60));
        await using (var db = scenario.CreateContext())
        {
            var entry = await db.DiaryEntries.SingleAsync();
            Assert.Equal((5.0, "corrected from 7 to 5"), (entry.MoodScore!.Value, entry.MoodNote));
        }

        // A later score that changes the day's again adds to the trail instead of wiping it; so does a second correction.
        await scenario.ReceiveAsync("6-7 feeling better after a walk", s_sent.AddMinutes(90));
        await scenario.ReceiveAsync("sorry I meant 6", s_sent.AddMinutes(92));

        await using var check = scenario.CreateContext();
        var after = await check.DiaryEntries.SingleAsync();
        Assert.Equal(6, after.MoodScore);
        Assert.Equal("corrected from 7 to 5; changed from 5 to 6.5 by a later text; corrected from 6.5 to 6", after.MoodNote);
    }

    [Fact]
    public async Task ALaterScoreWithoutACorrection_KeepsOnlyHowTheNewScoreWasRead()
    {
        await using var scenario = await ReplyScenario.CreateAsync(DatabaseProvider.Sqlite);
        await scenario.AddCheckInAsync(s_day, s_sent);

        await scenario.ReceiveAsync("6-7 busy day", s_sent.AddMinutes(5));
        await scenario.ReceiveAsync("4 now, tired", s_sent.AddMinutes(95));

        await using var db = scenario.CreateContext();
        var entry = await db.DiaryEntries.SingleAsync();
        Assert.Equal((4.0, (string?)null), (entry.MoodScore!.Value, entry.MoodNote));
    }

    [Fact]
    public async Task Correction_WithNoOpenCheckIn_UpdatesTodaysNote()
    {
        await using var scenario = await ReplyScenario.CreateAsync(DatabaseProvider.Sqlite);
        var noon = new DateTime(2026, 3, 12, 12, 0, 0, DateTimeKind.Utc);

        await scenario.ReceiveAsync("3 rubbish morning", noon);
        await scenario.ReceiveAsync("actually 4", noon.AddMinutes(2));

        await using var db = scenario.CreateContext();
        var entry = await db.DiaryEntries.SingleAsync();
        Assert.Equal(DiaryEntryKind.Note, entry.Kind);
        Assert.Equal(4, entry.MoodScore);
        Assert.Equal("corrected from 3 to 4", entry.MoodNote);
    }

    [Theory, InlineData(DatabaseProvider.Sqlite), PostgresData]
    public async Task Reply_AfterTheWindowCloses_IsKeptAsANoteForToday(DatabaseProvider provider)
    {
        await using var scenario = await ReplyScenario.CreateAsync(provider);
        await scenario.AddCheckInAsync(s_day, s_sent);

        // 19 hours later: past the 18-hour window, on the 11th in London.
        await scenario.ReceiveAsync("went to the park 8", s_sent.AddHours(19));

        await using var db = scenario.CreateContext();
        var entry = await db.DiaryEntries.SingleAsync();
        Assert.Equal(DiaryEntryKind.Note, entry.Kind);
        Assert.Null(entry.CheckInId);
        Assert.Equal(new DateOnly(2026, 3, 11), entry.LocalDate);
        Assert.Equal(8, entry.MoodScore);
        Assert.Equal(CheckInStatus.Sent, (await db.CheckIns.SingleAsync()).Status);
    }

    [Fact]
    public async Task Reply_AfterTheNextCheckInWasDue_DoesNotGoToTheOldOne()
    {
        await using var scenario = await ReplyScenario.CreateAsync(DatabaseProvider.Sqlite);
        await scenario.AddCheckInAsync(s_day, s_sent);
        await scenario.AddCheckInAsync(s_day.AddDays(1), s_sent.AddHours(12), CheckInStatus.Skipped);

        await scenario.ReceiveAsync("5", s_sent.AddHours(13));

        await using var db = scenario.CreateContext();
        var entry = await db.DiaryEntries.SingleAsync();
        Assert.Equal(DiaryEntryKind.Note, entry.Kind);
    }

    [Fact]
    public async Task Reply_WithNoScore_KeepsWhyTheNumberWasNotAScore()
    {
        await using var scenario = await ReplyScenario.CreateAsync(DatabaseProvider.Sqlite);
        await scenario.AddCheckInAsync(s_day, s_sent);

        await scenario.ReceiveAsync("walked 3 miles", s_sent.AddMinutes(3));

        await using var db = scenario.CreateContext();
        var entry = await db.DiaryEntries.SingleAsync();
        Assert.Null(entry.MoodScore);
        Assert.Equal("walked 3 miles", entry.EventText);
        Assert.Contains("count", entry.MoodNote, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reply_OnAOneToFiveOrganisation_StoresTheScoreWithItsScale()
    {
        await using var scenario = await ReplyScenario.CreateAsync(DatabaseProvider.Sqlite, o => o.MoodScale = MoodScale.OneToFive);
        await scenario.AddCheckInAsync(s_day, s_sent);

        await scenario.ReceiveAsync("4/5 nice day", s_sent.AddMinutes(3));

        await using var db = scenario.CreateContext();
        var entry = await db.DiaryEntries.SingleAsync();
        Assert.Equal(4, entry.MoodScore);
        Assert.Equal(MoodScale.OneToFive, entry.MoodScale);
    }
}
