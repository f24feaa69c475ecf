using Microsoft.EntityFrameworkCore;

namespace Buddy.Gateway.Data;

public static class DatabaseServiceCollectionExtensions
{
    /// <summary>The one place the database engine is chosen.</summary>
    public static IServiceCollection AddBuddyDatabase(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var settings = DatabaseSettings.Read(configuration, environment.ContentRootPath);
        services.AddSingleton(settings);

        // A factory for background work (jobs, the inbound pipeline) and a scoped context for requests.
        services.AddDbContextFactory<BuddyDbContext>(options => Configure(options, settings));
        services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<BuddyDbContext>>().CreateDbContext());
        services.AddSingleton<SchemaMigrator>();
        services.AddHealthChecks().AddDbContextCheck<BuddyDbContext>("database", customTestQuery: CanWriteAsync);
        return services;
    }

    /// <summary>
    /// Healthy only if a write could start now: "can connect" alone passes while SQLite is locked by another
    /// writer and every webhook fails. A transaction begun and rolled back takes SQLite's write lock for an instant.
    /// </summary>
    private static async Task<bool> CanWriteAsync(BuddyDbContext db, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Organisations.AnyAsync(cancellationToken);
        return true;
    }

    public static void Configure(DbContextOptionsBuilder options, DatabaseSettings settings)
    {
        options.AddInterceptors(Conversations.OptOutClosesConversations.Instance);
        DatabaseDialect.For(settings.Provider).UseProvider(options, settings.ConnectionString);
    }
}
