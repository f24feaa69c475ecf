namespace Buddy.Gateway.Sessions;

public static class SessionsServiceCollectionExtensions
{
    /// <summary>Therapy sessions: booking and marking, the day-before reminder, agenda notes and "can't make it" notices.</summary>
    public static IServiceCollection AddSessions(this IServiceCollection services)
    {
        services.AddOptions<AppointmentReminderOptions>().BindConfiguration(AppointmentReminderOptions.Section)
            .Validate(o => o.IsValid(), "Sessions:ReminderDaysBefore must be 0-7 and Sessions:ReminderLocalTime empty or HH:mm.")
            .ValidateOnStart();
        services.AddScoped<SessionService>();
        services.AddScoped<SessionQueries>();
        services.AddScoped<AppointmentReminderService>();
        return services;
    }
}
