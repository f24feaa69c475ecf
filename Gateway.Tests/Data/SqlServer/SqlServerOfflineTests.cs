using System.Text.RegularExpressions;
using Buddy.Gateway.Data;
using Buddy.Gateway.Goals;
using Buddy.Gateway.Questionnaires;
using Buddy.Gateway.Sessions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Buddy.Tests.Data.SqlServer;

/// <summary>
/// SQL Server checked with no server (none can be installed here): every script and every raw statement parses
/// as T-SQL, and the schema the scripts build is the one EF Core's model of the gateway expects on SQL Server.
/// </summary>
public sealed class SqlServerOfflineTests
{
    public static TheoryData<string> Scripts => [.. SchemaScript.For(DatabaseProvider.SqlServer).Select(s => s.Name)];

    [Theory, MemberData(nameof(Scripts))]
    public void Script_ParsesAsTransactSql(string name)
    {
        var script = SchemaScript.For(DatabaseProvider.SqlServer).Single(s => s.Name == name);

        TransactSql.Parse(script.Sql, out var errors);

        Assert.Empty(errors);
    }

    [Fact]
    public void EveryEngine_HasTheSameNumberedScripts()
    {
        var sqlServer = SchemaScript.For(DatabaseProvider.SqlServer).Select(s => s.Name);

        Assert.Equal(SchemaScript.For(DatabaseProvider.Postgres).Select(s => s.Name), sqlServer);
        Assert.Equal(SchemaScript.For(DatabaseProvider.Sqlite).Select(s => s.Name), sqlServer);
    }

    [Fact]
    public void DialectStatements_ParseAsTransactSql()
    {
        foreach (var statement in SqlServerDialect.Statements)
        {
            TransactSql.Parse(statement, out var errors);
            Assert.True(errors.Count == 0, $"{statement}\n{string.Join("\n", errors)}");
        }
    }

    // Statements the dialect builds at run time (a due-work claim per kind, the outbox's multi-row acceptance),
    // with EF's {n} placeholders as the parameters they become.
    [Fact]
    public void GeneratedStatements_ParseAsTransactSql()
    {
        var now = new DateTime(2026, 3, 3, 12, 0, 0, DateTimeKind.Utc);
        var dialect = DatabaseDialect.SqlServer;
        string[] statements =
        [
            dialect.ClaimDueIdsSql(QuestionnaireDueService.Due(now), 100),
            dialect.ClaimDueIdsSql(GoalReminderService.Due(now), 100),
            dialect.ClaimDueIdsSql(AppointmentReminderService.Candidates(now, new AppointmentReminderOptions()), 100),
            dialect.RecordOutboxAcceptancesSql("({3}, {4}, {5}), ({6}, {7}, {8})"),
        ];

        foreach (var statement in statements.Select(s => Regex.Replace(s, @"\{(\d+)\}", "@p$1")))
        {
            TransactSql.Parse(statement, out var errors);
            Assert.True(errors.Count == 0, $"{statement}\n{string.Join("\n", errors)}");
        }
    }

    [Fact]
    public void Scripts_BuildTheSchemaTheModelExpects()
    {
        using var db = SqlServerModel.CreateContext();
        var fromModel = SqlServerSchema.Read([db.Database.GenerateCreateScript()]).Describe();
        var fromScripts = SqlServerSchema.Read(SchemaScript.For(DatabaseProvider.SqlServer).Select(s => s.Sql)).Describe();

        Assert.Equal(fromModel.Except(fromScripts, StringComparer.OrdinalIgnoreCase), []);
        Assert.Equal(fromScripts.Except(fromModel, StringComparer.OrdinalIgnoreCase), []);
    }

    [Fact]
    public void Model_StoresEveryUtcTimeAsDatetime2_AndComparesIdentifiersExactly()
    {
        using var db = SqlServerModel.CreateContext();
        var columns = db.GetService<IDesignTimeModel>().Model.GetEntityTypes().SelectMany(e => e.GetProperties()).ToList();

        Assert.All(columns.Where(p => (Nullable.GetUnderlyingType(p.ClrType) ?? p.ClrType) is var t && (t == typeof(DateTime) || t == typeof(DateTimeOffset))),
            p => Assert.Equal("datetime2", p.GetColumnType()));
        foreach (var exact in new[] { "PhoneE164", "FromPhone", "ToPhone", "ProviderMessageId", "Email", "DedupeKey", "Hash", "AlertPhone", "NormalizedUserName" })
        {
            Assert.All(columns.Where(p => p.Name == exact), p => Assert.Equal(SqlServerDialect.ExactCollation, p.GetCollation()));
        }

        Assert.Null(columns.Single(p => p.DeclaringType.ClrType.Name == "ServiceUser" && p.Name == "DisplayName").GetCollation());
    }
}
