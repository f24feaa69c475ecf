using Buddy.Domain.Sms;
using Buddy.Gateway.CheckIns;
using Buddy.Gateway.Data;
using Buddy.Gateway.Sms.Outbox;
using Buddy.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Buddy.Tests.Sms.Outbox;

/// <summary>
/// What makes a text in Twilio's list attributable to exactly one row: rows with the same words to the same number
/// are never in flight or in doubt together; a claim's token is the only licence to record its row; a provider sid
/// fits on one row only.
/// </summary>
public sealed class OutboxClaimsTests
{
    private static readonly DateTime s_now = new(2026, 11, 25, 19, 0, 0, DateTimeKind.Utc);

    [Theory, InlineData(DatabaseProvider.Sqlite), PostgresData]
    public async Task Claim_WhenRowsShareTheNumberAndTheWords_TakesOneAtATimeButNotOtherWords(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (_, user) = await SmsTestData.AddPersonAsync(database);
        var first = await SmsTestData.AddOutboundAsync(database, user, OutboundKind.Help, s_now.AddMinutes(-2), m => m.Body = "Same words");
        var second = await SmsTestData.AddOutboundAsync(database, user, OutboundKind.Help, s_now.AddMinutes(-1), m => m.Body = "Same words");
        var other = await SmsTestData.AddOutboundAsync(database, user, OutboundKind.Crisis, s_now, m => m.Body = "Other words");

        Assert.Equal(new[] { first.Id, other.Id }.Order(), (await ClaimAsync(database, s_now)).Order());

        // While the first is in flight, and then while it is in doubt, the second waits.
        Assert.Empty(await ClaimAsync(database, s_now.AddSeconds(30)));
        await SetAsync(database, first, m => (m.Status, m.LeaseUntilUtc, m.UnconfirmedSinceUtc, m.NotBeforeUtc) = (OutboundStatus.Pending, null, s_now, s_now.AddMinutes(5)));
        Assert.Empty(await ClaimAsync(database, s_now.AddMinutes(1)));

        // Once the first's text is known, the second goes.
        await SetAsync(database, first, m => (m.Status, m.UnconfirmedSinceUtc, m.ProviderMessageId) = (OutboundStatus.Queued, null, "SM" + Guid.NewGuid().ToString("N")));
        Assert.Equal([second.Id], await ClaimAsync(database, s_now.AddMinutes(1)));
    }

    [Theory, InlineData(DatabaseProvider.Sqlite), PostgresData]
    public async Task Claim_WhenACrashLeftSeveralSameRowsInDoubt_TakesTheOldestFirst(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (_, user) = await SmsTestData.AddPersonAsync(database);
        var rows = new List<OutboundMessage>();
        for (var i = 0; i < 4; i++)
        {
            // As a gateway without this rule left them: all four Sending, their sender dead.
            rows.Add(await SmsTestData.AddOutboundAsync(database, user, OutboundKind.Help, s_now.AddMinutes(i - 10), m =>
                (m.Body, m.Status, m.LeaseUntilUtc) = ("Same words", OutboundStatus.Sending, s_now.AddMinutes(-1))));
        }

        Assert.Equal([rows[0].Id], await ClaimAsync(database, s_now));
        var claimed = await SmsTestData.ReloadAsync(database, rows[0]);
        Assert.Equal(rows[0].CreatedAtUtc, claimed.UnconfirmedSinceUtc); // asked about before anything is sent
    }

    [Theory, InlineData(DatabaseProvider.Sqlite), PostgresData]
    public async Task Save_WhenTheRowWasClaimedAgainSince_WritesNothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (_, user) = await SmsTestData.AddPersonAsync(database);
        var row = await SmsTestData.AddOutboundAsync(database, user, OutboundKind.Help, s_now);
        await ClaimAsync(database, s_now);

        await using var slow = database.CreateContext();
        var held = await slow.OutboundMessages.SingleAsync(m => m.Id == row.Id);

        // The slow sender's lease runs out and another claims the row.
        Assert.Equal([row.Id], await ClaimAsync(database, s_now.AddMinutes(3)));

        held.ProviderMessageId = "SM" + Guid.NewGuid().ToString("N");
        held.Status = OutboundStatus.Queued;
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => slow.SaveChangesAsync());
        Assert.Null((await SmsTestData.ReloadAsync(database, row)).ProviderMessageId);
    }

    [Theory, InlineData(DatabaseProvider.Sqlite), PostgresData]
    public async Task Save_WhenAnotherRowHasTheSid_IsRefused(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (_, user) = await SmsTestData.AddPersonAsync(database);
        var sid = "SM" + Guid.NewGuid().ToString("N");
        await SmsTestData.AddOutboundAsync(database, user, OutboundKind.Help, s_now, m => (m.ProviderMessageId, m.Status) = (sid, OutboundStatus.Queued));
        var other = await SmsTestData.AddOutboundAsync(database, user, OutboundKind.Crisis, s_now);

        await using var db = database.CreateContext();
        (await db.OutboundMessages.SingleAsync(m => m.Id == other.Id)).ProviderMessageId = sid;
        var refused = await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        Assert.True(UniqueViolation.Is(refused));
    }

    private static async Task<IReadOnlyList<Guid>> ClaimAsync(TestDatabase database, DateTime now)
    {
        await using var db = database.CreateContext();
        return (await OutboxClaims.ClaimAsync(db, now, now.AddMinutes(2), 20, default)).Ids;
    }

    private static async Task SetAsync(TestDatabase database, OutboundMessage row, Action<OutboundMessage> change)
    {
        await using var db = database.CreateContext();
        change(await db.OutboundMessages.SingleAsync(m => m.Id == row.Id));
        await db.SaveChangesAsync();
    }
}
