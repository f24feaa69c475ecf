using Buddy.Domain.Audit;
using Buddy.Domain.Organisations;
using Buddy.Gateway.Audit;
using Buddy.Gateway.Organisations;
using Buddy.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Buddy.Tests.Organisations;

public class CreateOrganisationVerbTests
{
    private static readonly DateTimeOffset s_now = new(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);

    private static async Task<(int Code, string Output, string Error)> RunAsync(TestDatabase database, params string[] args)
    {
        await using var db = database.CreateContext();
        var error = new StringWriter();
        var output = new StringWriter();
        var clock = new FakeTimeProvider(s_now);
        var verb = new CreateOrganisationVerb(db, new AuditTrail(db, clock), clock) { Error = error };
        var code = await verb.RunAsync(args, TextReader.Null, output, CancellationToken.None);
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Run_WhenNameGiven_CreatesOrganisationWithDefaultsAndAudits()
    {
        await using var database = await TestDatabase.CreateAsync(Buddy.Gateway.Data.DatabaseProvider.Sqlite);

        var (code, output, _) = await RunAsync(database, "--name", "Northshire Talking Therapies");

        Assert.Equal(0, code);
        await using var db = database.CreateContext();
        var organisation = await db.Organisations.SingleAsync();
        Assert.Equal($"Created organisation 'Northshire Talking Therapies' ({organisation.Id}).\n", output.ReplaceLineEndings("\n"));
        Assert.Equal((DefaultTexts.Crisis, "Europe/London", new TimeOnly(21, 30), s_now.UtcDateTime),
            (organisation.CrisisMessage, organisation.TimeZoneId, organisation.QuietHoursStart, organisation.CreatedAtUtc));
        var audit = await db.AuditEvents.SingleAsync();
        Assert.Equal(("organisation.created", AuditActorType.Operator, (Guid?)organisation.Id), (audit.Action, audit.ActorType, audit.OrganisationId));
    }

    [Fact]
    public async Task Run_WhenTimeZoneGiven_UsesIt()
    {
        await using var database = await TestDatabase.CreateAsync(Buddy.Gateway.Data.DatabaseProvider.Sqlite);

        Assert.Equal(0, (await RunAsync(database, "--name", "Dublin", "--time-zone", "Europe/Dublin")).Code);

        await using var db = database.CreateContext();
        Assert.Equal("Europe/Dublin", (await db.Organisations.SingleAsync()).TimeZoneId);
    }

    [Theory]
    [InlineData(64, "Missing --name.", new string[0])]
    [InlineData(64, "Unknown option --nmae", new[] { "--nmae", "X" })]
    [InlineData(64, "Option --name needs a value.", new[] { "--name" })]
    [InlineData(1, "'Mars/Olympus' is not an IANA time zone", new[] { "--name", "X", "--time-zone", "Mars/Olympus" })]
    public async Task Run_WhenArgumentsWrong_PrintsOneLineAndExitsNonZero(int expectedCode, string expectedMessage, string[] args)
    {
        await using var database = await TestDatabase.CreateAsync(Buddy.Gateway.Data.DatabaseProvider.Sqlite);

        var (code, output, error) = await RunAsync(database, args);

        Assert.Equal(expectedCode, code);
        Assert.Contains(expectedMessage, error);
        Assert.Single(error.TrimEnd().Split('\n'));
        Assert.Empty(output);
        await using var db = database.CreateContext();
        Assert.False(await db.Organisations.AnyAsync());
    }

    [Fact]
    public async Task Run_WhenNameTaken_RefusesWithExit1()
    {
        await using var database = await TestDatabase.CreateAsync(Buddy.Gateway.Data.DatabaseProvider.Sqlite);
        await RunAsync(database, "--name", "Northshire");

        var (code, _, error) = await RunAsync(database, "--name", "Northshire");

        Assert.Equal((1, "An organisation named 'Northshire' already exists."), (code, error.Trim()));
    }
}
