using Buddy.Domain.Sms;
using Buddy.Gateway.Data;
using Buddy.Gateway.Sms;
using Buddy.Gateway.Sms.Outbox;
using Buddy.Gateway.Sms.Simulator;
using Buddy.Gateway.Sms.Twilio;
using Buddy.Tests.Sms.Twilio;
using Buddy.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace Buddy.Tests.Sms.Outbox;

/// <summary>
/// A row whose earlier attempt's outcome is unknown (the sender died holding the lease, or the call timed out) is
/// never sent blindly: the dispatcher asks the provider first and records the text it finds instead of sending.
/// </summary>
public sealed class OutboxReconciliationTests
{
    private static readonly DateTimeOffset s_evening = new(2026, 11, 25, 19, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan s_afterTheLease = TimeSpan.FromMinutes(2) + TimeSpan.FromSeconds(1);

    private readonly FakeTimeProvider _clock = new(s_evening);

    [Theory, InlineData(DatabaseProvider.Sqlite), PostgresData]
    public async Task RunOnce_WhenTheCrashedSenderHadHandedItOver_RecordsTheProvidersTextAndSendsNothingMore(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (_, user) = await SmsTestData.AddPersonAsync(database);
        var row = await SmsTestData.AddOutboundAsync(database, user, OutboundKind.CheckIn, s_evening.UtcDateTime);
        var simulator = new SimulatorSmsSender(_clock);

        // A dispatcher claims the row, the provider accepts the text, and the process dies before recording it.
        await CrashedClaimAsync(database);
        var accepted = Assert.IsType<SendOutcome.Accepted>(await simulator.SendAsync(new SmsRequest(row.ToPhone, row.Body, null), default));

        _clock.Advance(s_afterTheLease);
        Assert.Equal(1, await Dispatcher(database, simulator).RunOnceAsync(default));

        var recorded = await SmsTestData.ReloadAsync(database, row);
        Assert.Equal(accepted.ProviderMessageId, recorded.ProviderMessageId);
        Assert.Equal(OutboundStatus.Delivered, recorded.Status);
        Assert.Null(recorded.UnconfirmedSinceUtc);
        Assert.Null(recorded.LeaseUntilUtc);
        var everything = Assert.IsType<SentLookup.Answered>(await simulator.FindSentAsync(new SmsRequest(row.ToPhone, row.Body, null), DateTime.MinValue, default));
        Assert.Single(everything.Texts);
    }

    [Theory, InlineData(DatabaseProvider.Sqlite), PostgresData]
    public async Task RunOnce_WhenTheProviderCannotBeAsked_WaitsAndAsksAgainRatherThanSending(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (_, user) = await SmsTestData.AddPersonAsync(database);
        var row = await SmsTestData.AddOutboundAsync(database, user, OutboundKind.Crisis, s_evening.UtcDateTime);
        var sender = new Mock<ISmsSender>();
        sender.SetupGet(s => s.SenderId).Returns(SimulatorSmsSender.Number);
        sender.SetupSequence(s => s.FindSentAsync(It.IsAny<SmsRequest>(), It.IsAny<DateTime>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new SentLookup.Unavailable(TimeSpan.FromMinutes(1), "20429", "Too many requests"))
            .ReturnsAsync(new SentLookup.Answered([new SentText("SMalreadysent", OutboundStatus.Sent, s_evening.UtcDateTime)]));
        await CrashedClaimAsync(database);

        _clock.Advance(s_afterTheLease);
        await Dispatcher(database, sender.Object).RunOnceAsync(default);

        var waiting = await SmsTestData.ReloadAsync(database, row);
        Assert.Equal(OutboundStatus.Pending, waiting.Status);
        Assert.Equal(row.CreatedAtUtc, waiting.UnconfirmedSinceUtc);
        Assert.True(waiting.NotBeforeUtc >= _clock.GetUtcNow().UtcDateTime.AddMinutes(1), "the provider's Retry-After was honoured");
        Assert.Equal("20429", waiting.ErrorCode);

        _clock.Advance(TimeSpan.FromMinutes(2));
        await Dispatcher(database, sender.Object).RunOnceAsync(default);

        var recorded = await SmsTestData.ReloadAsync(database, row);
        Assert.Equal("SMalreadysent", recorded.ProviderMessageId);
        Assert.Equal(OutboundStatus.Sent, recorded.Status);
        sender.Verify(s => s.SendAsync(It.IsAny<SmsRequest>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Theory, InlineData(DatabaseProvider.Sqlite), PostgresData]
    public async Task RunOnce_WhenTheOnlyIdenticalTextBelongsToAnotherRow_SendsThisOne(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (_, user) = await SmsTestData.AddPersonAsync(database);
        var simulator = new SimulatorSmsSender(_clock);

        // Two identical crisis texts the same evening: the first went out and was recorded normally.
        var first = await SmsTestData.AddOutboundAsync(database, user, OutboundKind.Crisis, s_evening.UtcDateTime);
        Assert.Equal(1, await Dispatcher(database, simulator).RunOnceAsync(default));
        var second = await SmsTestData.AddOutboundAsync(database, user, OutboundKind.Crisis, s_evening.UtcDateTime, m => m.Body = first.Body);
        await CrashedClaimAsync(database);

        _clock.Advance(s_afterTheLease);
        Assert.Equal(1, await Dispatcher(database, simulator).RunOnceAsync(default));

        var firstSid = (await SmsTestData.ReloadAsync(database, first)).ProviderMessageId;
        var secondSid = (await SmsTestData.ReloadAsync(database, second)).ProviderMessageId;
        Assert.NotNull(secondSid);
        Assert.NotEqual(firstSid, secondSid);
        var everything = Assert.IsType<SentLookup.Answered>(await simulator.FindSentAsync(new SmsRequest(first.ToPhone, first.Body, null), DateTime.MinValue, default));
        Assert.Equal([firstSid, secondSid], everything.Texts.Select(t => t.ProviderMessageId));
    }

    [Theory, InlineData(DatabaseProvider.Sqlite), PostgresData]
    public async Task RunOnce_AfterACallThatTimedOut_FindsTheTextTheProviderTookInsteadOfSendingAgain(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (_, user) = await SmsTestData.AddPersonAsync(database);
        var row = await SmsTestData.AddOutboundAsync(database, user, OutboundKind.CheckIn, s_evening.UtcDateTime);
        var simulator = new SimulatorSmsSender(_clock);
        var sender = new Mock<ISmsSender>();
        sender.SetupGet(s => s.SenderId).Returns(SimulatorSmsSender.Number);
        sender.Setup(s => s.SendAsync(It.IsAny<SmsRequest>(), It.IsAny<CancellationToken>()))
            .Returns(async (SmsRequest request, CancellationToken token) =>
            {
                await simulator.SendAsync(request, token); // the provider took it...
                return new SendOutcome.RetryLater(null, "timeout", "No answer in time.", MayHaveBeenSent: true); // ...but we never heard
            });
        sender.Setup(s => s.FindSentAsync(It.IsAny<SmsRequest>(), It.IsAny<DateTime>(), It.IsAny<CancellationToken>()))
            .Returns((SmsRequest request, DateTime since, CancellationToken token) => simulator.FindSentAsync(request, since, token));

        await Dispatcher(database, sender.Object).RunOnceAsync(default);
        var unconfirmed = await SmsTestData.ReloadAsync(database, row);
        Assert.Equal(OutboundStatus.Pending, unconfirmed.Status);
        Assert.Equal(s_evening.UtcDateTime, unconfirmed.UnconfirmedSinceUtc);

        _clock.Advance(TimeSpan.FromHours(1));
        await Dispatcher(database, sender.Object).RunOnceAsync(default);

        var recorded = await SmsTestData.ReloadAsync(database, row);
        Assert.NotNull(recorded.ProviderMessageId);
        Assert.Null(recorded.UnconfirmedSinceUtc);
        sender.Verify(s => s.SendAsync(It.IsAny<SmsRequest>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Theory, InlineData(DatabaseProvider.Sqlite), PostgresData]
    public async Task RunOnce_WhenTheUnansweredTextIsStillQueuedAtTwilio_FindsItThereInsteadOfSendingAgain(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var twilio = await FakeTwilio.StartAsync();
        twilio.Clock = _clock;
        twilio.HoldInQueue = true; // a busy sender: the text has no date_sent yet, so the DateSent filter cannot see it
        twilio.ThenSilence(TimeSpan.FromSeconds(10));
        var (_, user) = await SmsTestData.AddPersonAsync(database);
        var row = await SmsTestData.AddOutboundAsync(database, user, OutboundKind.Crisis, s_evening.UtcDateTime);
        var sender = TwilioSmsSenderTests.CreateSender(twilio, new() { ["Twilio:RequestTimeoutSeconds"] = "3" });

        await Dispatcher(database, sender).RunOnceAsync(default);
        var unconfirmed = await SmsTestData.ReloadAsync(database, row);
        Assert.Equal((OutboundStatus.Pending, s_evening.UtcDateTime), (unconfirmed.Status, unconfirmed.UnconfirmedSinceUtc));
        Assert.True(unconfirmed.NotBeforeUtc >= s_evening.UtcDateTime + OutboxReconciliation.SettleTime, "an in-doubt text waits for the provider's report");

        _clock.Advance(OutboxReconciliation.SettleTime);
        await Dispatcher(database, sender).RunOnceAsync(default);

        var recorded = await SmsTestData.ReloadAsync(database, row);
        Assert.Equal(Assert.Single(twilio.Accepted).Sid, recorded.ProviderMessageId);
        Assert.Equal(OutboundStatus.Queued, recorded.Status);
        Assert.Single(twilio.Requests);
    }

    [Fact]
    public async Task RunOnce_WhenARowFailedDefinitely_SendsWithoutAsking()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var (_, user) = await SmsTestData.AddPersonAsync(database);
        var row = await SmsTestData.AddOutboundAsync(database, user, OutboundKind.CheckIn, s_evening.UtcDateTime);
        var sender = new Mock<ISmsSender>();
        sender.SetupGet(s => s.SenderId).Returns(SimulatorSmsSender.Number);
        sender.SetupSequence(s => s.SendAsync(It.IsAny<SmsRequest>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new SendOutcome.RetryLater(null, "20500", "Twilio answered 500"))
            .ReturnsAsync(new SendOutcome.Accepted("SMsecond", OutboundStatus.Queued));

        await Dispatcher(database, sender.Object).RunOnceAsync(default);
        _clock.Advance(TimeSpan.FromHours(1));
        await Dispatcher(database, sender.Object).RunOnceAsync(default);

        Assert.Equal("SMsecond", (await SmsTestData.ReloadAsync(database, row)).ProviderMessageId);
        sender.Verify(s => s.FindSentAsync(It.IsAny<SmsRequest>(), It.IsAny<DateTime>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    private static async Task CrashedClaimAsync(TestDatabase database)
    {
        await using var crashed = database.CreateContext();
        Assert.NotEmpty((await OutboxClaims.ClaimAsync(crashed, s_evening.UtcDateTime, s_evening.UtcDateTime.AddMinutes(2), 10, default)).Ids);
    }

    private OutboxDispatcher Dispatcher(TestDatabase database, ISmsSender sender) =>
        new(new TestContextFactory(database), sender, new SendPacer(_clock), new OutboxSignal(_clock),
            SmsSettings.Read(new ConfigurationBuilder().Build()), TwilioSettings.Read(new ConfigurationBuilder().Build(), SmsProvider.Simulator),
            _clock, TestMetrics.Instance, NullLogger<OutboxDispatcher>.Instance);
}
