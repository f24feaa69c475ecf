using System.Collections.Concurrent;
using Buddy.Domain.Audit;
using Buddy.Domain.ServiceUsers;
using Buddy.Domain.Sms;
using Buddy.Gateway.Data;
using Buddy.Gateway.Sms;
using Buddy.Gateway.Sms.Outbox;
using Buddy.Gateway.Sms.Twilio;
using Buddy.Tests.Sms.Twilio;
using Buddy.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace Buddy.Tests.Sms.Outbox;

/// <summary>The dispatcher against a real database, a fake clock and a provider seam we own.</summary>
public sealed class OutboxDispatcherTests
{
    // 19:00 in London on a November evening: outside the default quiet hours (21:30-08:00).
    private static readonly DateTimeOffset s_evening = new(2026, 11, 25, 19, 0, 0, TimeSpan.Zero);

    private readonly FakeTimeProvider _clock = new(s_evening);
    private readonly Mock<ISmsSender> _sender = new();
    private readonly ConcurrentBag<string> _sentTo = [];

    public OutboxDispatcherTests()
    {
        _sender.SetupGet(s => s.SenderId).Returns("+15005550006");
        _sender.Setup(s => s.FindSentAsync(It.IsAny<SmsRequest>(), It.IsAny<DateTime>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new SentLookup.Answered([]));
        AcceptEverything();
    }

    [Theory, InlineData(DatabaseProvider.Sqlite), PostgresData]
    public async Task RunOnce_WhenARowIsDue_SendsItAndRecordsTheProviderIdAndStatus(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (_, user) = await SmsTestData.AddPersonAsync(database);
        var row = await SmsTestData.AddOutboundAsync(database, user, OutboundKind.CheckIn, s_evening.UtcDateTime);

        var claimed = await Dispatcher(database).RunOnceAsync(default);

        Assert.Equal(1, claimed);
        var sent = await SmsTestData.ReloadAsync(database, row);
        Assert.Equal(OutboundStatus.Queued, sent.Status);
        Assert.StartsWith("SM", sent.ProviderMessageId);
        Assert.Equal(1, sent.Attempts);
        Assert.Null(sent.LeaseUntilUtc);
        Assert.Equal(s_evening.UtcDateTime, sent.SentAtUtc);
        Assert.Equal([user.PhoneE164!], _sentTo);
    }

    [Fact]
    public async Task RunOnce_WhenARowIsNotYetDue_LeavesIt()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var (_, user) = await SmsTestData.AddPersonAsync(database);
        var row = await SmsTestData.AddOutboundAsync(database, user, OutboundKind.CheckIn, s_evening.UtcDateTime.AddMinutes(5));

        Assert.Equal(0, await Dispatcher(database).RunOnceAsync(default));
        Assert.Equal(OutboundStatus.Pending, (await SmsTestData.ReloadAsync(database, row)).Status);
        Assert.Empty(_sentTo);
    }

    [Theory, InlineData(DatabaseProvider.Sqlite), PostgresData]
    public async Task RunOnce_WhenTheRoutineRecipientOptedOut_CancelsButStillSendsNonRoutineTexts(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (_, user) = await SmsTestData.AddPersonAsync(database, u => u.Consent = ConsentState.OptedOut);
        var checkIn = await SmsTestData.AddOutboundAsync(database, user, OutboundKind.CheckIn, s_evening.UtcDateTime);
        var confirmation = await SmsTestData.AddOutboundAsync(database, user, OutboundKind.OptOutConfirmation, s_evening.UtcDateTime);

        await Dispatcher(database).RunOnceAsync(default);

        var cancelled = await SmsTestData.ReloadAsync(database, checkIn);
        Assert.Equal(OutboundStatus.Cancelled, cancelled.Status);
        Assert.Equal(OutboxCancelReasons.OptedOut, cancelled.ErrorCode);
        Assert.Equal(OutboundStatus.Queued, (await SmsTestData.ReloadAsync(database, confirmation)).Status);
        Assert.Single(_sentTo);
    }

    [Theory, InlineData(DatabaseProvider.Sqlite), PostgresData]
    public async Task RunOnce_WhenSomeoneOptsOutWhileTheirCheckInWaitsForThePace_CancelsIt(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (_, first) = await SmsTestData.AddPersonAsync(database, configureOrganisation: o => o.SendRatePerSecond = 0.5);
        var (_, second) = await SmsTestData.AddPersonAsync(database, configureOrganisation: o => o.SendRatePerSecond = 0.5);
        await SmsTestData.AddOutboundAsync(database, first, OutboundKind.CheckIn, s_evening.UtcDateTime);
        await SmsTestData.AddOutboundAsync(database, second, OutboundKind.CheckIn, s_evening.UtcDateTime);
        using var ticking = new CancellationTokenSource();
        var sender = new Mock<ISmsSender>();
        sender.SetupGet(s => s.SenderId).Returns(_sender.Object.SenderId);
        sender.Setup(s => s.SendAsync(It.IsAny<SmsRequest>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((SmsRequest request, CancellationToken token) =>
            {
                _sentTo.Add(request.To);

                // The first text goes; the other person texts STOP while theirs waits its 2 s for the pace (the clock then
                // moves on, a little after the other send has started waiting).
                using (var db = database.CreateContext())
                {
                    db.ServiceUsers.Where(u => u.PhoneE164 != request.To).ExecuteUpdate(u => u.SetProperty(x => x.Consent, ConsentState.OptedOut));
                }

                _ = Task.Run(async () =>
                {
                    await Task.Delay(200, CancellationToken.None);
                    while (!ticking.IsCancellationRequested)
                    {
                        _clock.Advance(TimeSpan.FromSeconds(1));
                        await Task.Delay(20, CancellationToken.None);
                    }
                }, CancellationToken.None);
                return new SendOutcome.Accepted("SM" + Guid.NewGuid().ToString("N"), OutboundStatus.Queued);
            });

        await Dispatcher(database, sender.Object).RunOnceAsync(default);
        await ticking.CancelAsync();

        Assert.Single(_sentTo);
        await using var check = database.CreateContext();
        var cancelled = await check.OutboundMessages.SingleAsync(m => m.ToPhone != _sentTo.Single());
        Assert.Equal((OutboundStatus.Cancelled, OutboxCancelReasons.OptedOut), (cancelled.Status, cancelled.ErrorCode));
    }

    [Fact]
    public async Task RunOnce_WhenTheRecipientWasDischarged_CancelsRoutineTexts()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var (_, user) = await SmsTestData.AddPersonAsync(database, u => u.Status = ServiceUserStatus.Discharged);
        var reminder = await SmsTestData.AddOutboundAsync(database, user, OutboundKind.Reminder, s_evening.UtcDateTime);

        await Dispatcher(database).RunOnceAsync(default);

        Assert.Equal(OutboxCancelReasons.Discharged, (await SmsTestData.ReloadAsync(database, reminder)).ErrorCode);
        Assert.Empty(_sentTo);
    }

    [Theory]
    [InlineData("Europe/London", 23, 0, true)]
    [InlineData("Europe/London", 7, 59, true)]
    [InlineData("Europe/London", 8, 0, false)]
    [InlineData("America/New_York", 23, 0, false)] // 18:00 in New York
    [InlineData("Australia/Sydney", 12, 0, true)]  // 23:00 in Sydney
    public async Task RunOnce_WhenARetryDriftsIntoQuietHours_CancelsWithAReason(string zone, int utcHour, int utcMinute, bool quiet)
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var (_, user) = await SmsTestData.AddPersonAsync(database, u => u.TimeZoneId = zone);
        var now = new DateTime(2026, 11, 26, utcHour, utcMinute, 0, DateTimeKind.Utc);
        _clock.SetUtcNow(now);
        var checkIn = await SmsTestData.AddOutboundAsync(database, user, OutboundKind.CheckIn, now, m => m.Attempts = 2);
        var crisis = await SmsTestData.AddOutboundAsync(database, user, OutboundKind.Crisis, now);

        await Dispatcher(database).RunOnceAsync(default);

        var routine = await SmsTestData.ReloadAsync(database, checkIn);
        Assert.Equal(quiet ? OutboundStatus.Cancelled : OutboundStatus.Queued, routine.Status);
        if (quiet)
        {
            Assert.Equal(OutboxCancelReasons.QuietHours, routine.ErrorCode);
            Assert.Contains("quiet hours (21:30-08:00)", routine.ErrorMessage);
        }

        // A crisis reply answers something the person just did: it always goes.
        Assert.Equal(OutboundStatus.Queued, (await SmsTestData.ReloadAsync(database, crisis)).Status);
    }

    [Fact]
    public async Task RunOnce_WhenTheScheduleHasItsOwnQuietHours_UsesThem()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var (_, user) = await SmsTestData.AddPersonAsync(database);
        await using (var db = database.CreateContext())
        {
            db.CheckInSchedules.Add(new Domain.Schedules.CheckInSchedule
            {
                OrganisationId = user.OrganisationId, ServiceUserId = user.Id, QuietHoursStart = new(18, 0), QuietHoursEnd = new(9, 0),
            });
            await db.SaveChangesAsync();
        }

        var checkIn = await SmsTestData.AddOutboundAsync(database, user, OutboundKind.CheckIn, s_evening.UtcDateTime);

        await Dispatcher(database).RunOnceAsync(default);

        Assert.Equal(OutboxCancelReasons.QuietHours, (await SmsTestData.ReloadAsync(database, checkIn)).ErrorCode);
    }

    [Theory, InlineData(DatabaseProvider.Sqlite), PostgresData]
    public async Task RunOnce_WhenTheProviderSaysLater_SchedulesARetryWithBackoffThenSends(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (_, user) = await SmsTestData.AddPersonAsync(database);
        var row = await SmsTestData.AddOutboundAsync(database, user, OutboundKind.CheckIn, s_evening.UtcDateTime);
        _sender.SetupSequence(s => s.SendAsync(It.IsAny<SmsRequest>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new SendOutcome.RetryLater(TimeSpan.FromMinutes(3), "20429", "Too Many Requests"))
            .ReturnsAsync(new SendOutcome.Accepted("SMsecond", OutboundStatus.Queued));
        var dispatcher = Dispatcher(database);

        await dispatcher.RunOnceAsync(default);

        var waiting = await SmsTestData.ReloadAsync(database, row);
        Assert.Equal(OutboundStatus.Pending, waiting.Status);
        Assert.Equal(1, waiting.Attempts);
        Assert.Equal("20429", waiting.ErrorCode);
        Assert.True(waiting.NotBeforeUtc >= s_evening.UtcDateTime.AddMinutes(3), $"Retry at {waiting.NotBeforeUtc:O}");
        Assert.Equal(0, await dispatcher.RunOnceAsync(default));

        _clock.Advance(waiting.NotBeforeUtc - s_evening.UtcDateTime);
        await dispatcher.RunOnceAsync(default);

        var sent = await SmsTestData.ReloadAsync(database, row);
        Assert.Equal("SMsecond", sent.ProviderMessageId);
        Assert.Equal(2, sent.Attempts);
        Assert.Null(sent.ErrorCode);
    }

    [Fact]
    public async Task RunOnce_WhenRetriesRunOut_MarksFailed()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var (_, user) = await SmsTestData.AddPersonAsync(database);
        var row = await SmsTestData.AddOutboundAsync(database, user, OutboundKind.Crisis, s_evening.UtcDateTime, m => m.Attempts = 7);
        _sender.Setup(s => s.SendAsync(It.IsAny<SmsRequest>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new SendOutcome.RetryLater(null, "timeout", "Twilio did not answer."));

        await Dispatcher(database).RunOnceAsync(default);

        var failed = await SmsTestData.ReloadAsync(database, row);
        Assert.Equal(OutboundStatus.Failed, failed.Status);
        Assert.Equal(8, failed.Attempts);
        Assert.Contains("Gave up after 8 attempts", failed.ErrorMessage);
    }

    [Fact]
    public async Task RunOnce_WhenTheProviderRefusesForGood_MarksFailedWithoutRetrying()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var (_, user) = await SmsTestData.AddPersonAsync(database);
        var row = await SmsTestData.AddOutboundAsync(database, user, OutboundKind.CheckIn, s_evening.UtcDateTime);
        _sender.Setup(s => s.SendAsync(It.IsAny<SmsRequest>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new SendOutcome.PermanentFailure("21211", "Invalid 'To' Phone Number"));

        await Dispatcher(database).RunOnceAsync(default);
        _clock.Advance(TimeSpan.FromHours(1));
        await Dispatcher(database).RunOnceAsync(default);

        var failed = await SmsTestData.ReloadAsync(database, row);
        Assert.Equal(OutboundStatus.Failed, failed.Status);
        Assert.Equal("21211", failed.ErrorCode);
        _sender.Verify(s => s.SendAsync(It.IsAny<SmsRequest>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Theory, InlineData(DatabaseProvider.Sqlite), PostgresData]
    public async Task RunOnce_WhenTwilioAnswers21610_MarksTheServiceUserOptedOut(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var twilio = await FakeTwilio.StartAsync();
        twilio.ThenError(400, 21610, "Attempt to send to unsubscribed recipient");
        var (_, user) = await SmsTestData.AddPersonAsync(database);
        var checkIn = await SmsTestData.AddOutboundAsync(database, user, OutboundKind.CheckIn, s_evening.UtcDateTime);
        var reminder = await SmsTestData.AddOutboundAsync(database, user, OutboundKind.Reminder, s_evening.UtcDateTime.AddHours(1));

        await Dispatcher(database, TwilioSmsSenderTests.CreateSender(twilio)).RunOnceAsync(default);

        var failed = await SmsTestData.ReloadAsync(database, checkIn);
        Assert.Equal(OutboundStatus.Failed, failed.Status);
        Assert.Equal("21610", failed.ErrorCode);
        Assert.Equal(ConsentState.OptedOut, (await SmsTestData.ReloadAsync(database, user)).Consent);
        Assert.Equal(OutboundStatus.Cancelled, (await SmsTestData.ReloadAsync(database, reminder)).Status);
        await using var db = database.CreateContext();
        var audit = await db.AuditEvents.SingleAsync(a => a.ServiceUserId == user.Id);
        Assert.Equal("consent.opted-out", audit.Action);
        Assert.Contains("21610", audit.Detail);
    }

    /// <summary>
    /// The kill test: a dispatcher claims a row and dies before calling the provider. Another dispatcher must not
    /// touch the row while the lease holds, must send it once the lease has expired, and never again.
    /// </summary>
    [Theory, InlineData(DatabaseProvider.Sqlite), PostgresData]
    public async Task RunOnce_AfterASenderCrashedBeforeTheProviderCall_SendsExactlyOnceWhenTheLeaseExpires(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (_, user) = await SmsTestData.AddPersonAsync(database);
        var row = await SmsTestData.AddOutboundAsync(database, user, OutboundKind.CheckIn, s_evening.UtcDateTime);

        // The first dispatcher's claim, committed; then the process is gone before it could call the provider.
        await using (var crashed = database.CreateContext())
        {
            var claimed = await OutboxClaims.ClaimAsync(crashed, s_evening.UtcDateTime, s_evening.UtcDateTime.AddMinutes(2), 10, default);
            Assert.Equal([row.Id], claimed.Ids);
        }

        var orphan = await SmsTestData.ReloadAsync(database, row);
        Assert.Equal(OutboundStatus.Sending, orphan.Status);
        Assert.Null(orphan.ProviderMessageId);

        var restarted = Dispatcher(database);
        Assert.Equal(0, await restarted.RunOnceAsync(default));
        Assert.Empty(_sentTo);

        _clock.Advance(TimeSpan.FromMinutes(2) + TimeSpan.FromSeconds(1));
        Assert.Equal(1, await restarted.RunOnceAsync(default));
        _clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(0, await restarted.RunOnceAsync(default));
        Assert.Equal(0, await Dispatcher(database).RunOnceAsync(default));

        // Its outcome was unknown, so the provider was asked first (it had nothing) before the one send.
        _sender.Verify(s => s.FindSentAsync(It.Is<SmsRequest>(r => r.To == row.ToPhone && r.Body == row.Body), It.IsAny<DateTime>(), It.IsAny<CancellationToken>()), Times.Once);
        Assert.Single(_sentTo);
        var sent = await SmsTestData.ReloadAsync(database, row);
        Assert.Equal(OutboundStatus.Queued, sent.Status);
        Assert.Equal(2, sent.Attempts);
        Assert.Null(sent.UnconfirmedSinceUtc);
    }

    [Theory, InlineData(DatabaseProvider.Sqlite), PostgresData]
    public async Task RunOnce_WithSeveralDispatchersAtOnce_SendsEveryRowExactlyOnce(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var rows = new List<OutboundMessage>();
        for (var i = 0; i < 30; i++)
        {
            var (_, user) = await SmsTestData.AddPersonAsync(database);
            rows.Add(await SmsTestData.AddOutboundAsync(database, user, OutboundKind.CheckIn, s_evening.UtcDateTime));
        }

        var dispatchers = Enumerable.Range(0, 4).Select(_ => Dispatcher(database, settings: Settings(batchSize: 3))).ToList();
        await Task.WhenAll(dispatchers.Select(d => Task.Run(async () =>
        {
            while (await d.RunOnceAsync(default) > 0)
            {
            }
        })));

        Assert.Equal(30, _sentTo.Count);
        Assert.Equal(rows.Select(r => r.ToPhone).Order(), _sentTo.Order());
        await using var db = database.CreateContext();
        Assert.Equal(30, await db.OutboundMessages.CountAsync(m => m.Status == OutboundStatus.Queued && m.Attempts == 1));
    }

    [Fact]
    public async Task RunOnce_WhenStoppingBeforeARowIsSent_HandsItBackUntouched()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var (_, user) = await SmsTestData.AddPersonAsync(database, configureOrganisation: o => o.SendRatePerSecond = 0.5);
        var first = await SmsTestData.AddOutboundAsync(database, user, OutboundKind.Crisis, s_evening.UtcDateTime);
        var second = await SmsTestData.AddOutboundAsync(database, user, OutboundKind.Crisis, s_evening.UtcDateTime.AddTicks(10));
        using var stopping = new CancellationTokenSource();

        // The second row must wait two seconds for its turn at 0.5/s; the gateway stops meanwhile.
        var run = Dispatcher(database).RunOnceAsync(stopping.Token);
        await SmsTestData.WaitUntilAsync(async db => await db.OutboundMessages.AnyAsync(m => m.Id == first.Id && m.Status == OutboundStatus.Queued), database, "the first send");
        await stopping.CancelAsync();
        await run;

        Assert.Equal(OutboundStatus.Queued, (await SmsTestData.ReloadAsync(database, first)).Status);
        var released = await SmsTestData.ReloadAsync(database, second);
        Assert.Equal(OutboundStatus.Pending, released.Status);
        Assert.Equal(0, released.Attempts);
        Assert.Null(released.LeaseUntilUtc);
        Assert.Single(_sentTo);
    }

    [Theory, InlineData(DatabaseProvider.Sqlite), PostgresData]
    public async Task Run_WhileABatchIsStillSending_ClaimsAndSendsTheNextBatch(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (_, first) = await SmsTestData.AddPersonAsync(database);
        var (_, second) = await SmsTestData.AddPersonAsync(database);
        await SmsTestData.AddOutboundAsync(database, first, OutboundKind.Crisis, DateTime.UtcNow.AddMinutes(-1));
        await SmsTestData.AddOutboundAsync(database, second, OutboundKind.Crisis, DateTime.UtcNow.AddMinutes(-1));

        // Batches of one: the first batch's send is held until the second batch's text has gone, which only happens
        // if the dispatcher claims and sends the next batch while the one before it is still out.
        var nextBatchSent = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var calls = 0;
        var sender = new Mock<ISmsSender>();
        sender.SetupGet(s => s.SenderId).Returns(_sender.Object.SenderId);
        sender.Setup(s => s.SendAsync(It.IsAny<SmsRequest>(), It.IsAny<CancellationToken>()))
            .Returns(async (SmsRequest request, CancellationToken _) =>
            {
                _sentTo.Add(request.To);
                if (Interlocked.Increment(ref calls) == 1)
                {
                    await nextBatchSent.Task.WaitAsync(TimeSpan.FromSeconds(30), CancellationToken.None);
                }
                else
                {
                    nextBatchSent.TrySetResult();
                }

                return (SendOutcome)new SendOutcome.Accepted("SM" + Guid.NewGuid().ToString("N"), OutboundStatus.Queued);
            });
        var clock = TimeProvider.System;
        var dispatcher = new OutboxDispatcher(new TestContextFactory(database), sender.Object, new SendPacer(clock), new OutboxSignal(clock),
            Settings(batchSize: 1, pollSeconds: 600), Twilio(), clock, TestMetrics.Instance, NullLogger<OutboxDispatcher>.Instance);
        await dispatcher.StartAsync(default);
        try
        {
            await SmsTestData.WaitUntilAsync(async db => await db.OutboundMessages.CountAsync(m => m.Status == OutboundStatus.Queued) == 2,
                database, "both batches to be sent and recorded", seconds: 10);
        }
        finally
        {
            await dispatcher.StopAsync(default);
        }

        Assert.Equal(2, _sentTo.Count);
        Assert.Contains(first.PhoneE164, _sentTo);
        Assert.Contains(second.PhoneE164, _sentTo);
    }

    [Fact]
    public async Task Wake_WhenAnUrgentRowIsWritten_SendsItWithoutWaitingForThePoll()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var (_, user) = await SmsTestData.AddPersonAsync(database);
        var clock = TimeProvider.System;
        var signal = new OutboxSignal(clock);
        var dispatcher = new OutboxDispatcher(new TestContextFactory(database), _sender.Object, new SendPacer(clock), signal,
            Settings(pollSeconds: 600), Twilio(), clock, TestMetrics.Instance, NullLogger<OutboxDispatcher>.Instance);
        await dispatcher.StartAsync(default);
        try
        {
            await Task.Delay(300); // the first (empty) poll has run; the next is ten minutes away
            var crisis = await SmsTestData.AddOutboundAsync(database, user, OutboundKind.Crisis, DateTime.UtcNow);
            signal.Wake();

            await SmsTestData.WaitUntilAsync(async db => await db.OutboundMessages.AnyAsync(m => m.Id == crisis.Id && m.Status == OutboundStatus.Queued),
                database, "the woken dispatcher to send", seconds: 5);
        }
        finally
        {
            await dispatcher.StopAsync(default);
        }
    }

    [Theory, InlineData(DatabaseProvider.Sqlite), PostgresData]
    public async Task RunOnce_WhenAStatusCallbackRecordsOneRowOfTheBatchWhileItIsSent_RecordsTheOthersAndLeavesThatRowAsTheCallbackSaid(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var rows = new List<OutboundMessage>();
        for (var i = 0; i < 5; i++)
        {
            var (_, user) = await SmsTestData.AddPersonAsync(database);
            rows.Add(await SmsTestData.AddOutboundAsync(database, user, OutboundKind.CheckIn, s_evening.UtcDateTime));
        }

        var reported = rows[2];
        _sender.Setup(s => s.SendAsync(It.IsAny<SmsRequest>(), It.IsAny<CancellationToken>()))
            .Returns(async (SmsRequest request, CancellationToken _) =>
            {
                _sentTo.Add(request.To);
                if (request.To == reported.ToPhone)
                {
                    // Twilio's delivery report lands before the send's answer is recorded (as StatusCallback records it).
                    await using var db = database.CreateContext();
                    await db.OutboundMessages.Where(m => m.Id == reported.Id).ExecuteUpdateAsync(u => u
                        .SetProperty(m => m.Status, OutboundStatus.Delivered)
                        .SetProperty(m => m.ProviderMessageId, "SMreportedbythecallback")
                        .SetProperty(m => m.ClaimToken, (Guid?)null), CancellationToken.None);
                }

                return new SendOutcome.Accepted("SM" + Guid.NewGuid().ToString("N"), OutboundStatus.Queued);
            });

        Assert.Equal(5, await Dispatcher(database).RunOnceAsync(default));

        var callbacks = await SmsTestData.ReloadAsync(database, reported);
        Assert.Equal((OutboundStatus.Delivered, "SMreportedbythecallback"), (callbacks.Status, callbacks.ProviderMessageId));
        foreach (var row in rows.Where(r => r.Id != reported.Id))
        {
            var sent = await SmsTestData.ReloadAsync(database, row);
            Assert.Equal(OutboundStatus.Queued, sent.Status);
            Assert.Null(sent.ClaimToken);
            Assert.StartsWith("SM", sent.ProviderMessageId);
        }

        Assert.Equal(5, _sentTo.Count);
    }

    [Theory, InlineData(DatabaseProvider.Sqlite), PostgresData]
    public async Task RunOnce_WhenTheProviderAnswersWithASidAnotherRowHolds_RecordsTheOthersAndLeavesThatRowInDoubt(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (_, holder) = await SmsTestData.AddPersonAsync(database);
        await SmsTestData.AddOutboundAsync(database, holder, OutboundKind.CheckIn, s_evening.UtcDateTime.AddHours(-1), m =>
            (m.Status, m.ProviderMessageId, m.SentAtUtc) = (OutboundStatus.Delivered, "SMalreadyanotherrows", s_evening.UtcDateTime.AddHours(-1)));
        var (_, first) = await SmsTestData.AddPersonAsync(database);
        var (_, second) = await SmsTestData.AddPersonAsync(database);
        var clashing = await SmsTestData.AddOutboundAsync(database, first, OutboundKind.CheckIn, s_evening.UtcDateTime);
        var fine = await SmsTestData.AddOutboundAsync(database, second, OutboundKind.CheckIn, s_evening.UtcDateTime);
        _sender.Setup(s => s.SendAsync(It.IsAny<SmsRequest>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((SmsRequest request, CancellationToken _) => new SendOutcome.Accepted(
                request.To == first.PhoneE164 ? "SMalreadyanotherrows" : "SM" + Guid.NewGuid().ToString("N"), OutboundStatus.Queued));

        Assert.Equal(2, await Dispatcher(database).RunOnceAsync(default));

        var recorded = await SmsTestData.ReloadAsync(database, fine);
        Assert.Equal(OutboundStatus.Queued, recorded.Status);
        Assert.StartsWith("SM", recorded.ProviderMessageId);
        var inDoubt = await SmsTestData.ReloadAsync(database, clashing);
        Assert.Equal((OutboundStatus.Pending, null, "sid-taken"), (inDoubt.Status, inDoubt.ProviderMessageId, inDoubt.ErrorCode));
        Assert.NotNull(inDoubt.UnconfirmedSinceUtc);
        Assert.Null(inDoubt.ClaimToken);
    }

    private void AcceptEverything() =>
        _sender.Setup(s => s.SendAsync(It.IsAny<SmsRequest>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((SmsRequest request, CancellationToken _) =>
            {
                _sentTo.Add(request.To);
                return new SendOutcome.Accepted("SM" + Guid.NewGuid().ToString("N"), OutboundStatus.Queued);
            });

    private OutboxDispatcher Dispatcher(TestDatabase database, ISmsSender? sender = null, SmsSettings? settings = null) =>
        new(new TestContextFactory(database), sender ?? _sender.Object, new SendPacer(_clock), new OutboxSignal(_clock),
            settings ?? Settings(), Twilio(), _clock, TestMetrics.Instance, NullLogger<OutboxDispatcher>.Instance);

    private static SmsSettings Settings(int batchSize = 20, double pollSeconds = 2) =>
        SmsSettings.Read(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Sms:Outbox:BatchSize"] = batchSize.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Sms:Outbox:PollSeconds"] = pollSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }).Build());

    private static TwilioSettings Twilio() =>
        TwilioSettings.Read(new ConfigurationBuilder().Build(), SmsProvider.Simulator);
}
