using System.Text.RegularExpressions;
using Buddy.Tests.Support;

namespace Buddy.Tests.Data;

/// <summary>
/// One case, one dialect, one folder: engine-specific code (provider checks, engine SQL, engine client types)
/// lives in Gateway/Data/ and nowhere else, so adding or changing an engine is work in one place.
/// </summary>
public sealed partial class EngineSpecificCodeTests
{
    [Fact]
    public void NoFileOutsideData_ChecksTheEngineOrSpeaksItsSql()
    {
        var root = SharedFiles.RepositoryRoot;
        var offenders = new List<string>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(root, "Gateway"), "*.cs", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(root, file).Replace('\\', '/');
            if (relative.StartsWith("Gateway/Data/", StringComparison.Ordinal) || relative.Contains("/obj/", StringComparison.Ordinal)
                || relative.Contains("/bin/", StringComparison.Ordinal))
            {
                continue;
            }

            offenders.AddRange(File.ReadLines(file).Select((line, i) => (line, i))
                .Where(l => EngineSpecific().IsMatch(l.line))
                .Select(l => $"{relative}:{l.i + 1}: {l.line.Trim()}"));
        }

        Assert.Empty(offenders);
    }

    [Theory]
    [InlineData("if (db.IsSqlite)")]
    [InlineData("db.Database.ProviderName == \"x\"")]
    [InlineData("settings.Provider == DatabaseProvider.Postgres")]
    [InlineData("configuration[\"Database:Provider\"]")]
    [InlineData("SELECT * FROM t FOR UPDATE SKIP LOCKED")]
    [InlineData("WITH (UPDLOCK, READPAST)")]
    [InlineData("catch (PostgresException e)")]
    [InlineData("using Microsoft.Data.SqlClient;")]
    public void Pattern_CatchesEachKindOfEngineCheck(string line) => Assert.Matches(EngineSpecific(), line);

    [GeneratedRegex(@"IsSqlite|ProviderName|DatabaseProvider\.|Database:Provider|\bUse(Sqlite|Npgsql|SqlServer)\(|FOR UPDATE|SKIP LOCKED|READPAST|UPDLOCK|sp_getapplock|PRAGMA|\bNpgsql\b|Microsoft\.Data\.(Sqlite|SqlClient)|(Sqlite|Postgres|Sql)Exception")]
    private static partial Regex EngineSpecific();
}
