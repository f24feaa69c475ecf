using System.Data.Common;
using System.Net.Sockets;
using Buddy.Gateway.Hosting;

namespace Buddy.Gateway.Data;

public static class DatabaseStartup
{
    public static IServiceCollection AddDatabaseVerbs(this IServiceCollection services) =>
        services.AddScoped<ICommandVerb, MigrateVerb>();

    /// <summary>
    /// Brings the schema up to date before the gateway serves anything. A database that cannot be reached
    /// becomes a <see cref="BadConfigurationException"/> naming the setting, not a stack trace.
    /// </summary>
    public static async Task MigrateDatabaseAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        var settings = services.GetRequiredService<DatabaseSettings>();
        try
        {
            await services.GetRequiredService<SchemaMigrator>().MigrateAsync(cancellationToken);
        }
        catch (Exception ex) when (IsUnreachable(ex))
        {
            throw new BadConfigurationException(
                $"Cannot open the {settings.Provider} database named by ConnectionStrings:Buddy: {Redact.PhoneNumbersIn(Reason(ex))}");
        }
    }

    public static bool IsUnreachable(Exception ex) =>
        ex is DbException or SocketException or TimeoutException || (ex.InnerException is { } inner && IsUnreachable(inner));

    // The driver's own words first: SqlClient on Linux wraps a refused connection around an OS error whose text is
    // "Success", so the innermost message alone can say nothing useful.
    private static string Reason(Exception ex)
    {
        var chain = new List<Exception>();
        for (var e = ex; e is not null; e = e.InnerException)
        {
            chain.Add(e);
        }

        var message = (chain.OfType<DbException>().FirstOrDefault() ?? chain[^1]).Message;
        return message.Split('\n', 2)[0].Trim();
    }
}
