using System.Net;
using System.Text.Json;
using Buddy.Domain.Sms;
using Buddy.Gateway.Data;
using Buddy.Tests.Api;
using Buddy.Tests.Dashboard;
using Buddy.Tests.Sms;
using Buddy.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Buddy.Tests.Faults;

/// <summary>
/// The database unavailable for a while under the running gateway. PostgreSQL: the database refuses connections
/// and every session is terminated. SQLite: another process holds the write lock (a backup or a sqlite3 shell).
/// Webhooks answer 503 so Twilio retries, /health says unhealthy, nothing is half-written, and once the database
/// is back the gateway carries on by itself: the retried texts are stored once and handled, and replies go out.
/// </summary>
public sealed class DatabaseOutageTests
{
    [Theory, InlineData(DatabaseProvider.Sqlite), PostgresData]
    public async Task Webhooks_WhileTheDatabaseIsDown_Answer503AndTheGatewayRecoversByItself(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (_, user) = await SmsTestData.AddPersonAsync(database);
        await using var gateway = new SmsGateway(database, settings: new Dictionary<string, string?> { ["ConnectionStrings:Buddy"] = QuickToGiveUp(database) });
        using var client = gateway.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/health", UriKind.Relative))).StatusCode);
        var diary = SmsGateway.InboundForm(user.PhoneE164!, "7 good day, went to the park");
        var help = SmsGateway.InboundForm(user.PhoneE164!, "HELP");

        await using (var outage = await Outage.BeginAsync(database))
        {
            foreach (var form in new[] { diary, help })
            {
                using var refused = await gateway.PostSignedAsync("/sms/inbound", form);
                Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
            }

            using var health = await client.GetAsync(new Uri("/health", UriKind.Relative));
            Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
            var report = JsonDocument.Parse(await health.Content.ReadAsStringAsync()).RootElement;
            Assert.Equal("Unhealthy", report.GetProperty("checks").GetProperty("database").GetProperty("status").GetString());
        }

        // Nothing half-written: no text, no reply, no diary entry from the refused requests.
        await using (var db = database.CreateContext())
        {
            Assert.Equal(0, await db.InboundMessages.CountAsync());
            Assert.Equal(0, await db.OutboundMessages.CountAsync());
            Assert.Equal(0, await db.DiaryEntries.CountAsync());
        }

        // Back without a restart: health recovers, and Twilio's retries (twice each, as it may) are stored once.
        await EventuallyHealthyAsync(client);
        foreach (var form in new[] { diary, help, diary, help })
        {
            Assert.Equal(HttpStatusCode.OK, await PostAsTwilioRetriesAsync(gateway, form));
        }

        await SmsTestData.WaitUntilAsync(db => db.OutboundMessages.AnyAsync(m => m.Kind == OutboundKind.Help && m.ProviderMessageId != null),
            database, "the HELP reply to be sent once the database is back", seconds: 60);
        await using var check = database.CreateContext();
        Assert.Equal(2, await check.InboundMessages.CountAsync());
        Assert.True(await check.InboundMessages.AllAsync(m => m.State == InboundState.Processed));
        Assert.Equal(7, (await check.DiaryEntries.SingleAsync()).MoodScore);
        Assert.Equal(1, await check.OutboundMessages.CountAsync(m => m.Kind == OutboundKind.Help));
    }

    [PostgresFact]
    public async Task PagesAndApi_WhileTheDatabaseIsDown_Answer503WithAPlainExplanation_AndRecoverByThemselves()
    {
        var world = await DashboardWorld.CreateAsync(DatabaseProvider.Postgres);
        try
        {
            await PagesAndApiDuringAnOutageAsync(world);
        }
        finally
        {
            // Quartz meets a connection the outage killed while shutting down and retries after a delay on the
            // world's fake clock: keep that clock moving until the gateway has stopped.
            using var ticking = new Timer(_ => world.Factory.Clock.Advance(TimeSpan.FromSeconds(1)), null, 0, 50);
            await world.DisposeAsync();
        }
    }

    private static async Task PagesAndApiDuringAnOutageAsync(DashboardWorld world)
    {
        var therapist = await world.SignedInAsync(world.TherapistA1);
        var (key, row) = ApiWorld.NewKey(world.OrgA.Id, "outage", DashboardWorld.Now.UtcDateTime);
        await using (var db = world.CreateContext())
        {
            db.ApiKeys.Add(row);
            await db.SaveChangesAsync();
        }

        var api = ApiWorld.Client(world.Factory, key);
        var summary = new Uri($"/Dashboard/Summary/{world.Jo.Id}", UriKind.Relative);
        var people = new Uri("/api/v1/service-users", UriKind.Relative);
        Assert.Equal(HttpStatusCode.OK, (await therapist.GetAsync(summary)).StatusCode);

        await using (await Outage.BeginAsync(world.Factory.Database))
        {
            using var page = await therapist.GetAsync(summary);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, page.StatusCode);
            Assert.Equal(TimeSpan.FromSeconds(30), page.Headers.RetryAfter?.Delta);
            var html = await page.Content.ReadAsStringAsync();
            Assert.Contains("Buddy cannot reach its database", html, StringComparison.Ordinal);
            Assert.Contains("Nothing from this request was saved", html, StringComparison.Ordinal);
            Assert.DoesNotContain("Exception", html, StringComparison.Ordinal); // no stack trace, no driver message
            Assert.DoesNotContain("Npgsql", html, StringComparison.Ordinal);

            using var json = await api.GetAsync(people);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, json.StatusCode);
            Assert.Equal("application/problem+json", json.Content.Headers.ContentType?.MediaType);
            Assert.Contains("requestId", await json.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        // Back without a restart (a pooled connection the outage killed may fail one more request first).
        var status = HttpStatusCode.ServiceUnavailable;
        for (var attempt = 0; attempt < 5 && status != HttpStatusCode.OK; attempt++)
        {
            await Task.Delay(attempt * 200);
            status = (await therapist.GetAsync(summary)).StatusCode;
        }

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync(people)).StatusCode);
    }

    /// <summary>
    /// Posts until answered 200, a few times at most, as Twilio retries a 503: a pooled PostgreSQL connection the
    /// outage killed is only found dead when next used, and that request fails once more before it is replaced.
    /// </summary>
    private static async Task<HttpStatusCode> PostAsTwilioRetriesAsync(SmsGateway gateway, List<KeyValuePair<string, string>> form)
    {
        var status = HttpStatusCode.ServiceUnavailable;
        for (var attempt = 0; attempt < 5 && status == HttpStatusCode.ServiceUnavailable; attempt++)
        {
            await Task.Delay(attempt * 200);
            using var response = await gateway.PostSignedAsync("/sms/inbound", form);
            status = response.StatusCode;
        }

        return status;
    }

    /// <summary>The test database's connection string with short waits, so a refused request answers in seconds.</summary>
    private static string QuickToGiveUp(TestDatabase database) => database.Provider == DatabaseProvider.Sqlite
        ? new SqliteConnectionStringBuilder(database.Settings.ConnectionString) { DefaultTimeout = 2 }.ToString()
        : new NpgsqlConnectionStringBuilder(database.Settings.ConnectionString) { Timeout = 3, CommandTimeout = 5 }.ToString();

    private static async Task EventuallyHealthyAsync(HttpClient client)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            using var health = await client.GetAsync(new Uri("/health", UriKind.Relative));
            if (health.StatusCode == HttpStatusCode.OK)
            {
                return;
            }

            Assert.True(DateTime.UtcNow < deadline, $"Still unhealthy after 60 s: {await health.Content.ReadAsStringAsync()}");
            await Task.Delay(250);
        }
    }

    /// <summary>Makes the database unusable to the gateway until disposed.</summary>
    private sealed class Outage : IAsyncDisposable
    {
        private readonly TestDatabase _database;
        private readonly SqliteConnection? _lockHolder;

        private Outage(TestDatabase database, SqliteConnection? lockHolder)
        {
            _database = database;
            _lockHolder = lockHolder;
        }

        public static async Task<Outage> BeginAsync(TestDatabase database)
        {
            if (database.Provider == DatabaseProvider.Sqlite)
            {
                // BEGIN IMMEDIATE takes the write lock and keeps it: every other writer gets SQLITE_BUSY.
                var connection = new SqliteConnection(new SqliteConnectionStringBuilder(database.Settings.ConnectionString) { Pooling = false }.ToString());
                await connection.OpenAsync();
                await using var begin = connection.CreateCommand();
                begin.CommandText = "BEGIN IMMEDIATE; UPDATE organisations SET name = name;";
                await begin.ExecuteNonQueryAsync();
                return new Outage(database, connection);
            }

            await AdminAsync(database, $"ALTER DATABASE {DatabaseName(database)} ALLOW_CONNECTIONS false");
            await AdminAsync(database, $"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{DatabaseName(database)}' AND pid <> pg_backend_pid()");
            return new Outage(database, null);
        }

        public async ValueTask DisposeAsync()
        {
            if (_lockHolder is not null)
            {
                await using var rollback = _lockHolder.CreateCommand();
                rollback.CommandText = "ROLLBACK";
                await rollback.ExecuteNonQueryAsync();
                await _lockHolder.DisposeAsync();
                return;
            }

            await AdminAsync(_database, $"ALTER DATABASE {DatabaseName(_database)} ALLOW_CONNECTIONS true");

            // The test's own idle connections were terminated too. The gateway's pool (its own connection string)
            // is left as it is: finding its dead connections and replacing them is the gateway's job.
            await using var ours = new NpgsqlConnection(_database.Settings.ConnectionString);
            NpgsqlConnection.ClearPool(ours);
        }

        private static string DatabaseName(TestDatabase database) => new NpgsqlConnectionStringBuilder(database.Settings.ConnectionString).Database!;

        private static async Task AdminAsync(TestDatabase database, string sql)
        {
            await using var admin = new NpgsqlConnection(PostgresServer.ConnectionString);
            await admin.OpenAsync();
            await using var command = new NpgsqlCommand(sql, admin);
            await command.ExecuteNonQueryAsync();
        }
    }
}
