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
        services.AddRecurringJob<EngagementAlertsJob>(EngagementAlertsJob.Key, TimeSpan.FromHours(1));
        return services;
    }
}
