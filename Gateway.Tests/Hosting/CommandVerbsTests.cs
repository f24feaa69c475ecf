using Buddy.Gateway.Data;
using Buddy.Tests.Data;
using Buddy.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Buddy.Tests.Hosting;

/// <summary>
/// Operator verbs on the real executable (Production): each applies pending schema scripts first, so one run on a
/// fresh database works, and says in one sentence when the database cannot be reached; seed-demo is refused.
/// </summary>
public sealed class CommandVerbsTests
{
    [Fact]
    public async Task CreateOrganisation_OnAFreshDatabase_AppliesTheSchemaFirstAndCreatesIt()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, migrate: false);

        var (exitCode, stdout, stderr) = await GatewayProcess.RunAsync(database.GatewaySettings(), standardInput: null, "create-organisation", "--name", "Northshire");

        Assert.True(exitCode == 0, $"exit {exitCode}: {stderr}");
        Assert.Contains("Created organisation 'Northshire'", stdout, StringComparison.Ordinal);
        await using var db = database.CreateContext();
        Assert.Equal("Northshire", (await db.Organisations.SingleAsync()).Name);
        Assert.Equal(SchemaScript.For(DatabaseProvider.Sqlite).Count, await SchemaMatchesModelTests.CountHistoryAsync(db));
    }

    [Fact]
    public async Task Verb_WhenTheDatabaseCannotBeReached_SaysSoInOneSentenceWithoutAStackTrace()
    {
        // Port 1 on loopback: nothing listens there, so the connection is refused at once.
        var (exitCode, _, stderr) = await GatewayProcess.RunAsync(
            [new("Database:Provider", "Postgres"), new("ConnectionStrings:Buddy", "Host=127.0.0.1;Port=1;Username=buddy;Timeout=3")],
            standardInput: null, "create-organisation", "--name", "Northshire");

        Assert.Equal(2, exitCode);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.Contains("ConnectionStrings:Buddy", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SeedDemo_OutsideDevelopment_IsRefusedAndCreatesNoAccounts()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);

        var (exitCode, _, stderr) = await GatewayProcess.RunAsync(database.GatewaySettings(), standardInput: null, "seed-demo");

        Assert.Equal(1, exitCode);
        Assert.Contains("seed-demo runs only in Development", stderr, StringComparison.Ordinal);
        await using var db = database.CreateContext();
        Assert.False(await db.Organisations.AnyAsync());
        Assert.False(await db.Users.AnyAsync());
    }
}
