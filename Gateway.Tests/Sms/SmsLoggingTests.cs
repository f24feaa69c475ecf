using Buddy.Domain.Sms;
using Buddy.Gateway.Data;
using Buddy.Gateway.Replies;
using Buddy.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Buddy.Tests.Sms;

/// <summary>Health data stays out of the logs: the real Serilog file output of a busy SMS session holds no number or body.</summary>
public sealed class SmsLoggingTests
{
    [Fact]
    public async Task Logs_AfterInboundOutboundAndFailures_ContainNoPhoneNumberOrMessageBody()
    {
        var logs = new LogFiles();
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var (_, user) = await SmsTestData.AddPersonAsync(database);
        var stranger = SmsTestData.NewPhone();
        const string Secret = "argued with mum and cried in the toilets";
        await using (var gateway = new SmsGateway(database, settings: logs.Settings(), services: s => s.AddScoped<IReplyPipeline>(_ => new ExplodingPipeline())))
        {
            await gateway.PostSignedAsync("/sms/inbound", SmsGateway.InboundForm(user.PhoneE164!, Secret));
            await gateway.PostSignedAsync("/sms/inbound", SmsGateway.InboundForm(stranger, Secret + " (stranger)"));
            await gateway.PostSignedAsync("/sms/inbound", SmsGateway.InboundForm(user.PhoneE164!, "HELP"));
            await gateway.PostSignedAsync("/sms/status", [new("MessageSid", SmsGateway.NewSid()), new("MessageStatus", "delivered")]);
            await SmsTestData.WaitUntilAsync(
                async db => await db.InboundMessages.CountAsync(m => m.State != InboundState.Received) == 3
                    && await db.OutboundMessages.AnyAsync(m => m.Status == OutboundStatus.Delivered),
                database, "processing and the help text's delivery");
        }

        var text = logs.ReadAll();
        Assert.Contains("Inbound", text); // the log was written at all
        Assert.Contains("could not be handled: FormatException", text); // including the handler's crash
        foreach (var phone in new[] { user.PhoneE164!, stranger })
        {
            Assert.DoesNotContain(phone, text);
            Assert.DoesNotContain(phone.TrimStart('+'), text);
            Assert.DoesNotContain(phone[^9..], text);
        }

        Assert.DoesNotContain("argued with mum", text);
        Assert.DoesNotContain("This is Buddy", text); // the help text sent back
    }

    /// <summary>Throws with the body and number in its message, as careless parsing code might.</summary>
    private sealed class ExplodingPipeline : IReplyPipeline
    {
        public Task<ReplyResult> HandleAsync(ReplyContext reply, CancellationToken cancellationToken) =>
            throw new FormatException($"Could not parse '{reply.Message.Body}' from {reply.Message.FromPhone}");
    }
}
