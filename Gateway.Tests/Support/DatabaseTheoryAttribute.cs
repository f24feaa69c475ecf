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
/// Supplies <see cref="DatabaseProvider.Postgres"/> to a theory, skipped with a printed reason when no server is
/// configured. Pair it with <c>[InlineData(DatabaseProvider.Sqlite)]</c> to run a test on both engines:
/// <code>[Theory, InlineData(DatabaseProvider.Sqlite), PostgresData]</code>
/// </summary>
public sealed class PostgresDataAttribute : DataAttribute
{
    public PostgresDataAttribute() => Skip = PostgresServer.SkipReason;

    public override IEnumerable<object[]> GetData(MethodInfo testMethod)
    {
        yield return [DatabaseProvider.Postgres];
    }
}
