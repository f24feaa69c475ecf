using Buddy.Domain.Sms;
using Buddy.Gateway.Data;
using Buddy.Gateway.Sms;
using Buddy.Gateway.Sms.Outbox;
using Buddy.Gateway.Sms.Twilio;
using Buddy.Tests.Sms;
using Buddy.Tests.Sms.Twilio;
using Buddy.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Buddy.Tests.Faults;

/// <summary>
/// Twilio failing for a while: the real outbox dispatcher and Twilio client against a Twilio stand-in on
/// 127.0.0.1 that answers 500s, a 429 with a long Retry-After and one answer that never arrives, then recovers.
/// The outbox runs on a fake clock, so its minutes of backoff take no time.
/// </summary>
public sealed class ProviderOutageTests
{
    private static readonly DateTimeOffset s_evening = new(2026, 11, 25, 19, 0, 0, TimeSpan.Zero);

    [Theory, InlineData(DatabaseProvider.Sqlite), PostgresData]
    public async Task Dispatch_WhenTwilioFailsForAWhile_DeliversEveryTextExactlyOnceAfterBackingOff(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var clock = new FakeTimeProvider(s_evening);
        await using var twilio = await FakeTwilio.StartAsync();
        twilio.Clock = clock;
        var rows = new List<OutboundMessage>();
        for (var i = 0; i < 8; i++)
        {
            var (_, user) = await SmsTestData.AddPersonAsync(database);
            rows.Add(await SmsTestData.AddOutboundAsync(database, user, OutboundKind.CheckIn, s_evening.UtcDateTime));
        }

        // Two texts meet only 500s (three each: the client's own two quick retries give up), one a 429 asking for
        // two minutes, one an answer that never comes although Twilio took the text; the rest go straight through.
        for (var i = 0; i < 6; i++)
        {
            twilio.ThenError(500, 20500, "Internal Server Error");
        }

        twilio.ThenError(429, 20429, "Too Many Requests", retryAfter: TimeSpan.FromMinutes(2)).ThenSilence(TimeSpan.FromSeconds(30));
        var dispatcher = Dispatcher(database, twilio, clock);

        var deadline = s_evening.AddMinutes(30);
        while (clock.GetUtcNow() < deadline && !await AllSentAsync(database))
        {
            await dispatcher.RunOnceAsync(default);
            clock.Advance(TimeSpan.FromSeconds(5));
        }

        Assert.True(await AllSentAsync(database), "every text was handed over once Twilio recovered");

        // Exactly once, by Twilio's own record: one accepted text per row, and it is the one the row recorded.
        var accepted = twilio.Accepted.ToList();
        Assert.Equal(rows.Count, accepted.Count);
        await using var db = database.CreateContext();
        foreach (var row in rows)
        {
            var stored = await db.OutboundMessages.AsNoTracking().SingleAsync(m => m.Id == row.Id);
            Assert.Equal(Assert.Single(accepted, a => a.To == row.ToPhone).Sid, stored.ProviderMessageId);
            Assert.Null(stored.UnconfirmedSinceUtc);
        }

        // Which texts met which fault, from the order of the first round of requests (all at 19:00 on the fake clock).
        var firstRound = twilio.Requests.Where(r => r.At == s_evening).Select(r => r.Form["To"]).Distinct().ToList();
        var (failing, limited, lost) = (firstRound[..2], firstRound[2], firstRound[3]);
        var attempts = twilio.Requests.GroupBy(r => r.Form["To"]).ToDictionary(g => g.Key, g => g.Select(r => r.At).Distinct().Order().ToList());

        // Backoff: after the 500s the next outbox attempt came no sooner than its first delay (15-30 s; the client's
        // quick in-call retries share one outbox attempt's time), and the 429's two-minute Retry-After was honoured.
        Assert.All(failing, phone =>
        {
            Assert.Equal(4, twilio.Requests.Count(r => r.Form["To"] == phone));
            Assert.Equal(2, attempts[phone].Count);
            Assert.InRange(attempts[phone][1] - attempts[phone][0], TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(35));
        });
        Assert.Equal(2, attempts[limited].Count);
        Assert.True(attempts[limited][1] - attempts[limited][0] >= TimeSpan.FromMinutes(2), "Twilio's Retry-After was honoured");

        // The text whose answer was lost was looked up in Twilio's list, found, and never posted again.
        Assert.Equal([lost, lost], twilio.Lookups.Select(q => System.Web.HttpUtility.ParseQueryString(q)["To"])); // its sent texts, then the newest page
        Assert.Single(twilio.Requests, r => r.Form["To"] == lost);
    }

    private static async Task<bool> AllSentAsync(TestDatabase database)
    {
        await using var db = database.CreateContext();
        return await db.OutboundMessages.AllAsync(m => m.Status == OutboundStatus.Queued || m.Status == OutboundStatus.Delivered);
    }

    private static OutboxDispatcher Dispatcher(TestDatabase database, FakeTwilio twilio, FakeTimeProvider clock)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Sms:Provider"] = "Twilio",
            ["Twilio:AccountSid"] = FakeTwilio.AccountSid,
            ["Twilio:AuthToken"] = FakeTwilio.AuthToken,
            ["Twilio:From"] = FakeTwilio.From,
            ["Twilio:BaseUrl"] = twilio.BaseUrl.ToString(),
            ["Twilio:RequestTimeoutSeconds"] = "5", // only the scripted silence may time out, even on a busy CI machine

            // One send at a time, so each scripted fault lands on a known text (the order of the first requests).
            ["Sms:Outbox:Concurrency"] = "1",
        }).Build();
        var twilioSettings = TwilioSettings.Read(configuration, SmsProvider.Twilio);

        // The client waits in real time (its in-call retries are milliseconds); the outbox's clock is fake.
        var sender = new TwilioSmsSender(SingleClientFactory.ClientsFor(twilioSettings, TimeSpan.FromSeconds(30)), NullLogger<TwilioSmsSender>.Instance, TimeProvider.System);
        return new OutboxDispatcher(new Support.TestContextFactory(database), sender, new SendPacer(clock), new OutboxSignal(clock),
            SmsSettings.Read(configuration), twilioSettings, clock, TestMetrics.Instance, NullLogger<OutboxDispatcher>.Instance);
    }
}
