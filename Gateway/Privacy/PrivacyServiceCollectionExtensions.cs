using Buddy.Gateway.Hosting;
using Buddy.Gateway.Schedules;

namespace Buddy.Gateway.Privacy;

public static class PrivacyServiceCollectionExtensions
{
    /// <summary>
    /// Data protection: <see cref="ServiceUserExporter"/> and <see cref="ErasureService"/> (scoped, for the
    /// dashboard and API), <see cref="RetentionSweep"/> (singleton, run daily by <see cref="RetentionSweepJob"/>) and their command verbs.
    /// Named AddPrivacy because AddDataProtection is ASP.NET Core's key ring.
    /// </summary>
    public static IServiceCollection AddPrivacy(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(DataProtectionSettings.From(configuration));
        services.AddScoped<ServiceUserExporter>();
        services.AddScoped<ErasureService>();
        services.AddSingleton<RetentionSweep>();
        services.AddRecurringJob<RetentionSweepJob>(RetentionSweepJob.Key, TimeSpan.FromHours(24));
        services.AddScoped<ICommandVerb, ExportServiceUserVerb>();
        services.AddScoped<ICommandVerb, EraseServiceUserVerb>();
        services.AddScoped<ICommandVerb, RetentionSweepVerb>();
        return services;
    }
}
