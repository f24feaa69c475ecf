using System.Diagnostics;
using Buddy.Domain.Audit;
using Buddy.Domain.Organisations;
using Buddy.Domain.Staff;
using Buddy.Gateway.Data;
using Buddy.Gateway.Identity;
using Buddy.Gateway.Staff;
using Buddy.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Buddy.Tests.Staff;

public sealed class CreateStaffVerbTests
{
    private const string GoodPassword = "Sturdy-Lantern-42!";
    private static readonly DateTimeOffset s_now = new(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);

    private static async Task<(TestDatabase Database, GatewayFactory Factory, Organisation Organisation)> CreateAsync()
    {
        var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var organisation = new Organisation { Name = "Northshire Talking Therapies", CreatedAtUtc = s_now.UtcDateTime };
        await using (var db = database.CreateContext())
        {
            db.Organisations.Add(organisation);
            await db.SaveChangesAsync();
        }

        return (database, new GatewayFactory(database, new FakeTimeProvider(s_now)), organisation);
    }

    private static async Task<(int Code, string Output, string Error)> RunAsync(GatewayFactory factory, string stdin, params string[] args)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var verb = scope.ServiceProvider.GetServices<Buddy.Gateway.Hosting.ICommandVerb>().OfType<CreateStaffVerb>().Single();
        var error = new StringWriter();
        verb.Error = error;
        var output = new StringWriter();
        var code = await verb.RunAsync(args, new StringReader(stdin), output, CancellationToken.None);
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Run_WhenPasswordOnStdin_CreatesStaffWithAWorkingLoginAndAudits()
    {
        var (database, factory, organisation) = await CreateAsync();
        await using var _ = database;
        await using var __ = factory;

        var (code, output, error) = await RunAsync(factory, GoodPassword + "\n",
            "--organisation", organisation.Name, "--email", "alex@northshire.example", "--name", "Alex Therapist", "--role", "therapist");

        Assert.True(code == 0, error);
        Assert.StartsWith("Created Therapist alex@northshire.example", output);
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BuddyDbContext>();
        var staff = await db.StaffMembers.SingleAsync();
        Assert.Equal((organisation.Id, StaffRole.Therapist, "Alex Therapist"), (staff.OrganisationId, staff.Role, staff.DisplayName));
        var users = scope.ServiceProvider.GetRequiredService<UserManager<BuddyUser>>();
        var user = await users.FindByEmailAsync("alex@northshire.example");
        Assert.NotNull(user);
        Assert.True(await users.CheckPasswordAsync(user, GoodPassword));
        var audit = await db.AuditEvents.SingleAsync();
        Assert.Equal(("staff.created", AuditActorType.Operator, (Guid?)null), (audit.Action, audit.ActorType, audit.ActorId));
    }

    [Theory]
    [InlineData("short1!A", "--role", "Therapist", "Passwords must be at least 12 characters")]
    [InlineData(GoodPassword, "--role", "Boss", "Unknown role 'Boss'; use Therapist, ServiceManager or Admin.")]
    [InlineData("", "--role", "Therapist", "Type the new password on standard input")]
    public async Task Run_WhenPasswordWeakOrRoleUnknown_RefusesWithOneLineAndCreatesNothing(string password, string roleOption, string role, string expected)
    {
        var (database, factory, organisation) = await CreateAsync();
        await using var _ = database;
        await using var __ = factory;

        var (code, _, error) = await RunAsync(factory, password + "\n",
            "--organisation", organisation.Name, "--email", "alex@northshire.example", "--name", "Alex", roleOption, role);

        Assert.Equal(1, code);
        Assert.Contains(expected, error);
        Assert.Single(error.TrimEnd().Split('\n'));
        await using var db = database.CreateContext();
        Assert.False(await db.StaffMembers.AnyAsync());
        Assert.False(await db.Users.AnyAsync());
    }

    [Fact]
    public async Task Run_WhenEmailTakenOrOrganisationUnknown_Refuses()
    {
        var (database, factory, organisation) = await CreateAsync();
        await using var _ = database;
        await using var __ = factory;
        await RunAsync(factory, GoodPassword, "--organisation", organisation.Name, "--email", "a@northshire.example", "--name", "A", "--role", "Admin");

        var duplicate = await RunAsync(factory, GoodPassword, "--organisation", organisation.Name, "--email", "a@northshire.example", "--name", "B", "--role", "Admin");
        var otherCase = await RunAsync(factory, GoodPassword, "--organisation", organisation.Name, "--email", "A@Northshire.example", "--name", "C", "--role", "Admin");
        var nowhere = await RunAsync(factory, GoodPassword, "--organisation", "Nowhere", "--email", "d@northshire.example", "--name", "D", "--role", "Admin");

        Assert.Equal((1, 1, 1), (duplicate.Code, otherCase.Code, nowhere.Code));
        Assert.Contains("already exists", duplicate.Error);
        Assert.Contains("No organisation is named 'Nowhere'.", nowhere.Error);
        await using var db = database.CreateContext();
        Assert.Equal(1, await db.StaffMembers.CountAsync());
    }

    [Fact]
    public async Task Executable_WhenPasswordPipedToStdin_CreatesTheLogin()
    {
        var (database, factory, organisation) = await CreateAsync();
        await using var _ = database;
        await factory.DisposeAsync();
        var start = new ProcessStartInfo("dotnet",
            [Path.Combine(AppContext.BaseDirectory, "Gateway.dll"), "create-staff", "--organisation", organisation.Name,
             "--email", "morgan@northshire.example", "--name", "Morgan Manager", "--role", "ServiceManager"])
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetTempPath(),
        };
        foreach (var (key, value) in database.GatewaySettings())
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        start.Environment["Logging__DisableFile"] = "true";
        using var process = Process.Start(start)!;
        await process.StandardInput.WriteLineAsync(GoodPassword);
        process.StandardInput.Close();
        var output = await process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.True(process.ExitCode == 0, error + output);
        Assert.Contains("Created ServiceManager morgan@northshire.example", output);
        Assert.DoesNotContain(GoodPassword, output + error);
        await using var db = database.CreateContext();
        Assert.Equal(StaffRole.ServiceManager, (await db.StaffMembers.SingleAsync()).Role);
        Assert.True(await db.Users.AnyAsync(u => u.NormalizedEmail == "MORGAN@NORTHSHIRE.EXAMPLE"));
    }
}
