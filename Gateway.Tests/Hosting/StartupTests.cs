using Buddy.Gateway.Data;
using Buddy.Tests.Data;
using Buddy.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

namespace Buddy.Tests.Hosting;

/// <summary>The real executable: bad configuration stops it with one clear line; good configuration serves /health.</summary>
public sealed class StartupTests
{
    [Fact]
    public async Task Start_WhenProviderIsUnknown_PrintsOneLineNamingTheSettingAndExitsNonZero()
    {
        var (exitCode, _, stderr) = await GatewayProcess.RunAsync([new("Database:Provider", "Oracle")], standardInput: null);

        Assert.NotEqual(0, exitCode);
        var lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var line = Assert.Single(lines);
        Assert.Contains("Database:Provider", line, StringComparison.Ordinal);
        Assert.Contains("Oracle", line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Questionnaires:ExpiryHours", "abc")] // the binder cannot convert it
    [InlineData("Email:Smtp:Port", "xyz")]
    [InlineData("Email:Smtp:Port", "0")] // converts, but fails its check
    [InlineData("Sessions:ReminderLocalTime", "25:99")]
    [InlineData("Identity:SecureCookiesOnly", "maybe")] // read only when the first sign-in cookie is made, unless checked at start
    [InlineData("Demo:SeedOnStart", "sometimes")]
    [InlineData("Twilio:RequestTimeoutSeconds", "-1")]
    [InlineData("Conversations:DueWorkIntervalSeconds", "soon")]
    [InlineData("DataProtection:RetainAfterDischargeDays", "0")] // converts, but fails its check
    [InlineData("DataProtection:RetainUnmatchedInboundDays", "ninety")]
    [InlineData("Scheduling:DispatchIntervalSeconds", "soon")]
    [InlineData("Scheduling:BatchSize", "0")] // converts, but fails its check
    [InlineData("OpenTelemetry:Protocol", "carrier-pigeon")]
    public async Task Start_WhenASettingCannotBeUsed_PrintsOneLineNamingItAndExitsWith2(string key, string value)
    {
        var (exitCode, _, stderr) = await GatewayProcess.RunAsync([new(key, value)], standardInput: null);

        Assert.Equal(2, exitCode);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.StartsWith("Buddy cannot start: ", line, StringComparison.Ordinal);
        Assert.Contains(key, line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Sms:Provider", null, "Sms:Provider is not set")] // no silent fall-back to the simulator
    [InlineData("Sms:Provider", "Simulator", "Sms:Provider is Simulator")]
    [InlineData("AllowedHosts", null, "AllowedHosts is not set")]
    [InlineData("AllowedHosts", "*", "AllowedHosts is '*'")]
    [InlineData("ReverseProxy:TlsTerminatedUpstream", null, "ReverseProxy:TlsTerminatedUpstream")] // plain HTTP only
    [InlineData("Demo:SeedOnStart", "true", "Demo:SeedOnStart is true")]
    public async Task Start_InProduction_WhenAServingRuleIsBroken_PrintsOneLineAndExitsWith2BeforeTouchingTheDatabase(string key, string? value, string expected)
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, migrate: false);

        var (exitCode, _, stderr) = await GatewayProcess.RunAsync([.. database.GatewaySettings(), new(key, value)], standardInput: null);

        Assert.Equal(2, exitCode);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.StartsWith("Buddy cannot start: ", line, StringComparison.Ordinal);
        Assert.Contains(expected, line, StringComparison.Ordinal);
        await using var context = database.CreateContext();
        Assert.Equal(0, await context.Database.SqlQueryRaw<int>("SELECT COUNT(*) AS \"Value\" FROM sqlite_master WHERE name = 'schema_history'").SingleAsync());
    }

    [Theory]
    [InlineData("urls", "http://0.0.0.0:5080", false)]
    [InlineData("urls", "http://0.0.0.0:5080;https://0.0.0.0:5443", true)]
    [InlineData("https_ports", "443", true)]
    [InlineData("Kestrel:Endpoints:Secure:Url", "https://0.0.0.0:5443", true)]
    [InlineData("Kestrel:Endpoints:Plain:Url", "http://0.0.0.0:5080", false)]
    public void ServesHttps_ReadsEveryWayKestrelIsGivenAnAddress(string key, string value, bool expected)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [key] = value }).Build();

        Assert.Equal(expected, Buddy.Gateway.Hosting.ServingRules.ServesHttps(configuration));
    }

    [Fact]
    public async Task Start_WhenTwilioFromIsNotAPhoneNumber_PrintsOneLineNamingItAndExitsWith2()
    {
        var (exitCode, stdout, stderr) = await GatewayProcess.RunAsync(
            [
                new("Sms:Provider", "Twilio"), new("Twilio:AccountSid", Buddy.Tests.Sms.Twilio.FakeTwilio.AccountSid),
                new("Twilio:AuthToken", "token"), new("Twilio:From", "notaphone"),
            ],
            standardInput: null);

        Assert.Equal(2, exitCode);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.StartsWith("Buddy cannot start: Twilio:From must be", line, StringComparison.Ordinal);
        Assert.Contains("FTL] Buddy.Gateway.Startup: Buddy cannot start: Twilio:From must be", stdout, StringComparison.Ordinal); // the bootstrap logger, before the host exists
    }

    [Fact]
    public async Task Start_WhenPostgresIsUnreachable_PrintsOneLineNamingTheConnectionStringAndExitsNonZero()
    {
        // Port 1 on loopback: nothing listens there, so the connection is refused at once.
        var (exitCode, stdout, stderr) = await GatewayProcess.RunAsync(
            [new("Database:Provider", "Postgres"), new("ConnectionStrings:Buddy", "Host=127.0.0.1;Port=1;Username=buddy;Timeout=3")],
            standardInput: null);

        Assert.NotEqual(0, exitCode);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.Contains("ConnectionStrings:Buddy", line, StringComparison.Ordinal);
        Assert.Contains("FTL] Buddy.Gateway.Startup: Buddy cannot start: Cannot open the Postgres database", stdout, StringComparison.Ordinal); // the host's logger
    }

    [Fact]
    public async Task Start_WhenSqlServerIsUnreachable_PrintsOneLineNamingTheConnectionStringAndExitsWith2()
    {
        // Port 1 on loopback: nothing listens there, so the connection is refused at once.
        var (exitCode, _, stderr) = await GatewayProcess.RunAsync(
            [new("Database:Provider", "SqlServer"), new("ConnectionStrings:Buddy", "Server=tcp:127.0.0.1,1;Database=buddy;User Id=buddy;Password=unused;Connect Timeout=3;Encrypt=False")],
            standardInput: null);

        Assert.Equal(2, exitCode);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.StartsWith("Buddy cannot start: Cannot open the SqlServer database named by ConnectionStrings:Buddy: ", line, StringComparison.Ordinal);
        Assert.DoesNotContain(": Success", line, StringComparison.Ordinal); // SqlClient's innermost OS error says only that
    }

    [Theory]
    [InlineData("Database:Provider", "SqlServer", "ConnectionStrings:Buddy is required when Database:Provider is SqlServer")]
    [InlineData("ConnectionStrings:Buddy", "Server=x;Colour=blue", "ConnectionStrings:Buddy is not a valid SQL Server connection string")]
    public async Task Start_WhenSqlServerSettingsAreWrong_SaysWhich(string key, string value, string expected)
    {
        var settings = key == "Database:Provider"
            ? new KeyValuePair<string, string?>[] { new(key, value) }
            : [new("Database:Provider", "SqlServer"), new(key, value)];

        var (exitCode, _, stderr) = await GatewayProcess.RunAsync(settings, standardInput: null);

        Assert.Equal(2, exitCode);
        Assert.Contains(expected, stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_WhenPostgresHasNoConnectionString_SaysWhichSettingIsMissing()
    {
        var (exitCode, _, stderr) = await GatewayProcess.RunAsync([new("Database:Provider", "Postgres")], standardInput: null);

        Assert.NotEqual(0, exitCode);
        Assert.Contains("ConnectionStrings:Buddy is required", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_OnAFreshSqliteFile_CreatesTheSchemaAndAnswersHealth()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, migrate: false);
        await using var gateway = GatewayProcess.Start(database.GatewaySettings());

        await gateway.WaitUntilHealthyAsync(TimeSpan.FromSeconds(60));

        await using var context = database.CreateContext();
        Assert.Equal(SchemaScript.For(DatabaseProvider.Sqlite).Count, await SchemaMatchesModelTests.CountHistoryAsync(context));
    }

    [PostgresFact]
    public async Task TwoGateways_StartingTogetherOnAnEmptyPostgresDatabase_BothComeUpAndApplyEachScriptOnce()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres, migrate: false);
        await using var first = GatewayProcess.Start(database.GatewaySettings());
        await using var second = GatewayProcess.Start(database.GatewaySettings());

        await Task.WhenAll(first.WaitUntilHealthyAsync(TimeSpan.FromSeconds(90)), second.WaitUntilHealthyAsync(TimeSpan.FromSeconds(90)));

        await using var context = database.CreateContext();
        Assert.Equal(SchemaScript.For(DatabaseProvider.Postgres).Count, await SchemaMatchesModelTests.CountHistoryAsync(context));
        var applied = Count(first.StandardOutput, "Applying schema script") + Count(second.StandardOutput, "Applying schema script");
        Assert.Equal(SchemaScript.For(DatabaseProvider.Postgres).Count, applied);
    }

    [Fact]
    public async Task TwoGateways_StartingTogetherOnAnEmptySqliteFile_BothComeUpAndApplyEachScriptOnce()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, migrate: false);
        await using var first = GatewayProcess.Start(database.GatewaySettings());
        await using var second = GatewayProcess.Start(database.GatewaySettings());

        await Task.WhenAll(first.WaitUntilHealthyAsync(TimeSpan.FromSeconds(90)), second.WaitUntilHealthyAsync(TimeSpan.FromSeconds(90)));

        var applied = Count(first.StandardOutput, "Applying schema script") + Count(second.StandardOutput, "Applying schema script");
        Assert.Equal(SchemaScript.For(DatabaseProvider.Sqlite).Count, applied);
    }

    private static int Count(string text, string needle) =>
        (text.Length - text.Replace(needle, "", StringComparison.Ordinal).Length) / needle.Length;
}
