using System.Reflection;
using Buddy.Gateway.Data;
using Xunit.Sdk;

namespace Buddy.Tests.Support;

/// <summary>A fact that needs PostgreSQL: skipped with a printed reason when no server is configured (never in CI).</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute() => Skip = PostgresServer.SkipReason;
}

/// <summary>
/// Supplies the server engines to a theory: <see cref="DatabaseProvider.Postgres"/>, skipped with a printed reason
/// when no server is configured, and <see cref="DatabaseProvider.SqlServer"/> too when BUDDY_TEST_SQLSERVER names
/// one (see <see cref="SqlServerServer"/>). Pair it with <c>[InlineData(DatabaseProvider.Sqlite)]</c> to run a test
/// on every engine: <code>[Theory, InlineData(DatabaseProvider.Sqlite), PostgresData]</code>
/// </summary>
public sealed class PostgresDataAttribute : DataAttribute
{
    public PostgresDataAttribute() => Skip = PostgresServer.SkipReason;

    public override IEnumerable<object[]> GetData(MethodInfo testMethod)
    {
        yield return [DatabaseProvider.Postgres];
        if (SqlServerServer.ConnectionString is not null)
        {
            yield return [DatabaseProvider.SqlServer];
        }
    }
}
