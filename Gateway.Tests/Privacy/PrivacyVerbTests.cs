using System.Text.Json;
using Buddy.Gateway.Data;
using Buddy.Gateway.Hosting;
using Buddy.Gateway.Privacy;
using Buddy.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Buddy.Tests.Privacy;

/// <summary>The operator verbs, resolved from the real gateway's services as <c>Gateway verb ...</c> would.</summary>
public sealed class PrivacyVerbTests
{
    [Fact]
    public async Task EraseServiceUser_WhenConfirmationIsNotTheId_ErasesNothing()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var (alpha, _, _) = await ServiceUserExporterTests.SeedThreeAsync(database);
        await using var gateway = new ConfiguredGateway(database, "Production");

        var (code, output) = await RunAsync(gateway, "erase-service-user", ["--id", alpha.ServiceUser.Id.ToString(), "--reason", "request"], stdin: "yes\n");

        Assert.Equal(1, code);
        Assert.Contains("Not confirmed", output, StringComparison.Ordinal);
        await using var db = database.CreateContext();
        Assert.Null((await db.ServiceUsers.SingleAsync(s => s.Id == alpha.ServiceUser.Id)).ErasedAtUtc);
    }

    [Fact]
    public async Task EraseServiceUser_WhenNoInputAndNoYes_ErasesNothing()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var (alpha, _, _) = await ServiceUserExporterTests.SeedThreeAsync(database);
        await using var gateway = new ConfiguredGateway(database, "Production");

        var (code, _) = await RunAsync(gateway, "erase-service-user", ["--id", alpha.ServiceUser.Id.ToString(), "--reason", "request"], stdin: "");

        Assert.Equal(1, code);
        await using var db = database.CreateContext();
        Assert.Null((await db.ServiceUsers.SingleAsync(s => s.Id == alpha.ServiceUser.Id)).ErasedAtUtc);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task EraseServiceUser_WhenConfirmedByIdOrYes_ErasesAndAudits(bool withYes)
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var (alpha, _, _) = await ServiceUserExporterTests.SeedThreeAsync(database);
        await using var gateway = new ConfiguredGateway(database, "Production");
        var id = alpha.ServiceUser.Id.ToString();

        var (code, output) = await RunAsync(gateway, "erase-service-user",
            withYes ? ["--id", id, "--reason", "ticket 42", "--yes"] : ["--id", id, "--reason", "ticket 42"], stdin: withYes ? "" : id + "\n");

        Assert.Equal(0, code);
        Assert.Contains($"Erased service user {id}", output, StringComparison.Ordinal);
        await using var db = database.CreateContext();
        Assert.NotNull((await db.ServiceUsers.SingleAsync(s => s.Id == alpha.ServiceUser.Id)).ErasedAtUtc);
        Assert.Equal(1, await db.AuditEvents.CountAsync(a => a.Action == ErasureService.ErasedAction && a.ActorType == Buddy.Domain.Audit.AuditActorType.Operator));
    }

    [Theory]
    [InlineData(new[] { "--reason", "x" }, "--id is required")]
    [InlineData(new[] { "--id", "not-a-guid", "--reason", "x" }, "is not a service user id")]
    [InlineData(new[] { "--id", "3f2a1c9e-0000-4000-8000-000000000000" }, "--reason is required")]
    [InlineData(new[] { "--id" }, "Option --id needs a value")]
    [InlineData(new[] { "--force" }, "Unknown option --force")]
    [InlineData(new[] { "--id", "3f2a1c9e-0000-4000-8000-000000000000", "--reason", "x", "--reason", "y" }, "Option --reason is given twice")]
    public async Task EraseServiceUser_WhenArgumentsAreWrong_ExitsWithUsage(string[] args, string message)
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var gateway = new ConfiguredGateway(database, "Production");

        var (code, output) = await RunAsync(gateway, "erase-service-user", args, stdin: "");

        Assert.Equal(64, code);
        Assert.Contains(message, output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExportServiceUser_WritesTheFileAndSaysWhere()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var (alpha, _, _) = await ServiceUserExporterTests.SeedThreeAsync(database);
        await using var gateway = new ConfiguredGateway(database, "Production");
        var file = Path.Combine(Path.GetTempPath(), "buddy-tests", $"{Guid.NewGuid():N}.json");

        try
        {
            var (code, output) = await RunAsync(gateway, "export-service-user", ["--id", alpha.ServiceUser.Id.ToString(), "--format", "json", "--out", file], stdin: "");

            Assert.Equal(0, code);
            Assert.Contains(file, output, StringComparison.Ordinal);
            using var json = JsonDocument.Parse(await File.ReadAllBytesAsync(file));
            Assert.Equal(alpha.ServiceUser.Id, json.RootElement.GetProperty("serviceUserId").GetGuid());
            Assert.False(File.Exists(file + ".partial"));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task ExportServiceUser_WhenIdIsUnknown_WritesNoFile()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var gateway = new ConfiguredGateway(database, "Production");
        var file = Path.Combine(Path.GetTempPath(), "buddy-tests", $"{Guid.NewGuid():N}.zip");

        var (code, output) = await RunAsync(gateway, "export-service-user", ["--id", Guid.NewGuid().ToString(), "--format", "csv", "--out", file], stdin: "");

        Assert.Equal(1, code);
        Assert.Contains("No service user", output, StringComparison.Ordinal);
        Assert.False(File.Exists(file));
        Assert.False(File.Exists(file + ".partial"));
    }

    [Fact]
    public async Task RetentionSweep_ReportsWhatItDid()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var (alpha, _, _) = await ServiceUserExporterTests.SeedThreeAsync(database);
        await using (var db = database.CreateContext())
        {
            var person = await db.ServiceUsers.SingleAsync(s => s.Id == alpha.ServiceUser.Id);
            person.Status = Buddy.Domain.ServiceUsers.ServiceUserStatus.Discharged;
            person.DischargedAtUtc = DateTime.UtcNow.AddDays(-11);
            await db.SaveChangesAsync();
        }

        // No scheduler: its own daily sweep would otherwise race the command this test is about.
        await using var gateway = new ConfiguredGateway(database, "Production", new Dictionary<string, string?>
        {
            ["DataProtection:RetainAfterDischargeDays"] = "10",
            ["Scheduling:Enabled"] = "false",
        });

        var (code, output) = await RunAsync(gateway, "retention-sweep", [], stdin: "");

        Assert.Equal(0, code);
        Assert.Contains("Anonymised 1 service user(s) discharged more than 10 days ago", output, StringComparison.Ordinal);
        Assert.Contains(alpha.ServiceUser.Id.ToString(), output, StringComparison.Ordinal);
    }

    private static async Task<(int Code, string Output)> RunAsync(ConfiguredGateway gateway, string verb, string[] args, string stdin)
    {
        await using var scope = gateway.Services.CreateAsyncScope();
        var command = scope.ServiceProvider.GetServices<ICommandVerb>().Single(v => v.Name == verb);
        using var output = new StringWriter();
        var code = await command.RunAsync(args, new StringReader(stdin), output, CancellationToken.None);
        return (code, output.ToString());
    }
}
