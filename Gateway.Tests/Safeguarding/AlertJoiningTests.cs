using Buddy.Domain.Safeguarding;
using Buddy.Domain.Sms;
using Buddy.Gateway.Data;
using Buddy.Tests.Replies;
using Buddy.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Buddy.Tests.Safeguarding;

/// <summary>
/// Several risky replies from one person while their safeguarding alert is open: one alert listing every reply, the
/// highest tier and the latest time; a reply raising the tier escalates at once; repeats within the hour are on the
/// alert but not texted twice; an acknowledged alert is closed, so the next risky reply opens a new one.
/// </summary>
public sealed class AlertJoiningTests
{
    // 19:00 London on Tuesday 10 March 2026 (GMT).
    private static readonly DateTime s_evening = new(2026, 3, 10, 19, 0, 0, DateTimeKind.Utc);

    private const string Review = "not suicidal just so tired";
    private const string FirstHigh = "honestly i want to die";
    private const string SecondHigh = "cant stop thinking about ending it";
    private const string ThirdHigh = "i have the pills ready";

    private static ScriptedRiskReader Reader() => new ScriptedRiskReader()
        .Add(Review, RiskLevel.Review, RiskSubject.Sender)
        .Add(FirstHigh, RiskLevel.High, RiskSubject.Sender, category: "suicide")
        .Add(SecondHigh, RiskLevel.High, RiskSubject.Sender, category: "suicide")
        .Add(ThirdHigh, RiskLevel.High, RiskSubject.Sender, category: "means");

    [Theory, InlineData(DatabaseProvider.Sqlite), PostgresData]
    public async Task FourRiskyRepliesInOneEvening_JoinOneAlert_ThatShowsEveryReplyTheHighestTierAndTheLatestTime(DatabaseProvider provider)
    {
        await using var scenario = await ReplyScenario.CreateAsync(provider);
        scenario.RiskReader = Reader();
        await scenario.AddCheckInAsync(new DateOnly(2026, 3, 10), s_evening);

        var review = await scenario.ReceiveAsync(Review, s_evening.AddMinutes(10));
        await using (var db = scenario.CreateContext())
        {
            Assert.Empty(await db.OutboundMessages.ToListAsync()); // Review: an alert for a human to look at, no crisis text
            Assert.Equal(RiskLevel.Review, (await db.Alerts.SingleAsync()).Severity);
        }

        // The High reply raises the tier: it escalates at once, crisis text and staff, on the same alert.
        var first = await scenario.ReceiveAsync(FirstHigh, s_evening.AddMinutes(40));
        await using (var db = scenario.CreateContext())
        {
            var alert = await db.Alerts.SingleAsync();
            Assert.Equal((RiskLevel.High, review.Id, s_evening.AddMinutes(40)), (alert.Severity, alert.InboundMessageId!.Value, alert.LatestReplyAtUtc!.Value));
            Assert.Single(await db.OutboundMessages.Where(m => m.Kind == OutboundKind.Crisis && m.DedupeKey == $"crisis:{first.Id}").ToListAsync());
            Assert.Equal(2, await db.OutboundMessages.CountAsync(m => m.Kind == OutboundKind.SafeguardingAlert));
            Assert.Equal(s_evening.AddMinutes(40), alert.StaffNotifiedAtUtc);
        }

        // Twenty minutes later: on the alert, no second crisis text (the same one is on its way), staff not texted again.
        var second = await scenario.ReceiveAsync(SecondHigh, s_evening.AddMinutes(60));
        // Ninety minutes after staff were told: they are texted again; the crisis text went over an hour ago, so it goes again.
        var third = await scenario.ReceiveAsync(ThirdHigh, s_evening.AddMinutes(130));

        await using var check = scenario.CreateContext();
        var joined = await check.Alerts.SingleAsync();
        Assert.Equal(RiskLevel.High, joined.Severity);
        Assert.Equal([RiskSubject.Sender], joined.Subjects);
        Assert.Equal(s_evening.AddMinutes(130), joined.LatestReplyAtUtc);
        Assert.Equal(s_evening.AddMinutes(130), joined.StaffNotifiedAtUtc);
        Assert.StartsWith("Urgent: ", joined.Summary, StringComparison.Ordinal);

        var replies = await check.AlertReplies.Where(r => r.AlertId == joined.Id).OrderBy(r => r.ReceivedAtUtc).ToListAsync();
        Assert.Equal([review.Id, first.Id, second.Id, third.Id], replies.Select(r => r.InboundMessageId!.Value));
        Assert.Equal([RiskLevel.Review, RiskLevel.High, RiskLevel.High, RiskLevel.High], replies.Select(r => r.Level));

        var crisis = await check.OutboundMessages.Where(m => m.Kind == OutboundKind.Crisis).Select(m => m.DedupeKey!).ToListAsync();
        Assert.Equal(new[] { $"crisis:{first.Id}", $"crisis:{third.Id}" }.Order(StringComparer.Ordinal), crisis.Order(StringComparer.Ordinal));
        var staff = await check.OutboundMessages.Where(m => m.Kind == OutboundKind.SafeguardingAlert).Select(m => m.DedupeKey!).ToListAsync();
        Assert.Equal(4, staff.Count);
        Assert.DoesNotContain(staff, k => k.Contains(second.Id.ToString(), StringComparison.Ordinal));

        // Every reply is in the audit trail, including the one nobody was texted about.
        var audit = await check.AuditEvents.Where(a => a.EntityId == joined.Id.ToString()).OrderBy(a => a.OccurredAtUtc).Select(a => a.Action).ToListAsync();
        Assert.Equal(["safeguarding.flagged", "safeguarding.escalated", "safeguarding.joined", "safeguarding.escalated"], audit);
        var quiet = await check.AuditEvents.SingleAsync(a => a.EntityId == joined.Id.ToString() && a.OccurredAtUtc == s_evening.AddMinutes(60));
        Assert.Contains("crisis text not repeated", quiet.Detail, StringComparison.Ordinal);
        Assert.Contains("staff not texted again", quiet.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CrisisTextThatFailed_IsSentAgainForTheNextHighReply()
    {
        await using var scenario = await ReplyScenario.CreateAsync(DatabaseProvider.Sqlite);
        scenario.RiskReader = Reader();
        var first = await scenario.ReceiveAsync(FirstHigh, s_evening);
        await using (var db = scenario.CreateContext())
        {
            await db.OutboundMessages.Where(m => m.DedupeKey == $"crisis:{first.Id}").ExecuteUpdateAsync(u => u.SetProperty(m => m.Status, OutboundStatus.Failed));
        }

        var second = await scenario.ReceiveAsync(SecondHigh, s_evening.AddMinutes(5));

        await using var check = scenario.CreateContext();
        Assert.Single(await check.OutboundMessages.Where(m => m.DedupeKey == $"crisis:{second.Id}").ToListAsync());
        Assert.Single(await check.Alerts.ToListAsync());
    }

    [Theory, InlineData(DatabaseProvider.Sqlite), PostgresData]
    public async Task AfterTheAlertIsAcknowledged_TheNextRiskyReplyOpensANewAlertAndEscalatesInFull(DatabaseProvider provider)
    {
        await using var scenario = await ReplyScenario.CreateAsync(provider);
        scenario.RiskReader = Reader();
        await scenario.ReceiveAsync(FirstHigh, s_evening);
        await using (var db = scenario.CreateContext())
        {
            await db.Alerts.ExecuteUpdateAsync(u => u.SetProperty(a => a.AcknowledgedAtUtc, s_evening.AddMinutes(10)));
        }

        var later = await scenario.ReceiveAsync(SecondHigh, s_evening.AddMinutes(20));

        await using var check = scenario.CreateContext();
        var alerts = await check.Alerts.OrderBy(a => a.CreatedAtUtc).ToListAsync();
        Assert.Equal(2, alerts.Count);
        Assert.Equal(later.Id, alerts[1].InboundMessageId);
        Assert.True(alerts[1].IsOpen);
        Assert.Equal(2, await check.OutboundMessages.CountAsync(m => m.Kind == OutboundKind.SafeguardingAlert && m.DedupeKey!.Contains(later.Id.ToString())));
    }

    [Fact]
    public async Task AJoiningReply_IsALineOfTheOpenAlert_WhoseSummarySaysWhatEachReplyFound()
    {
        await using var scenario = await ReplyScenario.CreateAsync(DatabaseProvider.Sqlite);
        scenario.RiskReader = Reader();
        var earlier = await scenario.ReceiveAsync(Review, s_evening);

        var risky = await scenario.ReceiveAsync(FirstHigh, s_evening.AddMinutes(3));

        await using var check = scenario.CreateContext();
        var alert = await check.Alerts.SingleAsync();
        Assert.Equal(earlier.Id, alert.InboundMessageId);
        Assert.Equal("Urgent: reply mentions test; reply mentions suicide", alert.Summary);
        Assert.Equal(2, await check.AlertReplies.CountAsync(r => r.AlertId == alert.Id));
        Assert.Equal("safeguarding high (joined the open alert); diary note", (await check.InboundMessages.SingleAsync(m => m.Id == risky.Id)).Outcome);
    }
}
