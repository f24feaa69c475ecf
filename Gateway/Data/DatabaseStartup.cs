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
                $"Cannot open the {settings.Provider} database named by ConnectionStrings:Buddy: {Redact.PhoneNumbersIn(Innermost(ex).Message)}");
        }
    }

    public static bool IsUnreachable(Exception ex) =>
        ex is DbException or SocketException or TimeoutException || (ex.InnerException is { } inner && IsUnreachable(inner));

    private static Exception Innermost(Exception ex) => ex.InnerException is null ? ex : Innermost(ex.InnerException);
}
