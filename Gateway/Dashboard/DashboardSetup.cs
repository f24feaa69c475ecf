using Buddy.Gateway.Engagement;

namespace Buddy.Gateway.Dashboard;

public static class DashboardSetup
{
    /// <summary>The therapist dashboard: caseload, pre-session summary, alerts, exports and engagement alerts.</summary>
    public static IServiceCollection AddDashboard(this IServiceCollection services)
    {
        services.AddScoped<CaseloadQuery>();
        services.AddScoped<SummaryQuery>();
        services.AddScoped<AlertActions>();

        // Called by the scheduler's engagement job (see EngagementAlertScanner).
        services.AddSingleton<EngagementAlertScanner>();
        return services;
    }
}
