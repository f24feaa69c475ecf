using Buddy.Domain.CheckIns;
using Buddy.Domain.ServiceUsers;
using Buddy.Domain.Sms;
using Buddy.Gateway.Data;
using Buddy.Gateway.Sms.Inbound;
using Buddy.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Buddy.Tests.Sms.Inbound;

/// <summary>
/// A batch of texts costs a fixed number of reads however many people sent it: the senders, their organisations,
/// questionnaires, conversations, check-ins, diary entries and schedules are each read once for the whole batch,
/// not once per text (issue 14). Counted with an EF interceptor around the processor's own batch call.
/// </summary>
public sealed class InboundBatchQueryTests
{
    [Theory, InlineData(DatabaseProvider.Sqlite), PostgresData]
    public async Task ProcessBatch_WhenThirtyPeopleTextOnceEach_ReadsNoMoreThanForThree(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var counter = new CommandLog();
        await using var gateway = new SmsGateway(database, settings: new Dictionary<string, string?> { ["Sms:Inbound:SweepSeconds"] = "3600" }, services: s =>
        {
            s.AddSingleton(new InboundLanes(routineCapacity: 0)); // the background processor is given nothing: the test hands it each batch
            s.ConfigureDbContext<BuddyDbContext>(options => options.AddInterceptors(counter));
        });
        _ = gateway.Server;

        var few = await ReadsToProcessAsync(gateway, database, counter, people: 3);
        var many = await ReadsToProcessAsync(gateway, database, counter, people: 30);

        Assert.Equal(few, many);
        Assert.InRange(many, 1, 12); // plan 2, messages 1, senders 2, and per kind of sender data one each
    }

    [Theory, InlineData(DatabaseProvider.Sqlite), PostgresData]
    public async Task ProcessBatch_WhenThirtyPeopleJoinTheirOpenAlerts_ReadsNoMoreThanForThreeAndSendsNoSecondCrisisText(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var counter = new CommandLog();
        await using var gateway = new SmsGateway(database, settings: new Dictionary<string, string?> { ["Sms:Inbound:SweepSeconds"] = "3600" }, services: s =>
        {
            s.AddSingleton(new InboundLanes(routineCapacity: 0));
            s.ConfigureDbContext<BuddyDbContext>(options => options.AddInterceptors(counter));
        });
        _ = gateway.Server;

        var few = await ReadsToJoinOpenAlertsAsync(gateway, database, counter, people: 3);
        var many = await ReadsToJoinOpenAlertsAsync(gateway, database, counter, people: 30);

        Assert.Equal(few, many); // the open alerts with their replies, and the last hour's crisis texts, once per batch
    }

    /// <summary>
    /// Each person sends a high-risk text (opening an alert, crisis text queued), then another in a second batch; the
    /// reads the second batch took. Each alert must hold both replies, and each person one crisis text (the same one
    /// is not repeated within the hour).
    /// </summary>
    private static async Task<int> ReadsToJoinOpenAlertsAsync(SmsGateway gateway, TestDatabase database, CommandLog counter, int people)
    {
        var users = new List<ServiceUser>();
        for (var i = 0; i < people; i++)
        {
            users.Add((await SmsTestData.AddPersonAsync(database)).User);
        }

        var processor = gateway.Services.GetRequiredService<InboundProcessor>();
        await processor.ProcessBatchAsync(await SmsTestData.StoreReceivedAsync(database, users, "2 I want to kill myself", urgent: true), CancellationToken.None);
        var second = await SmsTestData.StoreReceivedAsync(database, users, "2 I want to kill myself", urgent: true);
        int reads;
        using (counter.Record())
        {
            await processor.ProcessBatchAsync(second, CancellationToken.None);
            reads = counter.Selects;
        }

        await using var check = database.CreateContext();
        var userIds = users.Select(u => u.Id).ToList();
        var secondIds = second.Select(q => q.Id).ToList();
        Assert.Equal(people, await check.InboundMessages.CountAsync(m => secondIds.Contains(m.Id) && m.State == InboundState.Processed));
        var alerts = await check.Alerts.Where(a => userIds.Contains(a.ServiceUserId)).ToListAsync();
        Assert.Equal(people, alerts.Count);
        var alertIds = alerts.Select(a => a.Id).ToList();
        Assert.All((await check.AlertReplies.Where(r => alertIds.Contains(r.AlertId)).ToListAsync()).GroupBy(r => r.AlertId), g => Assert.Equal(2, g.Count()));
        Assert.All(alerts, a => Assert.Equal(Buddy.Domain.Safeguarding.RiskLevel.High, a.Severity));
        Assert.Equal(people, await check.OutboundMessages.CountAsync(m => m.ServiceUserId != null && userIds.Contains(m.ServiceUserId.Value) && m.Kind == OutboundKind.Crisis));
        return reads;
    }

    /// <summary>Each person replies "6 went to college" to an open check-in; the reads the batch took, all of them handled.</summary>
    private static async Task<int> ReadsToProcessAsync(SmsGateway gateway, TestDatabase database, CommandLog counter, int people)
    {
        var users = await SmsTestData.AddPeopleWithOpenCheckInsAsync(database, people);
        var queued = await SmsTestData.StoreReceivedAsync(database, users, "6 went to college", urgent: false);
        var ids = queued.Select(q => q.Id).ToList();

        var processor = gateway.Services.GetRequiredService<InboundProcessor>();
        int reads;
        using (counter.Record())
        {
            await processor.ProcessBatchAsync(queued, CancellationToken.None);
            reads = counter.Selects;
        }

        await using var check = database.CreateContext();
        var userIds = users.Select(u => u.Id).ToList();
        Assert.Equal(people, await check.InboundMessages.CountAsync(m => ids.Contains(m.Id) && m.State == InboundState.Processed));
        Assert.Equal(people, await check.DiaryEntries.CountAsync(e => userIds.Contains(e.ServiceUserId) && e.MoodScore == 6 && e.CheckInId != null));
        Assert.Equal(people, await check.CheckIns.CountAsync(c => userIds.Contains(c.ServiceUserId) && c.Status == CheckInStatus.Answered));
        return reads;
    }
}
