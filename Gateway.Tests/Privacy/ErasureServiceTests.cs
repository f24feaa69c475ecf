using Buddy.Domain.Audit;
using Buddy.Domain.Privacy;
using Buddy.Domain.ServiceUsers;
using Buddy.Domain.Staff;
using Buddy.Gateway.Caseloads;
using Buddy.Gateway.Data;
using Buddy.Gateway.Privacy;
using Buddy.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Buddy.Tests.Privacy;

public sealed class ErasureServiceTests
{
    private static readonly DateTime s_now = new(2026, 3, 3, 12, 0, 0, DateTimeKind.Utc);

    [Theory, InlineData(DatabaseProvider.Sqlite), PostgresData]
    public async Task EraseAsync_LeavesNoBodyPhoneOrNameInAnyTextColumn_AndKeepsOthersWhole(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (alpha, bravo, charlie) = await ServiceUserExporterTests.SeedThreeAsync(database);

        await using (var db = database.CreateContext())
        {
            // The operator's reason names the person; the audit stub must not.
            var result = await Erasure(db).EraseAsync(alpha.ServiceUser.Id, scope: null, "Alpha Quimby asked by phone (+447700900111), ticket 42");
            Assert.NotNull(result);
            Assert.False(result.WasAlreadyErased);
        }

        await using (var db = database.CreateContext())
        {
            var leftovers = await DatabaseText.FindAsync(db, alpha.AllSecrets);
            Assert.True(leftovers.Count == 0, "left behind: " + string.Join("; ", leftovers));

            var others = await DatabaseText.FindAsync(db, bravo.AllSecrets.Concat(charlie.AllSecrets));
            Assert.Equal(bravo.AllSecrets.Concat(charlie.AllSecrets).Distinct().Count(), others.Select(o => o[(o.IndexOf(": ", StringComparison.Ordinal) + 2)..]).Distinct().Count());

            foreach (var entity in PersonalDataTables.AboutServiceUser(db.Model).Where(e => e.ClrType != typeof(AuditEvent)))
            {
                Assert.Equal(0, await PersonalDataTables.RowsOf(db, entity, alpha.ServiceUser.Id).CountAsync());
                Assert.Equal(1, await PersonalDataTables.RowsOf(db, entity, bravo.ServiceUser.Id).CountAsync());
            }

            var stub = await db.ServiceUsers.SingleAsync(s => s.Id == alpha.ServiceUser.Id);
            Assert.Equal(PersonalDataStub.DisplayNameFor(stub.Id), stub.DisplayName);
            Assert.StartsWith("Erased service user ", stub.DisplayName, StringComparison.Ordinal);
            Assert.Null(stub.PhoneE164);
            Assert.Null(stub.FirstName);
            Assert.Null(stub.ExternalReference);
            Assert.Equal(s_now, stub.ErasedAtUtc);
            Assert.True(stub.MayNotBeTexted);

            var erased = await db.AuditEvents.SingleAsync(a => a.Action == ErasureService.ErasedAction);
            Assert.Equal(alpha.ServiceUser.Id, erased.ServiceUserId);
            Assert.Equal(AuditActorType.Operator, erased.ActorType);
            Assert.StartsWith("reason: [redacted] asked by phone ([redacted]), ticket 42; removed: ", erased.Detail, StringComparison.Ordinal);
            Assert.Contains("diary_entries=1", erased.Detail, StringComparison.Ordinal);
        }
    }

    [Theory, InlineData(DatabaseProvider.Sqlite), PostgresData]
    public async Task EraseAsync_WhenStaffOfAnotherOrganisationAsks_ErasesNothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (alpha, _, charlie) = await ServiceUserExporterTests.SeedThreeAsync(database);

        await using (var db = database.CreateContext())
        {
            var result = await Erasure(db).EraseAsync(alpha.ServiceUser.Id, CaseloadScope.ForStaff(Guid.NewGuid(), charlie.ServiceUser.OrganisationId, StaffRole.ServiceManager), "request");
            Assert.Null(result);
        }

        await using (var db = database.CreateContext())
        {
            Assert.Equal(alpha.Secrets.Distinct().Count(), (await DatabaseText.FindAsync(db, alpha.Secrets)).Select(f => f[(f.IndexOf(": ", StringComparison.Ordinal) + 2)..]).Distinct().Count());
            Assert.False(await db.AuditEvents.AnyAsync(a => a.Action == ErasureService.ErasedAction));
        }
    }

    [Fact]
    public async Task EraseAsync_WhenRunTwice_SecondRunSaysSoAndChangesNothingMore()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var (alpha, _, _) = await ServiceUserExporterTests.SeedThreeAsync(database);
        await using (var db = database.CreateContext())
        {
            await Erasure(db).EraseAsync(alpha.ServiceUser.Id, scope: null, "request");
        }

        await using (var db = database.CreateContext())
        {
            var again = await Erasure(db).EraseAsync(alpha.ServiceUser.Id, scope: null, "request");
            Assert.NotNull(again);
            Assert.True(again.WasAlreadyErased);
            Assert.All(again.RowsRemoved.Where(r => !r.Key.StartsWith("audit", StringComparison.Ordinal)), r => Assert.Equal(0, r.Value));
            Assert.Equal(ServiceUserStatus.Discharged, (await db.ServiceUsers.SingleAsync(s => s.Id == alpha.ServiceUser.Id)).Status);
        }
    }

    [Fact]
    public async Task EraseAsync_WhenReasonIsBlank_Throws()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var db = database.CreateContext();
        await Assert.ThrowsAsync<ArgumentException>(() => Erasure(db).EraseAsync(Guid.NewGuid(), scope: null, " "));
    }

    [Fact]
    public void SeededPerson_CoversEveryPersonalDataTable()
    {
        // A feature that adds a table keyed to a service user must seed it here, so export and erasure are proved on it.
        using var db = new BuddyDbContext(new DbContextOptionsBuilder<BuddyDbContext>().UseSqlite("Data Source=:memory:").Options);
        Assert.Equal(
            SeededPerson.SeededKinds.Select(t => t.Name).Order(),
            PersonalDataTables.AboutServiceUser(db.Model).Select(e => e.ClrType.Name).Order());
    }

    internal static ErasureService Erasure(BuddyDbContext db) => new(db, new FakeTimeProvider(s_now), NullLogger<ErasureService>.Instance);
}
