using Buddy.Gateway.Schedules;

namespace Buddy.Gateway.ServiceUsers;

public static class ServiceUsersServiceCollectionExtensions
{
    /// <summary>The commands that add, change and discharge service users and set their check-in schedule; the manager console and the API share them.</summary>
    public static IServiceCollection AddServiceUsers(this IServiceCollection services)
    {
        services.AddScoped<ServiceUserCommands>();
        services.AddScoped<ScheduleCommands>();
        return services;
    }
}
