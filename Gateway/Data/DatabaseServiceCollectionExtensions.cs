using Microsoft.EntityFrameworkCore;

namespace Buddy.Gateway.Data;

public static class DatabaseServiceCollectionExtensions
{
    /// <summary>The one place the database engine is chosen.</summary>
    public static IServiceCollection AddBuddyDatabase(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var settings = DatabaseSettings.From(configuration, environment.ContentRootPath);
        services.AddSingleton(settings);

        // A factory for background work (jobs, the inbound pipeline) and a scoped context for requests.
        services.AddDbContextFactory<BuddyDbContext>(options => Configure(options, settings));
        services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<BuddyDbContext>>().CreateDbContext());
        services.AddSingleton<SchemaMigrator>();
        services.AddHealthChecks().AddDbContextCheck<BuddyDbContext>("database");
        return services;
    }

    public static void Configure(DbContextOptionsBuilder options, DatabaseSettings settings)
    {
        options.AddInterceptors(Conversations.OptOutClosesConversations.Instance);
        switch (settings.Provider)
        {
            case DatabaseProvider.Sqlite:
                options.UseSqlite(settings.ConnectionString).AddInterceptors(SqliteBusyTimeout.Instance);
                break;
            case DatabaseProvider.Postgres:
                options.UseNpgsql(settings.ConnectionString);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(settings), settings.Provider, "Unsupported database provider.");
        }
    }
}
