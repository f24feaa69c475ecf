using Buddy.Domain.Schedules;
using Buddy.Domain.Sms;
using Buddy.Gateway.Data;
using Buddy.Gateway.Sms.Outbox;
using Buddy.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Buddy.Tests.Sms.Outbox;

/// <summary>
/// A claimed batch costs the database the same however many rows it holds (issue 14): its rows are read with what
/// deciding them needs in one query, and the provider's acceptances are written by multi-row statements, each row
/// still only while the claim is its own. Counted with an EF interceptor.
/// </summary>
public sealed class OutboxBatchTests
{
    private static readonly DateTime s_now = new(2026, 11, 25, 19, 0, 0, DateTimeKind.Utc);

    [Theory, InlineData(DatabaseProvider.Sqlite), PostgresData]
    public async Task Load_WhenThirtyRowsAreClaimed_ReadsThemWithTheirPeopleOrganisationsAndSchedulesInOneQuery(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var rows = await AddRowsAsync(database, 30, withSchedules: true);
        var claim = await ClaimAsync(database);
        Assert.Equal(30, claim.Ids.Count);

        var log = new CommandLog();
        await using var db = database.CreateContext(log);
        OutboxBatch batch;
        using (log.Record())
        {
            batch = await OutboxBatch.LoadAsync(db, claim, CancellationToken.None);
        }

        Assert.Single(log.Commands);
        Assert.Equal(claim.Ids, batch.Rows.Select(r => r.Id));
        Assert.Empty(db.ChangeTracker.Entries());
        foreach (var row in batch.Rows)
        {
            Assert.NotNull(batch.OrganisationOf(row));
            Assert.Equal(row.ToPhone, batch.UserOf(row.ServiceUserId!.Value)?.PhoneE164);
            Assert.Equal(new TimeOnly(22, 0), batch.ScheduleOf(row.ServiceUserId!.Value)?.QuietHoursStart);
            Assert.Null(batch.CancelReason(row, s_now));
        }

        Assert.Equal(rows.Count, batch.Rows.Count);
    }

    [Theory, InlineData(DatabaseProvider.Sqlite), PostgresData]
    public async Task RecordAcceptances_WhenABatchIsLargerThanOneStatement_RecordsEveryRowStillClaimedAndNoOther(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var count = DatabaseDialect.Sqlite.MaxRowsPerUpdate * 2 + 5; // more rows than SQLite puts in one statement
        await AddRowsAsync(database, count, withSchedules: false);
        var claim = await ClaimAsync(database);
        Assert.Equal(count, claim.Ids.Count);

        // Meanwhile a status callback recorded one row, and another was claimed again after its lease ran out.
        var reported = claim.Ids[3];
        var reclaimed = claim.Ids[count - 1];
        await using (var db = database.CreateContext())
        {
            await db.OutboundMessages.Where(m => m.Id == reported).ExecuteUpdateAsync(u => u
                .SetProperty(m => m.Status, OutboundStatus.Delivered).SetProperty(m => m.ProviderMessageId, "SMbythecallback").SetProperty(m => m.ClaimToken, (Guid?)null));
            await db.OutboundMessages.Where(m => m.Id == reclaimed).ExecuteUpdateAsync(u => u.SetProperty(m => m.ClaimToken, Guid.NewGuid()));
        }

        var sids = claim.Ids.ToDictionary(id => id, _ => "SM" + Guid.NewGuid().ToString("N"));
        var log = new CommandLog();
        List<Guid> recorded;
        await using (var db = database.CreateContext(log))
        using (log.Record())
        {
            recorded = await db.Dialect.RecordOutboxAcceptancesAsync(
                db, claim.Token, s_now.AddSeconds(1), [.. claim.Ids.Select(id => new OutboxAcceptance(id, sids[id], OutboundStatus.Queued))], CancellationToken.None);
        }

        var perStatement = Math.Min(DatabaseDialect.For(provider).MaxRowsPerUpdate, (DatabaseDialect.For(provider).MaxParametersPerCommand - 3) / 3);
        Assert.Equal((count + perStatement - 1) / perStatement, log.Commands.Count);
        Assert.Equal(claim.Ids.Where(id => id != reported && id != reclaimed).Order(), recorded.Order());

        await using var check = database.CreateContext();
        var stored = await check.OutboundMessages.AsNoTracking().Where(m => claim.Ids.Contains(m.Id)).ToDictionaryAsync(m => m.Id);
        foreach (var id in recorded)
        {
            var row = stored[id];
            Assert.Equal((OutboundStatus.Queued, sids[id], s_now.AddSeconds(1), s_now.AddSeconds(1)), (row.Status, row.ProviderMessageId, row.SentAtUtc, row.StatusUpdatedAtUtc));
            Assert.Equal((null, null, null), (row.ClaimToken, row.LeaseUntilUtc, row.UnconfirmedSinceUtc));
        }

        Assert.Equal((OutboundStatus.Delivered, "SMbythecallback"), (stored[reported].Status, stored[reported].ProviderMessageId));
        Assert.Equal((OutboundStatus.Sending, null), (stored[reclaimed].Status, stored[reclaimed].ProviderMessageId));
    }

    [Theory, InlineData(DatabaseProvider.Sqlite), PostgresData]
    public async Task RecordAcceptances_WhenASidIsAlreadyAnotherRows_FailsWithTheEnginesUniqueViolation(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await AddRowsAsync(database, 2, withSchedules: false);
        var claim = await ClaimAsync(database);

        await using var db = database.CreateContext();
        var problem = await Record.ExceptionAsync(() => db.Dialect.RecordOutboxAcceptancesAsync(
            db, claim.Token, s_now, [.. claim.Ids.Select(id => new OutboxAcceptance(id, "SMsametwice", OutboundStatus.Queued))], CancellationToken.None));

        Assert.True(db.Dialect.IsUniqueViolation(problem!), problem?.ToString());
    }

    private static async Task<List<OutboundMessage>> AddRowsAsync(TestDatabase database, int count, bool withSchedules)
    {
        var rows = new List<OutboundMessage>();
        for (var i = 0; i < count; i++)
        {
            var (organisation, user) = await SmsTestData.AddPersonAsync(database);
            if (withSchedules)
            {
                await using var db = database.CreateContext();
                db.CheckInSchedules.Add(new CheckInSchedule
                {
                    OrganisationId = organisation.Id,
                    ServiceUserId = user.Id,
                    QuietHoursStart = new TimeOnly(22, 0),
                    QuietHoursEnd = new TimeOnly(7, 0),
                    UpdatedAtUtc = s_now,
                });
                await db.SaveChangesAsync();
            }

            rows.Add(await SmsTestData.AddOutboundAsync(database, user, OutboundKind.CheckIn, s_now.AddSeconds(-count + i)));
        }

        return rows;
    }

    private static async Task<OutboxClaim> ClaimAsync(TestDatabase database)
    {
        await using var db = database.CreateContext();
        return await OutboxClaims.ClaimAsync(db, s_now, s_now.AddMinutes(5), limit: 1000, CancellationToken.None);
    }
}
