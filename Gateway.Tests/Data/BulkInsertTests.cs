using Buddy.Domain.CheckIns;
using Buddy.Domain.Organisations;
using Buddy.Domain.ServiceUsers;
using Buddy.Domain.Sms;
using Buddy.Gateway.Data;
using Buddy.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Buddy.Tests.Data;

/// <summary>
/// The dispatcher's multi-row inserts write exactly what SaveChanges writes (every column, every conversion), in
/// commands split to the engine's limits, and a taken unique key refuses the whole insert as SaveChanges would.
/// </summary>
public sealed class BulkInsertTests
{
    // More than one command's worth on SQLite (16 rows a command), with a shorter last command.
    private const int Rows = 37;

    [Theory, InlineData(DatabaseProvider.Sqlite), PostgresData]
    public async Task InsertAsync_WritesEveryColumnOfEveryRowAsSaveChangesWould(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (organisation, person) = await AddPersonAsync(database);
        var messages = new List<OutboundMessage>();
        var checkIns = new List<CheckIn>();
        await using (var db = database.CreateContext())
        {
            var messageType = db.Model.FindEntityType(typeof(OutboundMessage))!;
            var checkInType = db.Model.FindEntityType(typeof(CheckIn))!;
            for (var i = 0; i < Rows; i++)
            {
                var message = (OutboundMessage)FullRow.Create(messageType, [organisation, person]);
                messages.Add(message);
                var checkIn = (CheckIn)FullRow.Create(checkInType, [organisation, person, message]);
                checkIn.LocalDate = new DateOnly(2026, 1, 1).AddDays(i); // unique per person and day
                checkIns.Add(checkIn);
            }

            await using var transaction = await db.Database.BeginTransactionAsync();
            await BulkInsert.InsertAsync(db, messages, CancellationToken.None);
            await BulkInsert.InsertAsync(db, checkIns, CancellationToken.None);
            await transaction.CommitAsync();
            Assert.Empty(db.ChangeTracker.Entries());
        }

        await using (var db = database.CreateContext())
        {
            await AssertReadBackAsync(db, messages);
            await AssertReadBackAsync(db, checkIns);
        }
    }

    [Theory, InlineData(DatabaseProvider.Sqlite), PostgresData]
    public async Task InsertAsync_WhenOneRowsUniqueKeyIsTaken_RefusesTheInsertAsAUniqueViolation(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (organisation, person) = await AddPersonAsync(database);
        await using (var db = database.CreateContext())
        {
            db.OutboundMessages.Add(Message(organisation, person, "checkin:taken"));
            await db.SaveChangesAsync();
        }

        await using (var db = database.CreateContext())
        {
            var rows = Enumerable.Range(0, Rows).Select(i => Message(organisation, person, i == 30 ? "checkin:taken" : $"checkin:{i}")).ToList();
            await using var transaction = await db.Database.BeginTransactionAsync();
            var refused = await Assert.ThrowsAsync<DbUpdateException>(() => BulkInsert.InsertAsync(db, rows, CancellationToken.None));
            Assert.True(UniqueViolation.Is(refused));
            await transaction.RollbackAsync();
        }

        await using (var check = database.CreateContext())
        {
            Assert.Equal("checkin:taken", Assert.Single(await check.OutboundMessages.ToListAsync()).DedupeKey);
        }
    }

    [Fact]
    public async Task InsertAsync_OutsideATransaction_IsRefused()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var (organisation, person) = await AddPersonAsync(database);
        await using var db = database.CreateContext();
        await Assert.ThrowsAsync<InvalidOperationException>(() => BulkInsert.InsertAsync(db, [Message(organisation, person, "checkin:1")], CancellationToken.None));
    }

    private static async Task AssertReadBackAsync<T>(BuddyDbContext db, List<T> written)
        where T : class
    {
        var entity = db.Model.FindEntityType(typeof(T))!;
        var key = entity.FindPrimaryKey()!.Properties.Single();
        Assert.Equal(written.Count, await db.Set<T>().CountAsync());
        foreach (var expected in written)
        {
            var actual = await db.FindAsync<T>(key.PropertyInfo!.GetValue(expected));
            Assert.NotNull(actual);
            foreach (var property in entity.GetProperties().Where(p => p.PropertyInfo is not null))
            {
                FullRow.AssertSame(property, property.PropertyInfo!.GetValue(expected), property.PropertyInfo.GetValue(actual));
            }
        }
    }

    private static async Task<(Organisation Organisation, ServiceUser Person)> AddPersonAsync(TestDatabase database)
    {
        var now = new DateTime(2026, 3, 10, 19, 0, 0, DateTimeKind.Utc);
        var organisation = new Organisation { Name = $"Northshire {Guid.NewGuid():N}", CreatedAtUtc = now };
        var person = new ServiceUser
        {
            OrganisationId = organisation.Id,
            DisplayName = "Sam Taylor",
            PhoneE164 = "+447700900123",
            CreatedAtUtc = now,
            UpdatedAtUtc = now,
        };
        await using var db = database.CreateContext();
        db.Organisations.Add(organisation);
        db.ServiceUsers.Add(person);
        await db.SaveChangesAsync();
        return (organisation, person);
    }

    private static OutboundMessage Message(Organisation organisation, ServiceUser person, string dedupeKey) => new()
    {
        OrganisationId = organisation.Id,
        ServiceUserId = person.Id,
        ToPhone = person.PhoneE164!,
        Body = "How was your day?",
        Kind = OutboundKind.CheckIn,
        DedupeKey = dedupeKey,
        NotBeforeUtc = organisation.CreatedAtUtc,
        CreatedAtUtc = organisation.CreatedAtUtc,
    };
}
