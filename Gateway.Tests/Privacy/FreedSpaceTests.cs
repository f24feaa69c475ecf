using System.Text;
using Buddy.Domain.Privacy;
using Buddy.Gateway.Data;
using Buddy.Gateway.Privacy;
using Buddy.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Buddy.Tests.Privacy;

/// <summary>
/// Erased and anonymised people are gone from the database files, not only from its queries (finding 8 of issue 13):
/// on SQLite neither the file nor its write-ahead log holds their name, number or words afterwards; on PostgreSQL
/// every table the erasure touched has been vacuumed.
/// </summary>
public sealed class FreedSpaceTests
{
    private static readonly DateTime s_now = new(2026, 3, 3, 12, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task Erase_OnSqlite_LeavesNoneOfTheirWordsInTheFileBytes()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var (alpha, bravo, _) = await ServiceUserExporterTests.SeedThreeAsync(database);
        Assert.NotEmpty(InFiles(database, alpha.AllSecrets)); // the search finds them while they are there

        await using (var db = database.CreateContext())
        {
            Assert.NotNull(await ErasureServiceTests.Erasure(db).EraseAsync(alpha.ServiceUser.Id, scope: null, "ticket 42"));
        }

        var left = InFiles(database, alpha.AllSecrets);
        Assert.True(left.Count == 0, "still in the file: " + string.Join("; ", left));
        Assert.NotEmpty(InFiles(database, bravo.AllSecrets)); // everyone else is still there
    }

    [Fact]
    public async Task RetentionSweep_OnSqlite_LeavesNoneOfTheirWordsInTheFileBytes()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var (alpha, _, _) = await ServiceUserExporterTests.SeedThreeAsync(database);
        await using (var db = database.CreateContext())
        {
            await RetentionSweepTests.DischargeAsync(db, alpha.ServiceUser.Id, s_now.AddDays(-31));
        }

        Assert.Single((await RetentionSweepTests.Sweep(database, new RetentionPolicy(30, 90)).RunAsync(s_now)).AnonymisedServiceUserIds);

        var left = InFiles(database, alpha.AllSecrets);
        Assert.True(left.Count == 0, "still in the file: " + string.Join("; ", left));
    }

    [Fact]
    public async Task NewSqliteFile_IsInIncrementalAutoVacuumMode()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var db = database.CreateContext();

        Assert.Equal(2, await db.Database.SqlQueryRaw<int>("SELECT auto_vacuum AS \"Value\" FROM pragma_auto_vacuum").SingleAsync());
    }

    [PostgresFact]
    public async Task Erase_OnPostgres_VacuumsEveryTableItTouched()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        var (alpha, _, _) = await ServiceUserExporterTests.SeedThreeAsync(database);

        await using (var db = database.CreateContext())
        {
            Assert.NotNull(await ErasureServiceTests.Erasure(db).EraseAsync(alpha.ServiceUser.Id, scope: null, "ticket 42"));
        }

        await using var check = database.CreateContext();
        var vacuumed = await check.Database.SqlQueryRaw<string>("SELECT relname AS \"Value\" FROM pg_stat_user_tables WHERE last_vacuum IS NOT NULL").ToListAsync();
        var touched = PersonalDataTables.Touched(check.Model);
        Assert.Contains("service_users", touched);
        Assert.Empty(touched.Except(vacuumed));
    }

    /// <summary>Which of the strings occur, as UTF-8 bytes, in the database file or its write-ahead log.</summary>
    private static List<string> InFiles(TestDatabase database, IEnumerable<string> strings)
    {
        var file = new SqliteConnectionStringBuilder(database.Settings.ConnectionString).DataSource;
        var bytes = new[] { file, file + "-wal" }.Where(File.Exists).Select(ReadShared).ToList();
        return strings.Distinct()
            .Where(s => bytes.Any(b => b.AsSpan().IndexOf(Encoding.UTF8.GetBytes(s)) >= 0))
            .ToList();
    }

    private static byte[] ReadShared(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
