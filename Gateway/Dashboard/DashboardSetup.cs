namespace Buddy.Gateway.Dashboard;

public static class DashboardSetup
{
    /// <summary>The therapist dashboard: caseload, pre-session summary, alerts, exports and engagement alerts.</summary>
    public static IServiceCollection AddDashboard(this IServiceCollection services)
    {
        services.AddScoped<CaseloadQuery>();
        return services;
    }
}
