namespace Buddy.Gateway.Goals;

public static class GoalsServiceCollectionExtensions
{
    /// <summary>Goals in the person's own words: changes, reminders by text and the replies to them.</summary>
    public static IServiceCollection AddGoals(this IServiceCollection services)
    {
        services.AddScoped<GoalService>();
        services.AddScoped<GoalQueries>();
        services.AddScoped<GoalReminderService>();
        return services;
    }
}
