using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Net.Http.Json;
using System.Text.Json;
using Buddy.Domain.Sms;
using Buddy.Gateway.Data;
using Buddy.Gateway.Replies;
using Buddy.Gateway.Sms.Inbound;
using Buddy.Tests.Sms.Twilio;
using Buddy.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace Buddy.Tests.Sms.Inbound;

/// <summary>
/// Texts Twilio received that the webhook never delivered (the gateway was down, refused them or failed), read back
/// from Twilio's own log by the inbound recovery and stored exactly once, in each sender's order. The Twilio side is
/// <see cref="FakeTwilio"/>, which holds the texts as Twilio's Messages list does; the gateway runs on a fake clock.
/// </summary>
public sealed class InboundLogRecoveryTests
{
    private static readonly DateTimeOffset s_start = new(2026, 11, 25, 19, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan s_interval = TimeSpan.FromMinutes(5);

    [Theory, InlineData(DatabaseProvider.Sqlite), PostgresData]
    public async Task Restart_AfterATenMinuteOutageWith500Replies_StoresEachOnceWithinOneIntervalInEachSendersOrder(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var twilio = await FakeTwilio.StartAsync();
        var clock = new FakeTimeProvider(s_start);
        var senders = new List<string>();
        for (var i = 0; i < 50; i++)
        {
            senders.Add((await SmsTestData.AddPersonAsync(database)).User.PhoneE164!);
        }

        var sent = new List<(string From, string Body, string Sid)>();
        var handled = new ConcurrentQueue<(Guid Id, string Body)>();
        await using (var before = Gateway(database, twilio, clock, handled))
        {
            _ = before.Server;
            await SmsTestData.WaitUntilAsync(db => db.InboundRecoveryMarks.AnyAsync(m => m.LastRunAtUtc != null), database, "the first reading of Twilio's log");

            // Then 500 replies, ten from each of 50 people, interleaved, over the next ten minutes: the first twenty
            // reach the webhook before the gateway goes down, the other 480 arrive while it is down.
            for (var i = 0; i < 500; i++)
            {
                var from = senders[i % senders.Count];
                var body = $"{i / senders.Count} reply number {i / senders.Count} from person {i % senders.Count}";
                sent.Add((from, body, twilio.Receive(from, FakeTwilio.From, body, s_start.AddSeconds(1 + i * 1.2))));
            }

            foreach (var (from, body, sid) in sent.Take(20))
            {
                using var response = await before.PostSignedAsync("/sms/inbound", SmsGateway.InboundForm(from, body, sid));
                Assert.True(response.IsSuccessStatusCode);
            }
        }

        clock.Advance(TimeSpan.FromMinutes(10) + TimeSpan.FromSeconds(1));
        await using var after = Gateway(database, twilio, clock, handled);
        _ = after.Server;

        // The start-up reading, with no time passing on the gateway's clock: well within one interval.
        await SmsTestData.WaitUntilAsync(db => db.InboundMessages.CountAsync().ContinueWith(t => t.Result >= 500), database, "all 500 texts to be stored", seconds: 60);
        await SmsTestData.WaitUntilAsync(db => db.InboundMessages.AllAsync(m => m.State != InboundState.Received), database, "all 500 texts to be handled", seconds: 120);

        await using var db = database.CreateContext();
        var stored = await db.InboundMessages.AsNoTracking().ToListAsync();
        Assert.Equal(500, stored.Count);
        Assert.Equal(sent.Select(s => s.Sid).Order(StringComparer.Ordinal), stored.Select(m => m.ProviderMessageId).Order(StringComparer.Ordinal));
        Assert.Equal(480, stored.Count(m => m.RecoveredAtUtc is not null));
        Assert.All(stored.Where(m => m.RecoveredAtUtc is not null), m => Assert.True(m.ReceivedAtUtc < s_start.UtcDateTime.AddMinutes(11)));

        // Each person's replies were handled in the order they sent them.
        var handledOrder = handled.Reverse().DistinctBy(h => h.Id).Reverse().Select(h => h.Body).ToList();
        Assert.Equal(500, handledOrder.Count);
        foreach (var sender in senders)
        {
            var theirs = sent.Where(s => s.From == sender).Select(s => s.Body).ToList();
            Assert.Equal(theirs, handledOrder.Where(theirs.Contains).ToList());
        }

        var mark = await db.InboundRecoveryMarks.AsNoTracking().SingleAsync();
        Assert.Equal(480, mark.RecoveredTotal);
        Assert.Null(mark.LastError);
        Assert.Equal(clock.GetUtcNow().UtcDateTime, mark.HighWaterUtc);
    }

    [Theory, InlineData(DatabaseProvider.Sqlite), PostgresData]
    public async Task Job_WhenTheWebhookMissedTextsWhileRunning_RecoversThemAtTheNextInterval(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var twilio = await FakeTwilio.StartAsync();
        var clock = new FakeTimeProvider(s_start);
        var (_, user) = await SmsTestData.AddPersonAsync(database);
        await using var gateway = Gateway(database, twilio, clock, new ConcurrentQueue<(Guid Id, string Body)>());
        _ = gateway.Server;
        await SmsTestData.WaitUntilAsync(db => db.InboundRecoveryMarks.AnyAsync(m => m.LastRunAtUtc != null), database, "the start-up reading");

        // Refused by the rate limiter or answered 503: Twilio has them, Buddy does not.
        var missed = new[]
        {
            twilio.Receive(user.PhoneE164!, FakeTwilio.From, "6 went for a walk", s_start.AddMinutes(1)),
            twilio.Receive(user.PhoneE164!, FakeTwilio.From, "and then cooked", s_start.AddMinutes(2)),
        };

        clock.Advance(s_interval);
        await SmsTestData.WaitUntilAsync(db => db.InboundMessages.CountAsync().ContinueWith(t => t.Result == 2), database, "the next reading to store both");

        await using var db = database.CreateContext();
        Assert.Equal(missed.Order(StringComparer.Ordinal), (await db.InboundMessages.Select(m => m.ProviderMessageId).ToListAsync()).Order(StringComparer.Ordinal));

        var health = await gateway.CreateClient().GetFromJsonAsync<JsonElement>("/health");
        var entry = health.GetProperty("checks").GetProperty("inbound-recovery");
        Assert.Equal("Healthy", entry.GetProperty("status").GetString());
        await SmsTestData.WaitUntilAsync(d => d.InboundRecoveryMarks.AnyAsync(m => m.RecoveredTotal == 2), database, "the reading to be recorded");
        health = await gateway.CreateClient().GetFromJsonAsync<JsonElement>("/health");
        var data = health.GetProperty("checks").GetProperty("inbound-recovery").GetProperty("data");
        Assert.Equal(2, data.GetProperty("recoveredTotal").GetInt32());
        Assert.Equal(2, data.GetProperty("lastRecovered").GetInt32());
        Assert.Equal(clock.GetUtcNow().UtcDateTime, DateTime.Parse(data.GetProperty("lastRunUtc").GetString()!, null, System.Globalization.DateTimeStyles.RoundtripKind));
    }

    [Theory, InlineData(DatabaseProvider.Sqlite), PostgresData]
    public async Task Recover_OnTwoGatewaysAtOnce_StoresEachTextOnce(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var twilio = await FakeTwilio.StartAsync();
        var clock = new FakeTimeProvider(s_start);
        var (_, user) = await SmsTestData.AddPersonAsync(database);
        var sids = Enumerable.Range(0, 40).Select(i => twilio.Receive(user.PhoneE164!, FakeTwilio.From, $"text {i}", s_start.AddMinutes(-30).AddSeconds(i))).ToList();
        await using var one = Gateway(database, twilio, clock, new ConcurrentQueue<(Guid Id, string Body)>(), jobRunning: false);
        await using var two = Gateway(database, twilio, clock, new ConcurrentQueue<(Guid Id, string Body)>(), jobRunning: false);

        // Explicit readings (as the verb does) ignore each other's high-water mark, and may still meet on the lease.
        var results = await Task.WhenAll(
            one.Services.GetRequiredService<InboundRecovery>().RecoverAsync(s_start.UtcDateTime.AddHours(-1), default),
            two.Services.GetRequiredService<InboundRecovery>().RecoverAsync(s_start.UtcDateTime.AddHours(-1), default));
        var again = await one.Services.GetRequiredService<InboundRecovery>().RecoverAsync(s_start.UtcDateTime.AddHours(-1), default);

        await using var db = database.CreateContext();
        Assert.Equal(sids.Order(StringComparer.Ordinal), (await db.InboundMessages.Select(m => m.ProviderMessageId).ToListAsync()).Order(StringComparer.Ordinal));
        Assert.Equal(40, results.SelectMany(r => r).Sum(r => r.Recovered));
        Assert.Equal(0, Assert.Single(again).Recovered);
    }

    [Fact]
    public async Task Recover_ThroughAMessagingService_ReadsEveryNumberInItsPool()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var twilio = await FakeTwilio.StartAsync();
        twilio.ServiceNumbers.AddRange(["+447700900001", "+447700900002"]);
        var clock = new FakeTimeProvider(s_start);
        var (_, user) = await SmsTestData.AddPersonAsync(database);
        twilio.Receive(user.PhoneE164!, "+447700900001", "to the first number", s_start.AddMinutes(-2));
        twilio.Receive(user.PhoneE164!, "+447700900002", "to the second number", s_start.AddMinutes(-1));
        twilio.Receive(user.PhoneE164!, "+447700900003", "to a number not in the pool", s_start.AddMinutes(-1));
        await using var gateway = Gateway(database, twilio, clock, new ConcurrentQueue<(Guid Id, string Body)>(), jobRunning: false,
            extra: new() { ["Twilio:From"] = null, ["Twilio:MessagingServiceSid"] = FakeTwilio.MessagingServiceSid });

        var results = await gateway.Services.GetRequiredService<InboundRecovery>().RecoverAsync(s_start.UtcDateTime.AddHours(-1), default);

        Assert.Equal(["+447700900001", "+447700900002"], results.Select(r => r.Number));
        await using var db = database.CreateContext();
        Assert.Equal(["to the first number", "to the second number"], (await db.InboundMessages.OrderBy(m => m.ReceivedAtUtc).Select(m => m.Body).ToListAsync()));
    }

    [Fact]
    public async Task Verb_WithSince_StoresWhatTheWebhookMissedAndSaysHowMany()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var twilio = await FakeTwilio.StartAsync();
        var clock = new FakeTimeProvider(s_start);
        var (_, user) = await SmsTestData.AddPersonAsync(database);
        twilio.Receive(user.PhoneE164!, FakeTwilio.From, "sent during a long outage", s_start.AddHours(-3));
        twilio.Receive(user.PhoneE164!, FakeTwilio.From, "sent before the period asked for", s_start.AddHours(-5));
        await using var gateway = Gateway(database, twilio, clock, new ConcurrentQueue<(Guid Id, string Body)>(), jobRunning: false);
        await using var scope = gateway.Services.CreateAsyncScope();
        var verb = scope.ServiceProvider.GetServices<Buddy.Gateway.Hosting.ICommandVerb>().Single(v => v.Name == "recover-inbound");
        var output = new StringWriter();
        var counted = 0L;
        using var listener = CountRecovered(gateway.Services.GetRequiredService<IMeterFactory>(), n => counted += n);

        var exit = await verb.RunAsync(["--since", "2026-11-25T15:00Z"], TextReader.Null, output, default);

        Assert.Equal(0, exit);
        Assert.Equal(1, counted);
        Assert.Contains("1 text(s) in Twilio's log since 2026-11-25 15:00:00Z, 1 of them stored now", output.ToString());
        await using var db = database.CreateContext();
        Assert.Equal("sent during a long outage", (await db.InboundMessages.SingleAsync()).Body);
        Assert.Equal(64, await verb.RunAsync(["--since", "yesterday-ish"], TextReader.Null, new StringWriter(), default));
    }

    /// <summary>Listens to this gateway's own meter only: other tests' gateways recover at the same time.</summary>
    private static MeterListener CountRecovered(IMeterFactory gatewayMeters, Action<long> add)
    {
        var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Scope == gatewayMeters && instrument.Name == "buddy.inbound.recovered")
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((_, value, _, _) => add(value));
        listener.Start();
        return listener;
    }

    private static SmsGateway Gateway(
        TestDatabase database, FakeTwilio twilio, FakeTimeProvider clock, ConcurrentQueue<(Guid Id, string Body)> handled, bool jobRunning = true, Dictionary<string, string?>? extra = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Sms:Provider"] = "Twilio",
            ["Twilio:AccountSid"] = FakeTwilio.AccountSid,
            ["Twilio:From"] = FakeTwilio.From,
            ["Twilio:BaseUrl"] = twilio.BaseUrl.ToString(),
            ["Sms:Inbound:Recovery:Enabled"] = jobRunning ? "true" : "false",
            ["Sms:Inbound:Recovery:IntervalSeconds"] = s_interval.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Scheduling:Enabled"] = "false",
        };
        foreach (var (key, value) in extra ?? [])
        {
            settings[key] = value;
        }

        return new SmsGateway(database, settings: settings, services: s =>
        {
            s.RemoveAll<TimeProvider>();
            s.AddSingleton<TimeProvider>(clock);

            // Only a recording pipeline: the order each person's replies were handled in is what shows.
            s.AddScoped<IReplyPipeline>(_ => new RecordingPipeline(handled));
        });
    }

    private sealed class RecordingPipeline(ConcurrentQueue<(Guid Id, string Body)> handled) : IReplyPipeline
    {
        public Task<ReplyResult> HandleAsync(ReplyContext reply, CancellationToken cancellationToken)
        {
            // Noted with the message's id: an attempt the stopping gateway rolled back and the restarted one redid
            // shows twice here, and only the last of them stands.
            handled.Enqueue((reply.Message.Id, reply.Message.Body));
            return Task.FromResult(new ReplyResult(ReplyStep.Diary, "recorded"));
        }
    }
}
