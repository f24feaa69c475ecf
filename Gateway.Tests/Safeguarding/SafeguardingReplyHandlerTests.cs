using Buddy.Domain.Email;
using Buddy.Domain.Safeguarding;
using Buddy.Domain.Sms;
using Buddy.Gateway.Data;
using Buddy.Tests.Replies;
using Buddy.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Moq;

namespace Buddy.Tests.Safeguarding;

/// <summary>Escalation of risky replies, on a real database, through the handlers as the inbound pipeline runs them.</summary>
public sealed class SafeguardingReplyHandlerTests
{
    private static readonly DateTime s_now = new(2026, 3, 10, 22, 15, 0, DateTimeKind.Utc);

    [Theory, InlineData(DatabaseProvider.Sqlite), PostgresData]
    public async Task HighRiskReply_QueuesCrisisTextAlertsTherapistAndDutyContactAndAudits(DatabaseProvider provider)
    {
        await using var scenario = await ReplyScenario.CreateAsync(provider);
        await scenario.AddCheckInAsync(new DateOnly(2026, 3, 10), s_now.AddHours(-3));

        var message = await scenario.ReceiveAsync("2 i cant do this anymore, want to die", s_now);

        await using var db = scenario.CreateContext();
        var texts = await db.OutboundMessages.ToListAsync();
        var crisis = Assert.Single(texts, t => t.Kind == OutboundKind.Crisis);
        Assert.Equal(scenario.User.PhoneE164, crisis.ToPhone);
        Assert.Equal(scenario.Organisation.CrisisMessage, crisis.Body);
        Assert.Equal($"crisis:{message.Id}", crisis.DedupeKey);
        Assert.Equal(OutboundStatus.Pending, crisis.Status);
        Assert.Equal(s_now, crisis.NotBeforeUtc);
        Assert.Contains("116 123", crisis.Body, StringComparison.Ordinal);

        var staffTexts = texts.Where(t => t.Kind == OutboundKind.SafeguardingAlert).OrderBy(t => t.DedupeKey, StringComparer.Ordinal).ToList();
        Assert.Equal(["+447700900001", "+447700900002"], staffTexts.Select(t => t.ToPhone).Order(StringComparer.Ordinal));
        Assert.Equal([$"safeguarding:{message.Id}:duty", $"safeguarding:{message.Id}:therapist"], staffTexts.Select(t => t.DedupeKey));
        Assert.All(staffTexts, t =>
        {
            Assert.Contains("urgent", t.Body, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("J.L.S.", t.Body, StringComparison.Ordinal);
            Assert.DoesNotContain("die", t.Body, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("Jamie", t.Body, StringComparison.Ordinal);
            Assert.Null(t.ServiceUserId);
        });

        var email = Assert.Single(await db.EmailMessages.ToListAsync());
        Assert.Equal("duty@example.org", email.ToAddress);
        Assert.Equal(EmailStatus.Pending, email.Status);
        Assert.DoesNotContain("die", email.Body, StringComparison.OrdinalIgnoreCase);

        var alert = Assert.Single(await db.Alerts.ToListAsync());
        Assert.Equal(AlertKind.Safeguarding, alert.Kind);
        Assert.Equal(RiskLevel.High, alert.Severity);
        Assert.True(alert.IsOpen);
        Assert.Equal(message.Id, alert.InboundMessageId);
        Assert.Contains("want to die", alert.MatchedPhrases, StringComparison.Ordinal);
        Assert.Contains("cant do this anymore", alert.MatchedPhrases, StringComparison.Ordinal);

        var entry = await db.DiaryEntries.SingleAsync();
        Assert.Equal(entry.Id, alert.DiaryEntryId);
        Assert.Equal(RiskLevel.High, entry.RiskLevel);
        Assert.Equal(2, entry.MoodScore);

        var audit = await db.AuditEvents.SingleAsync();
        Assert.Equal("safeguarding.escalated", audit.Action);
        Assert.Equal(alert.Id.ToString(), audit.EntityId);
        Assert.DoesNotContain("die", audit.Detail, StringComparison.OrdinalIgnoreCase);

        scenario.OutboxSignal.Verify(s => s.Wake(), Times.Once);
        Assert.Equal("safeguarding high; diary reply", (await db.InboundMessages.SingleAsync()).Outcome);
    }

    [Fact]
    public async Task HighRiskReply_MidConversationWithNoCheckIn_StillEscalates()
    {
        await using var scenario = await ReplyScenario.CreateAsync(DatabaseProvider.Sqlite);

        await scenario.ReceiveAsync("he hits me", s_now);

        await using var db = scenario.CreateContext();
        Assert.Single(await db.OutboundMessages.Where(m => m.Kind == OutboundKind.Crisis).ToListAsync());
        Assert.Equal(RiskLevel.High, (await db.Alerts.SingleAsync()).Severity);
        Assert.Equal(Buddy.Domain.Diary.DiaryEntryKind.Note, (await db.DiaryEntries.SingleAsync()).Kind);
    }

    [Theory, InlineData(DatabaseProvider.Sqlite), PostgresData]
    public async Task NegatedRisk_RaisesALowAlertWithoutTexts(DatabaseProvider provider)
    {
        await using var scenario = await ReplyScenario.CreateAsync(provider);

        await scenario.ReceiveAsync("not suicidal just tired 4", s_now);

        await using var db = scenario.CreateContext();
        Assert.Empty(await db.OutboundMessages.ToListAsync());
        Assert.Empty(await db.EmailMessages.ToListAsync());
        var alert = await db.Alerts.SingleAsync();
        Assert.Equal(RiskLevel.Review, alert.Severity);
        Assert.Equal("not suicidal", alert.MatchedPhrases);
        Assert.Equal(RiskLevel.Review, (await db.DiaryEntries.SingleAsync()).RiskLevel);
        Assert.Equal("safeguarding.flagged", (await db.AuditEvents.SingleAsync()).Action);
        scenario.OutboxSignal.Verify(s => s.Wake(), Times.Never);
    }

    [Fact]
    public async Task OrdinaryReply_RaisesNothing()
    {
        await using var scenario = await ReplyScenario.CreateAsync(DatabaseProvider.Sqlite);

        await scenario.ReceiveAsync("7 killed it at the gym", s_now);

        await using var db = scenario.CreateContext();
        Assert.Empty(await db.Alerts.ToListAsync());
        Assert.Empty(await db.OutboundMessages.ToListAsync());
        Assert.Empty(await db.AuditEvents.ToListAsync());
    }

    [Fact]
    public async Task ReprocessingTheSameMessage_DoesNotAlertOrTextTwice()
    {
        await using var scenario = await ReplyScenario.CreateAsync(DatabaseProvider.Sqlite);
        var message = await scenario.ReceiveAsync("kms", s_now);

        await using (var db = scenario.CreateContext())
        {
            var stored = await db.InboundMessages.SingleAsync(m => m.Id == message.Id);
            await scenario.ProcessAsync(db, stored, s_now.AddMinutes(1));
        }

        await using var check = scenario.CreateContext();
        Assert.Single(await check.Alerts.ToListAsync());
        Assert.Equal(3, await check.OutboundMessages.CountAsync());
    }

    [Fact]
    public async Task TherapistWithoutAlertPhone_IsEmailedInstead()
    {
        await using var scenario = await ReplyScenario.CreateAsync(DatabaseProvider.Sqlite, therapistPhone: null);

        await scenario.ReceiveAsync("took too many pills", s_now);

        await using var db = scenario.CreateContext();
        var emails = await db.EmailMessages.OrderBy(e => e.DedupeKey).ToListAsync();
        Assert.Equal(["duty@example.org", scenario.Therapist.Email], emails.Select(e => e.ToAddress));
        Assert.Single(await db.OutboundMessages.Where(m => m.Kind == OutboundKind.SafeguardingAlert).ToListAsync());
    }

    [Fact]
    public async Task HighRisk_WithNoStaffContactAtAll_StillRaisesTheAlertAndCrisisText()
    {
        await using var scenario = await ReplyScenario.CreateAsync(
            DatabaseProvider.Sqlite, o => { o.DutyContactPhone = null; o.DutyContactEmail = null; }, therapistPhone: null);
        await using (var db = scenario.CreateContext())
        {
            var user = await db.ServiceUsers.SingleAsync();
            user.TherapistId = null;
            await db.SaveChangesAsync();
        }

        await scenario.ReceiveAsync("i want to end it all", s_now);

        await using var check = scenario.CreateContext();
        Assert.Equal(OutboundKind.Crisis, (await check.OutboundMessages.SingleAsync()).Kind);
        Assert.True((await check.Alerts.SingleAsync()).IsOpen);
        Assert.Contains("NO staff contact", (await check.AuditEvents.SingleAsync()).Detail, StringComparison.Ordinal);
    }
}
