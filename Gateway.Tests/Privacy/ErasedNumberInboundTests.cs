using Buddy.Domain.Sms;
using Buddy.Gateway.Data;
using Buddy.Gateway.Privacy;
using Buddy.Gateway.Sms.Twilio;
using Buddy.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace Buddy.Tests.Privacy;

/// <summary>After erasure the number belongs to no one: a later text from it goes through /sms/inbound as an unknown sender.</summary>
public sealed class ErasedNumberInboundTests
{
    private const string AuthToken = "erasure-test-auth-token";
    private const string PublicBase = "https://buddy.example.org";

    [Theory, InlineData(DatabaseProvider.Sqlite), PostgresData]
    public async Task PostInbound_FromAnErasedNumber_IsStoredAsUnknownSenderAndNotAnswered(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (alpha, _, _) = await ServiceUserExporterTests.SeedThreeAsync(database);
        await using (var db = database.CreateContext())
        {
            Assert.NotNull(await ErasureServiceTests.Erasure(db).EraseAsync(alpha.ServiceUser.Id, scope: null, "erasure request"));
        }

        await using var gateway = new ConfiguredGateway(database, "Production", new Dictionary<string, string?>
        {
            ["Twilio:AuthToken"] = AuthToken,
            ["Twilio:PublicBaseUrl"] = PublicBase,
        });
        using var client = gateway.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri(PublicBase), AllowAutoRedirect = false });
        var form = new Dictionary<string, string>
        {
            ["MessageSid"] = "SM" + Guid.NewGuid().ToString("N"),
            ["AccountSid"] = Sms.Twilio.FakeTwilio.AccountSid,
            ["From"] = alpha.Phone,
            ["To"] = "+447700900001",
            ["Body"] = "7 it's Alpha again, had a good day",
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/sms/inbound") { Content = new FormUrlEncodedContent(form) };
        request.Headers.Add(TwilioSignature.HeaderName, TwilioSignature.Compute(AuthToken, PublicBase + "/sms/inbound", form));

        using var response = await client.SendAsync(request);

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        var stored = await WaitUntilHandledAsync(database, form["MessageSid"]);
        Assert.Equal(InboundState.Unmatched, stored.State);
        Assert.Null(stored.ServiceUserId);
        Assert.Null(stored.OrganisationId);
        await using var check = database.CreateContext();
        Assert.False(await check.OutboundMessages.AnyAsync(m => m.ToPhone == alpha.Phone), "nothing may be texted back to an erased number");
        Assert.Null((await check.ServiceUsers.SingleAsync(s => s.Id == alpha.ServiceUser.Id)).PhoneE164);
        Assert.False(await check.InboundMessages.AnyAsync(m => m.ServiceUserId == alpha.ServiceUser.Id), "the new text must not be re-attached to the erased person");
    }

    private static async Task<InboundMessage> WaitUntilHandledAsync(TestDatabase database, string messageSid)
    {
        // The webhook stores the text and a background processor handles it; wait for that, not for a fixed time.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            await using var db = database.CreateContext();
            var message = await db.InboundMessages.AsNoTracking().SingleOrDefaultAsync(m => m.ProviderMessageId == messageSid);
            if (message is { State: not InboundState.Received })
            {
                return message;
            }

            Assert.True(DateTime.UtcNow < deadline, $"inbound {messageSid} was {(message is null ? "never stored" : "never processed")}");
            await Task.Delay(50);
        }
    }
}
