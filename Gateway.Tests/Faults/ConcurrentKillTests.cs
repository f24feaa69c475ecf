using Buddy.Domain.Sms;
using Buddy.Gateway.Data;
using Buddy.Tests.Sms;
using Buddy.Tests.Sms.Twilio;
using Buddy.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Buddy.Tests.Faults;

/// <summary>
/// The outside probe's crash, repeated: the real gateway sending with 8 texts in flight (Sms:Outbox:Concurrency),
/// several rows with the very same words to each number and the same words for everyone, killed (SIGKILL) while
/// Twilio is answering, then restarted on the same database and port. Twilio's stand-in sends no status callbacks
/// at all in one test and sends them late (after the restart) in the other. Every row must reach Twilio exactly
/// once, and every provider sid must be recorded on exactly the row that sent it, never on two.
/// </summary>
public sealed class ConcurrentKillTests
{
    private const int People = 10;
    private const int RowsEach = 4;
    private const string SameWords = "Thanks for your reply. If you need to talk to someone now, call 111.";

    [Theory, InlineData(DatabaseProvider.Sqlite), PostgresData]
    public Task Restart_WithEightInFlightAndNoStatusCallbacks_SendsEachRowOnceAndEachSidToOneRow(DatabaseProvider provider) =>
        RunAsync(provider, callbackDelay: null);

    [Theory, InlineData(DatabaseProvider.Sqlite), PostgresData]
    public Task Restart_WithEightInFlightAndLateStatusCallbacks_SendsEachRowOnceAndEachSidToOneRow(DatabaseProvider provider) =>
        RunAsync(provider, callbackDelay: TimeSpan.FromSeconds(4));

    private static async Task RunAsync(DatabaseProvider provider, TimeSpan? callbackDelay)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var twilio = await FakeTwilio.StartAsync();
        twilio.AcceptDelay = TimeSpan.FromMilliseconds(600);
        twilio.CallbackDelay = callbackDelay;
        var rows = new List<OutboundMessage>();
        for (var person = 0; person < People; person++)
        {
            var (_, user) = await SmsTestData.AddPersonAsync(database);
            for (var i = 0; i < RowsEach; i++)
            {
                // Not a routine kind: this runs on the wall clock, and quiet hours would hold a check-in at night.
                rows.Add(await SmsTestData.AddOutboundAsync(database, user, OutboundKind.Help, DateTime.UtcNow.AddMinutes(-1), m => m.Body = SameWords));
            }
        }

        var port = GatewayProcess.FreePort();
        var settings = Settings(database, twilio, port);
        await using (var first = GatewayProcess.Start(settings, port))
        {
            await ProcessKillTests.WaitAsync(() => twilio.Accepted.Count >= 12, first, "Twilio to have taken twelve texts");
            first.Kill();
        }

        await using (var db = database.CreateContext())
        {
            Assert.True(await db.OutboundMessages.CountAsync(m => m.ProviderMessageId != null) < twilio.Accepted.Count,
                "the kill should land while Twilio was answering, leaving texts it took unrecorded");
        }

        twilio.AcceptDelay = TimeSpan.FromMilliseconds(50);
        await using var second = GatewayProcess.Start(settings, port);
        await ProcessKillTests.WaitAsync(() => ProcessKillTests.AllRecorded(database) && twilio.CallbacksPending == 0, second, "every text to be recorded after the restart");

        // Each row reached Twilio once: each number got exactly as many texts as it has rows.
        Assert.Equal(rows.Count, twilio.Accepted.Count);
        Assert.All(rows.GroupBy(r => r.ToPhone), number => Assert.Equal(RowsEach, twilio.Accepted.Count(a => a.To == number.Key)));

        // Each sid on exactly the row whose send made it (the callback URL Twilio was given names the row).
        await using var check = database.CreateContext();
        var recorded = await check.OutboundMessages.AsNoTracking().ToDictionaryAsync(m => m.ProviderMessageId!, m => m);
        Assert.Equal(rows.Count, recorded.Count);
        foreach (var text in twilio.Accepted)
        {
            Assert.True(recorded.TryGetValue(text.Sid, out var row), $"Twilio's text {text.Sid} is recorded on no row");
            Assert.Equal($"/sms/status?outbox={row.Id:N}", new Uri(text.StatusCallback!).PathAndQuery);
            Assert.Null(row.UnconfirmedSinceUtc);
            Assert.Null(row.ClaimToken);
            if (callbackDelay is not null)
            {
                Assert.Equal(OutboundStatus.Delivered, row.Status);
            }
        }

        Assert.NotEmpty(twilio.Lookups);
    }

    private static List<KeyValuePair<string, string?>> Settings(TestDatabase database, FakeTwilio twilio, int port) =>
    [
        .. database.GatewaySettings(),
        new("Sms:Provider", "Twilio"),
        new("Twilio:AccountSid", FakeTwilio.AccountSid),
        new("Twilio:AuthToken", FakeTwilio.AuthToken),
        new("Twilio:From", FakeTwilio.From),
        new("Twilio:BaseUrl", twilio.BaseUrl.ToString()),

        // Every send names its row in the callback URL, whether or not Twilio ever calls it.
        new("Twilio:PublicBaseUrl", $"http://127.0.0.1:{port}"),
        new("Sms:Outbox:PollSeconds", "0.2"),
        new("Sms:Outbox:Concurrency", "8"),
        new("Sms:Outbox:BatchSize", "20"),

        // A short lease so the restarted gateway takes over the dead one's claims within seconds.
        new("Sms:Outbox:LeaseSeconds", "5"),
        new("Scheduling:Enabled", "false"),
        new("Sms:Inbound:Recovery:Enabled", "false"),
    ];
}
