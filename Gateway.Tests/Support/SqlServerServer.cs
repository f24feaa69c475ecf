namespace Buddy.Tests.Support;

/// <summary>
/// A SQL Server the tests may use: BUDDY_TEST_SQLSERVER holds a connection string for a login that may create and
/// drop databases (e.g. "Server=localhost,1433;User Id=sa;Password=...;TrustServerCertificate=True"). When set,
/// every test that runs on PostgreSQL through <see cref="PostgresDataAttribute"/> also runs on SQL Server. None can
/// be installed on Buddy's own machines, so the suite has not yet been run against a live SQL Server.
/// </summary>
public static class SqlServerServer
{
    public static string? ConnectionString { get; } = Environment.GetEnvironmentVariable("BUDDY_TEST_SQLSERVER") is { Length: > 0 } value ? value : null;
}
