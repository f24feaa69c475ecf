using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Buddy.Gateway.CheckIns;

/// <summary>Recognises "that row already exists" from either engine: for exactly-once writes it means already done.</summary>
internal static class UniqueViolation
{
    private const int SqliteConstraint = 19;
    private const int SqliteConstraintUnique = 2067;
    private const int SqliteConstraintPrimaryKey = 1555;

    public static bool Is(DbUpdateException exception) => IsEngineError(exception.InnerException);

    /// <summary>The engine's own exception, as <c>ExecuteUpdate</c> throws it (not wrapped in a DbUpdateException).</summary>
    public static bool IsEngineError(Exception? exception) => exception switch
    {
        PostgresException postgres => postgres.SqlState == PostgresErrorCodes.UniqueViolation,
        SqliteException sqlite => sqlite.SqliteErrorCode == SqliteConstraint
            && sqlite.SqliteExtendedErrorCode is SqliteConstraintUnique or SqliteConstraintPrimaryKey,
        _ => false,
    };
}
