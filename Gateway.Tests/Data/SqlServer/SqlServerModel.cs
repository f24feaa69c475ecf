using Buddy.Gateway.Data;
using Microsoft.EntityFrameworkCore;

namespace Buddy.Tests.Data.SqlServer;

/// <summary>A context on the SQL Server provider that is never opened: for the model, generated DDL and query translation.</summary>
internal static class SqlServerModel
{
    public const string UnusedConnectionString = "Server=sqlserver.invalid;Database=buddy;User Id=buddy;Password=unused;Encrypt=True";

    public static BuddyDbContext CreateContext(params Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor[] interceptors)
    {
        var options = new DbContextOptionsBuilder<BuddyDbContext>();
        DatabaseServiceCollectionExtensions.Configure(options, new DatabaseSettings(DatabaseProvider.SqlServer, UnusedConnectionString));
        options.AddInterceptors(interceptors);
        return new BuddyDbContext(options.Options);
    }
}
