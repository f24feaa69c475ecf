using System.Net.Http.Json;
using System.Text.Json;
using Buddy.Domain.Sms;
using Buddy.Gateway.Data;
using Buddy.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Buddy.Tests.Sms.Inbound;

/// <summary>What a restart finds: texts stored but never handled, and the outbox backlog /health reports.</summary>
public sealed class InboundRecoveryTests
{
    [Theory, InlineData(DatabaseProvider.Sqlite), PostgresData]
    public async Task Start_WhenMessagesWereLeftReceived_ProcessesThem(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (_, user) = await SmsTestData.AddPersonAsync(database);
        await using (var db = database.CreateContext())
        {
            // Stored by a gateway that stopped before its processor got to them.
            db.InboundMessages.Add(new InboundMessage
            {
                ProviderMessageId = SmsGateway.NewSid(), FromPhone = user.PhoneE164!, ToPhone = "+15005550006", Body = "STOP",
                ReceivedAtUtc = DateTime.UtcNow.AddMinutes(-10),
            });
            db.InboundMessages.Add(new InboundMessage
            {
                ProviderMessageId = SmsGateway.NewSid(), FromPhone = SmsTestData.NewPhone(), ToPhone = "+15005550006", Body = "hello?",
                ReceivedAtUtc = DateTime.UtcNow.AddMinutes(-9),
            });
            await db.SaveChangesAsync();
        }

        await using var gateway = new SmsGateway(database);
        _ = gateway.Server;

        await SmsTestData.WaitUntilAsync(db => db.InboundMessages.AllAsync(m => m.State != InboundState.Received), database, "the start-up sweep");
        await using var check = database.CreateContext();
        Assert.Equal(1, await check.OutboundMessages.CountAsync(m => m.Kind == OutboundKind.OptOutConfirmation));
        Assert.Equal(1, await check.InboundMessages.CountAsync(m => m.State == InboundState.Unmatched));
    }

    [Fact]
    public async Task Health_ReportsTheOutboxBacklogAndItsAge()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var (_, user) = await SmsTestData.AddPersonAsync(database);

        // Two texts due for a while, with the dispatcher switched off so they stay due.
        await SmsTestData.AddOutboundAsync(database, user, OutboundKind.Crisis, DateTime.UtcNow.AddMinutes(-20));
        await SmsTestData.AddOutboundAsync(database, user, OutboundKind.Crisis, DateTime.UtcNow.AddMinutes(-5));
        await using var gateway = new SmsGateway(database, settings: new Dictionary<string, string?> { ["Sms:Outbox:PollSeconds"] = "3600" }, services: s =>
            s.Remove(s.Single(d => d.ServiceType == typeof(Microsoft.Extensions.Hosting.IHostedService)
                && d.ImplementationFactory?.Method.ReturnType == typeof(Buddy.Gateway.Sms.Outbox.OutboxDispatcher))));

        var health = await gateway.CreateClient().GetFromJsonAsync<JsonElement>("/health");

        var outbox = health.GetProperty("checks").GetProperty("outbox");
        Assert.Equal("Degraded", outbox.GetProperty("status").GetString());
        Assert.Equal(2, outbox.GetProperty("data").GetProperty("pending").GetInt32());
        Assert.InRange(outbox.GetProperty("data").GetProperty("oldestPendingAgeSeconds").GetInt32(), 20 * 60 - 5, 20 * 60 + 60);
    }
}
