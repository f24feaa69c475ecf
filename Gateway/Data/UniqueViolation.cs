using Microsoft.EntityFrameworkCore;

namespace Buddy.Gateway.Data;

/// <summary>Recognises "that row already exists" from any engine: for exactly-once writes it means already done.</summary>
internal static class UniqueViolation
{
    public static bool Is(DbUpdateException exception) => IsEngineError(exception.InnerException);

    /// <summary>The engine's own exception, as <c>ExecuteUpdate</c> throws it (not wrapped in a DbUpdateException).</summary>
    public static bool IsEngineError(Exception? exception) =>
        exception is not null && DatabaseDialect.All.Any(dialect => dialect.IsUniqueViolation(exception));
}
