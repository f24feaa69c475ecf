using System.Collections.Concurrent;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Buddy.Tests.Data.SqlServer;

/// <summary>Keeps the LINQ expression of every query EF Core compiles, once per shape, to be translated again for another engine.</summary>
internal sealed class QueryRecorder : IQueryExpressionInterceptor
{
    public ConcurrentDictionary<string, Expression> Queries { get; } = new(StringComparer.Ordinal);

    public Expression QueryCompilationStarting(Expression queryExpression, QueryExpressionEventData eventData)
    {
        Queries.TryAdd(queryExpression.ToString(), queryExpression);
        return queryExpression;
    }
}
