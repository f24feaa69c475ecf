using Buddy.Domain.Diary;
using Buddy.Domain.Privacy;
using Buddy.Domain.ServiceUsers;
using Buddy.Domain.Sms;
using Buddy.Gateway.Data;
using Buddy.Gateway.Privacy;
using Buddy.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace Buddy.Tests.Privacy;

public sealed class RetentionSweepTests
{
    private static readonly DateTime s_now = new(2026, 3, 3, 12, 0, 0, DateTimeKind.Utc);

    [Theory, InlineData(DatabaseProvider.Sqlite), PostgresData]
    public async Task RunAsync_RemovesContentOnlyForPeopleDischargedLongerAgoThanTheSetting(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (alpha, bravo, charlie) = await ServiceUserExporterTests.SeedThreeAsync(database);
        await using (var db = database.CreateContext())
        {
            await DischargeAsync(db, alpha.ServiceUser.Id, s_now.AddDays(-31)); // past the 30-day setting
            await DischargeAsync(db, bravo.ServiceUser.Id, s_now.AddDays(-29)); // not yet
        }

        var result = await Sweep(database, new RetentionPolicy(30, 90)).RunAsync(s_now);

        Assert.Equal([alpha.ServiceUser.Id], result.AnonymisedServiceUserIds);
        await using (var db = database.CreateContext())
        {
            var leftovers = await DatabaseText.FindAsync(db, alpha.AllSecrets);
            Assert.True(leftovers.Count == 0, "left behind: " + string.Join("; ", leftovers));
            var kept = bravo.AllSecrets.Concat(charlie.AllSecrets).Distinct().ToList();
            Assert.Equal(kept.Count, (await DatabaseText.FindAsync(db, kept)).Select(f => f[(f.IndexOf(": ", StringComparison.Ordinal) + 2)..]).Distinct().Count());

            // The structure stays for service statistics: the diary row, its date, score and tags.
            var diary = await db.DiaryEntries.SingleAsync(d => d.ServiceUserId == alpha.ServiceUser.Id);
            Assert.Equal(6, diary.MoodScore);
            Assert.Equal(["college"], diary.Tags);
            Assert.Equal(PersonalDataStub.RemovedText, diary.EventText);
            Assert.Equal(2, await db.InboundMessages.CountAsync(m => m.FromPhone == PersonalDataStub.RemovedPhone));

            var person = await db.ServiceUsers.SingleAsync(s => s.Id == alpha.ServiceUser.Id);
            Assert.Equal(s_now, person.AnonymisedAtUtc);
            Assert.Null(person.ErasedAtUtc);
            Assert.Null(person.PhoneE164);
            Assert.Equal(PersonalDataStub.DisplayNameFor(person.Id), person.DisplayName);
            Assert.Single(await db.AuditEvents.Where(a => a.Action == RetentionSweep.AnonymisedAction).ToListAsync());
        }
    }

    [Theory, InlineData(DatabaseProvider.Sqlite), PostgresData]
    public async Task RunAsync_WhenRunAgain_DoesNothingTwice(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (alpha, _, _) = await ServiceUserExporterTests.SeedThreeAsync(database);
        await using (var db = database.CreateContext())
        {
            await DischargeAsync(db, alpha.ServiceUser.Id, s_now.AddDays(-400));
        }

        var sweep = Sweep(database, RetentionPolicy.Default);
        Assert.Single((await sweep.RunAsync(s_now)).AnonymisedServiceUserIds);
        Assert.Empty((await sweep.RunAsync(s_now.AddDays(1))).AnonymisedServiceUserIds);

        await using var check = database.CreateContext();
        Assert.Equal(1, await check.AuditEvents.CountAsync(a => a.Action == RetentionSweep.AnonymisedAction));
    }

    [Fact]
    public async Task RunAsync_WhenDischargedLongAgoButReReferred_KeepsEverything()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var (alpha, _, _) = await ServiceUserExporterTests.SeedThreeAsync(database);
        await using (var db = database.CreateContext())
        {
            await DischargeAsync(db, alpha.ServiceUser.Id, s_now.AddDays(-400));
            var person = await db.ServiceUsers.SingleAsync(s => s.Id == alpha.ServiceUser.Id);
            person.Status = ServiceUserStatus.Active; // back in the service; the old date lingers
            await db.SaveChangesAsync();
        }

        Assert.Empty((await Sweep(database, RetentionPolicy.Default).RunAsync(s_now)).AnonymisedServiceUserIds);
        await using var check = database.CreateContext();
        Assert.NotEmpty(await DatabaseText.FindAsync(check, [alpha.Phone]));
    }

    [Theory, InlineData(DatabaseProvider.Sqlite), PostgresData]
    public async Task RunAsync_ClearsTextsFromUnknownNumbersOnlyWhenOlderThanTheirSetting(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var db = database.CreateContext())
        {
            db.InboundMessages.AddRange(
                new InboundMessage { ProviderMessageId = "SMold", FromPhone = "+447700900555", ToPhone = "+447700900001", Body = "old stranger text", ReceivedAtUtc = s_now.AddDays(-91), State = InboundState.Unmatched },
                new InboundMessage { ProviderMessageId = "SMnew", FromPhone = "+447700900666", ToPhone = "+447700900001", Body = "new stranger text", ReceivedAtUtc = s_now.AddDays(-89), State = InboundState.Unmatched });
            await db.SaveChangesAsync();
        }

        var result = await Sweep(database, new RetentionPolicy(365, 90)).RunAsync(s_now);

        Assert.Equal(1, result.UnmatchedInboundCleared);
        await using var check = database.CreateContext();
        Assert.Empty(await DatabaseText.FindAsync(check, ["old stranger text", "+447700900555"]));
        Assert.Equal(2, (await DatabaseText.FindAsync(check, ["new stranger text", "+447700900666"])).Count);
    }

    [Fact]
    public void CoveredKinds_IncludeEveryPersonalDataTable()
    {
        // A feature that adds a table keyed to a service user must teach the sweep what to clear in it.
        using var db = new BuddyDbContext(new DbContextOptionsBuilder<BuddyDbContext>().UseSqlite("Data Source=:memory:").Options);
        var unknown = PersonalDataTables.AboutServiceUser(db.Model).Select(e => e.ClrType).Where(t => !RetentionSweep.CoveredKinds.Contains(t)).Select(t => t.Name).ToList();
        Assert.True(unknown.Count == 0, "RetentionSweep does not clear: " + string.Join(", ", unknown));
    }

    internal static async Task DischargeAsync(BuddyDbContext db, Guid id, DateTime dischargedAtUtc)
    {
        var person = await db.ServiceUsers.SingleAsync(s => s.Id == id);
        person.Status = ServiceUserStatus.Discharged;
        person.DischargedAtUtc = dischargedAtUtc;
        await db.SaveChangesAsync();
    }

    internal static RetentionSweep Sweep(TestDatabase database, RetentionPolicy policy) =>
        new(new Contexts(database), policy, NullLogger<RetentionSweep>.Instance);

    private sealed class Contexts(TestDatabase database) : IDbContextFactory<BuddyDbContext>
    {
        public BuddyDbContext CreateDbContext() => database.CreateContext();
    }
}
