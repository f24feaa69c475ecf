namespace Buddy.Tests.Support;

/// <summary>
/// The PostgreSQL server the tests may use: BUDDY_TEST_POSTGRES holds an admin connection string
/// (.ci/run starts a throwaway cluster on 127.0.0.1 and sets it).
/// </summary>
public static class PostgresServer
{
    public static string? ConnectionString { get; } = Environment.GetEnvironmentVariable("BUDDY_TEST_POSTGRES") is { Length: > 0 } value ? value : null;

    /// <summary>Set by CI: a missing server is then a failure, never a skip.</summary>
    public static bool Required { get; } = Environment.GetEnvironmentVariable("BUDDY_REQUIRE_POSTGRES") == "1";

    public const string MissingReason =
        "PostgreSQL tests need a server: set BUDDY_TEST_POSTGRES to an admin connection string (.ci/run starts one on 127.0.0.1).";

    /// <summary>The skip reason for a PostgreSQL test, or null when it should run (or must fail).</summary>
    public static string? SkipReason => ConnectionString is null && !Required ? MissingReason : null;
}
