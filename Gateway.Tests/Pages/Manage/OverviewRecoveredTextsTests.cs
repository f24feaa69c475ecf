using Buddy.Gateway.Sms.Simulator;
using Buddy.Domain.Sms;
using Buddy.Gateway.Sms.Inbound;
using Buddy.Tests.Dashboard;
using Buddy.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Buddy.Tests.Pages.Manage;

/// <summary>The overview's line on replies that reached Buddy only through Twilio's log: the manager's own organisation only.</summary>
public sealed class OverviewRecoveredTextsTests
{
    [Fact]
    public async Task Overview_WhenRepliesWereRecovered_CountsTheOrganisationsOwnAndSaysWhenTheLogWasRead()
    {
        await using var world = await DashboardWorld.CreateAsync();
        var now = DashboardWorld.Now.UtcDateTime;
        await using (var db = world.CreateContext())
        {
            db.InboundMessages.AddRange(
                Recovered(world.OrgA.Id, world.Jo.PhoneE164!, now.AddDays(-1)),
                Recovered(world.OrgA.Id, world.Jo.PhoneE164!, now.AddDays(-2)),
                Recovered(world.OrgB.Id, world.Bo.PhoneE164!, now.AddDays(-1)));

            // The test gateway's own recovery may already have tried the (unreachable) log for this number at start-up.
            var mark = await db.InboundRecoveryMarks.FindAsync(SimulatorSmsSender.Number)
                ?? db.InboundRecoveryMarks.Add(new InboundRecoveryMark { ReceivingPhone = SimulatorSmsSender.Number }).Entity;
            (mark.HighWaterUtc, mark.LastRunAtUtc, mark.RecoveredTotal, mark.LastRecovered, mark.LeaseUntilUtc) = (now, now.AddMinutes(-3), 3, 0, null);
            await db.SaveChangesAsync();
        }

        // As with the Twilio provider, where the recovery runs (the dashboard world uses the simulator).
        await using var twilioWorld = world.Factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
            services.AddSingleton(new InboundRecoverySettings(true, TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(15), []))));
        var manager = twilioWorld.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false });
        using var signedIn = await DashboardWorld.SignInAsync(manager, world.ManagerA.Email, DashboardWorld.Password);

        var page = await manager.GetDocumentAsync("/Manage/Overview");

        var line = page.QuerySelector("#recovered-texts")!.TextContent;
        Assert.Contains("2 replies in this period reached Buddy", line);
        Assert.Contains("Twilio's log was last checked Thu 19 Nov", line);
    }

    private static InboundMessage Recovered(Guid organisationId, string from, DateTime receivedAt) => new()
    {
        ProviderMessageId = "SM" + Guid.NewGuid().ToString("N"),
        OrganisationId = organisationId,
        FromPhone = from,
        ToPhone = "+15005550006",
        Body = "7 went swimming",
        ReceivedAtUtc = receivedAt,
        RecoveredAtUtc = receivedAt.AddMinutes(10),
        State = InboundState.Processed,
    };
}
