using Buddy.Domain.Audit;
using Buddy.Domain.Organisations;
using Buddy.Gateway.ApiKeys;
using Buddy.Gateway.Audit;
using Buddy.Gateway.Data;
using Buddy.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Buddy.Tests.ApiKeys;

public class CreateApiKeyVerbTests
{
    private static readonly DateTimeOffset s_now = new(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);

    private static async Task<(int Code, string Output, string Error)> RunAsync(TestDatabase database, params string[] args)
    {
        await using var db = database.CreateContext();
        var error = new StringWriter();
        var output = new StringWriter();
        var clock = new FakeTimeProvider(s_now);
        var verb = new CreateApiKeyVerb(db, new ApiKeyIssuer(db, new AuditTrail(db, clock), new RecentApiKeys(), clock)) { Error = error };
        var code = await verb.RunAsync(args, TextReader.Null, output, CancellationToken.None);
        return (code, output.ToString(), error.ToString());
    }

    private static async Task<Organisation> SeedOrganisationAsync(TestDatabase database)
    {
        var organisation = new Organisation { Name = "Northshire Talking Therapies", CreatedAtUtc = s_now.UtcDateTime };
        await using var db = database.CreateContext();
        db.Organisations.Add(organisation);
        await db.SaveChangesAsync();
        return organisation;
    }

    [Theory, InlineData(DatabaseProvider.Sqlite), PostgresData]
    public async Task Run_WhenOrganisationNamed_PrintsKeyOnceAndStoresOnlyItsHash(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var organisation = await SeedOrganisationAsync(database);

        var (code, output, error) = await RunAsync(database, "--organisation", "northshire talking therapies", "--name", "Records system");

        Assert.Equal(0, code);
        var key = output.Trim();
        Assert.True(ApiKeySecret.LooksLikeKey(key), key);
        Assert.Contains("shown once", error);
        Assert.DoesNotContain(key, error);
        await using var db = database.CreateContext();
        var row = await db.ApiKeys.SingleAsync();
        Assert.Equal((organisation.Id, "Records system", key[..12], ApiKeySecret.HashOf(key)), (row.OrganisationId, row.Name, row.Prefix, row.Hash));
        var audit = await db.AuditEvents.SingleAsync();
        Assert.Equal(("api-key.created", AuditActorType.Operator), (audit.Action, audit.ActorType));
        Assert.DoesNotContain(key, audit.Detail);
    }

    [Fact]
    public async Task Run_WhenOrganisationUnknown_RefusesWithExit1()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);

        var (code, output, error) = await RunAsync(database, "--organisation", "Nowhere");

        Assert.Equal((1, "", "No organisation is named 'Nowhere'."), (code, output, error.Trim()));
    }

    [Fact]
    public async Task Run_WhenOrganisationMissing_ExitsWithUsage()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);

        var (code, _, error) = await RunAsync(database, "--name", "x");

        Assert.Equal(64, code);
        Assert.StartsWith("Missing --organisation.", error);
    }

    [Fact]
    public async Task Run_Twice_GivesDifferentKeys()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await SeedOrganisationAsync(database);

        var first = (await RunAsync(database, "--organisation", "Northshire Talking Therapies")).Output;
        var second = (await RunAsync(database, "--organisation", "Northshire Talking Therapies")).Output;

        Assert.NotEqual(first, second);
    }
}
