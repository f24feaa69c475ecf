using Buddy.Domain.Sms;
using Buddy.Gateway.Data;
using Buddy.Tests.Sms;
using Buddy.Tests.Sms.Twilio;
using Buddy.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Buddy.Tests.Faults;

/// <summary>
/// The real gateway executable killed (SIGKILL) while it hands a backlog to a slow Twilio stand-in, then started
/// again on the same database. The kill lands while Twilio is answering, so Twilio has taken a text the gateway
/// never recorded: the restart must find that text through Twilio's list rather than send it again.
/// </summary>
public sealed class ProcessKillTests
{
    private const int Texts = 12;

    [Theory, InlineData(DatabaseProvider.Sqlite), PostgresData]
    public async Task Restart_AfterAKillMidDispatch_SendsEveryTextAndNothingTwice(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var twilio = await FakeTwilio.StartAsync();
        twilio.AcceptDelay = TimeSpan.FromMilliseconds(600);
        var rows = new List<OutboundMessage>();
        for (var i = 0; i < Texts; i++)
        {
            var (_, user) = await SmsTestData.AddPersonAsync(database);

            // Not a routine kind: this runs on the wall clock, and quiet hours would hold a check-in at night.
            rows.Add(await SmsTestData.AddOutboundAsync(database, user, OutboundKind.Help, DateTime.UtcNow.AddMinutes(-1)));
        }

        await using (var first = GatewayProcess.Start(Settings(database, twilio)))
        {
            await WaitAsync(() => twilio.Accepted.Count >= 4, first, "Twilio to have taken four texts");
            first.Kill();
        }

        // The gap the kill opened: Twilio holds more texts than the database has recorded.
        var takenBeforeTheKill = twilio.Accepted.Count;
        Assert.InRange(takenBeforeTheKill, 4, Texts - 1);
        await using (var db = database.CreateContext())
        {
            Assert.True(await db.OutboundMessages.CountAsync(m => m.ProviderMessageId != null) < takenBeforeTheKill,
                "the kill should land while Twilio was answering, leaving a text it took unrecorded");
        }

        twilio.AcceptDelay = TimeSpan.FromMilliseconds(50);
        await using var second = GatewayProcess.Start(Settings(database, twilio));
        await WaitAsync(() => AllRecorded(database), second, "every text to be recorded after the restart");

        // Nothing twice: Twilio took exactly one text per row, and each row recorded that one.
        Assert.Equal(Texts, twilio.Accepted.Count);
        await using var check = database.CreateContext();
        foreach (var row in rows)
        {
            var stored = await check.OutboundMessages.AsNoTracking().SingleAsync(m => m.Id == row.Id);
            Assert.Equal(Assert.Single(twilio.Accepted, a => a.To == row.ToPhone).Sid, stored.ProviderMessageId);
            Assert.Null(stored.UnconfirmedSinceUtc);
        }

        Assert.NotEmpty(twilio.Lookups);
    }

    internal static bool AllRecorded(TestDatabase database)
    {
        using var db = database.CreateContext();
        return db.OutboundMessages.All(m => m.ProviderMessageId != null);
    }

    private static IEnumerable<KeyValuePair<string, string?>> Settings(TestDatabase database, FakeTwilio twilio) =>
    [
        .. database.GatewaySettings(),
        new("Sms:Provider", "Twilio"),
        new("Twilio:AccountSid", FakeTwilio.AccountSid),
        new("Twilio:AuthToken", FakeTwilio.AuthToken),
        new("Twilio:From", FakeTwilio.From),
        new("Twilio:BaseUrl", twilio.BaseUrl.ToString()),
        new("Sms:Outbox:PollSeconds", "0.2"),
        new("Sms:Outbox:BatchSize", "4"),

        // A short lease so the restarted gateway takes over the dead one's claims within seconds.
        new("Sms:Outbox:LeaseSeconds", "5"),
        new("Scheduling:Enabled", "false"),
    ];

    internal static async Task WaitAsync(Func<bool> condition, GatewayProcess gateway, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(180);
        while (!condition())
        {
            if (gateway.HasExited || DateTime.UtcNow > deadline)
            {
                Assert.Fail($"Gave up waiting for {what}.\n{gateway.StandardOutput}\n{gateway.StandardError}");
            }

            await Task.Delay(20);
        }
    }
}
