using Microsoft.EntityFrameworkCore;

namespace Buddy.Gateway.Data;

/// <summary>Recognises "that row already exists" from any engine: for exactly-once writes it means already done.</summary>
internal static class UniqueViolation
{
    public static bool Is(DbUpdateException exception) =>
        exception.InnerException is { } inner && DatabaseDialect.All.Any(dialect => dialect.IsUniqueViolation(inner));
}
