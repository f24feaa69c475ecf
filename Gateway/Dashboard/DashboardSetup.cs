using Buddy.Gateway.Engagement;
using Buddy.Gateway.Schedules;

namespace Buddy.Gateway.Dashboard;

public static class DashboardSetup
{
    /// <summary>The therapist dashboard: caseload, pre-session summary, alerts, exports and engagement alerts.</summary>
    public static IServiceCollection AddDashboard(this IServiceCollection services)
    {
        services.AddScoped<CaseloadQuery>();
        services.AddScoped<SummaryQuery>();
        services.AddScoped<CycleScreenQuery>();
        services.AddScoped<AlertActions>();

        services.AddSingleton<EngagementAlertScanner>();
        // Low-mood-streak and no-reply alerts.
        services.AddRecurringJob<EngagementAlertScanner>("engagement-alerts", TimeSpan.FromHours(1), (scanner, now, cancellationToken) => scanner.ScanAsync(now, cancellationToken));
        return services;
    }
}
