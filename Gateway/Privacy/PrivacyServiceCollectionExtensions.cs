using Buddy.Gateway.Hosting;
using Buddy.Gateway.Schedules;
using Microsoft.Extensions.Options;

namespace Buddy.Gateway.Privacy;

public static class PrivacyServiceCollectionExtensions
{
    /// <summary>
    /// Data protection: <see cref="ServiceUserExporter"/> and <see cref="ErasureService"/> (scoped, for the
    /// dashboard and API), <see cref="RetentionSweep"/> (singleton, run daily) and their command verbs.
    /// Named AddPrivacy because AddDataProtection is ASP.NET Core's key ring.
    /// </summary>
    public static IServiceCollection AddPrivacy(this IServiceCollection services)
    {
        services.AddOptions<DataProtectionSettings>().BindConfiguration(DataProtectionSettings.Section)
            .Validate(o => o.RetainAfterDischargeDays is > 0 and <= DataProtectionSettings.MaxDays,
                $"DataProtection:RetainAfterDischargeDays must be a whole number of days from 1 to {DataProtectionSettings.MaxDays}.")
            .Validate(o => o.RetainUnmatchedInboundDays is > 0 and <= DataProtectionSettings.MaxDays,
                $"DataProtection:RetainUnmatchedInboundDays must be a whole number of days from 1 to {DataProtectionSettings.MaxDays}.")
            .ValidateOnStart();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<DataProtectionSettings>>().Value.Policy);
        services.AddScoped<ServiceUserExporter>();
        services.AddScoped<ErasureService>();
        services.AddSingleton<RetentionSweep>();
        services.AddRecurringJob<RetentionSweep>("retention-sweep", TimeSpan.FromHours(24), (sweep, now, cancellationToken) => sweep.RunAsync(now, cancellationToken));
        services.AddScoped<ICommandVerb, ExportServiceUserVerb>();
        services.AddScoped<ICommandVerb, EraseServiceUserVerb>();
        services.AddScoped<ICommandVerb, RetentionSweepVerb>();
        return services;
    }
}
