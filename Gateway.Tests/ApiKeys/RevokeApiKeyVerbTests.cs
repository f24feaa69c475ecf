using Buddy.Domain.ApiKeys;
using Buddy.Domain.Audit;
using Buddy.Domain.Organisations;
using Buddy.Gateway.ApiKeys;
using Buddy.Gateway.Audit;
using Buddy.Gateway.Data;
using Buddy.Tests.Api;
using Buddy.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Buddy.Tests.ApiKeys;

/// <summary><c>Gateway revoke-api-key</c> (finding 4 of issue 13): by id, prefix or the key itself, only within the named organisation.</summary>
public sealed class RevokeApiKeyVerbTests
{
    private static readonly DateTimeOffset s_now = new(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("id")]
    [InlineData("prefix")]
    [InlineData("key")]
    public async Task Run_NamingTheKey_RevokesItAndAuditsTheOperator(string by)
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var (organisation, secret, key) = await SeedAsync(database, "Northshire");

        var words = by switch { "id" => key.Id.ToString(), "prefix" => key.Prefix + "…", _ => secret };
        var (code, output, error) = await RunAsync(database, "--organisation", "Northshire", "--key", words);

        Assert.True(code == 0, error);
        Assert.Contains("Revoked API key 'Records system'", output, StringComparison.Ordinal);
        await using var db = database.CreateContext();
        Assert.Equal(s_now.UtcDateTime, (await db.ApiKeys.SingleAsync(k => k.Id == key.Id)).RevokedAtUtc);
        var audit = await db.AuditEvents.SingleAsync(a => a.Action == "api-key.revoked");
        Assert.Equal((AuditActorType.Operator, (Guid?)null, (Guid?)organisation.Id), (audit.ActorType, audit.ActorId, audit.OrganisationId));
        Assert.DoesNotContain(secret, output + error + audit.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_WithAnotherOrganisationsKey_RevokesNothing()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await SeedAsync(database, "Northshire");
        var (_, _, theirs) = await SeedAsync(database, "Southby");

        var (code, _, error) = await RunAsync(database, "--organisation", "Northshire", "--key", theirs.Id.ToString());

        Assert.Equal(1, code);
        Assert.Contains("has no API key with that id, prefix or value", error, StringComparison.Ordinal);
        await using var db = database.CreateContext();
        Assert.False(await db.ApiKeys.AnyAsync(k => k.RevokedAtUtc != null));
    }

    [Fact]
    public async Task Run_WhenAlreadyRevoked_KeepsTheFirstTime()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var (_, _, key) = await SeedAsync(database, "Northshire", revoked: true);

        var (code, output, _) = await RunAsync(database, "--organisation", "Northshire", "--key", key.Id.ToString());

        Assert.Equal(0, code);
        Assert.Contains("was already revoked", output, StringComparison.Ordinal);
        await using var db = database.CreateContext();
        Assert.Equal(key.RevokedAtUtc, (await db.ApiKeys.SingleAsync()).RevokedAtUtc);
    }

    [Theory]
    [InlineData(new[] { "--organisation", "Northshire" }, "Missing --key.")]
    [InlineData(new[] { "--key", "bdy_x" }, "Missing --organisation.")]
    public async Task Run_WhenAnOptionIsMissing_ExitsWithUsage(string[] args, string message)
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);

        var (code, _, error) = await RunAsync(database, args);

        Assert.Equal(64, code);
        Assert.StartsWith(message, error, StringComparison.Ordinal);
    }

    private static async Task<(Organisation Organisation, string Secret, ApiKey Key)> SeedAsync(TestDatabase database, string name, bool revoked = false)
    {
        var organisation = new Organisation { Name = name, CreatedAtUtc = s_now.UtcDateTime };
        var (secret, key) = ApiWorld.NewKey(organisation.Id, "Records system", s_now.UtcDateTime, revoked);
        await using var db = database.CreateContext();
        db.AddRange(organisation, key);
        await db.SaveChangesAsync();
        return (organisation, secret, key);
    }

    private static async Task<(int Code, string Output, string Error)> RunAsync(TestDatabase database, params string[] args)
    {
        await using var db = database.CreateContext();
        var error = new StringWriter();
        var output = new StringWriter();
        var clock = new FakeTimeProvider(s_now);
        var verb = new RevokeApiKeyVerb(db, new ApiKeyIssuer(db, new AuditTrail(db, clock), new RecentApiKeys(), clock)) { Error = error };
        var code = await verb.RunAsync(args, TextReader.Null, output, CancellationToken.None);
        return (code, output.ToString(), error.ToString());
    }
}
