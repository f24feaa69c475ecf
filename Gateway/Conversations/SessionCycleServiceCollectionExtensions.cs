using Buddy.Gateway.Hosting;
using Buddy.Gateway.Goals;
using Buddy.Gateway.Questionnaires;
using Buddy.Gateway.Schedules;
using Buddy.Gateway.Sessions;

namespace Buddy.Gateway.Conversations;

public static class SessionCycleServiceCollectionExtensions
{
    /// <summary>
    /// The session cycle: appointments and agenda notes, two-step check-ins, goals, questionnaires by SMS, and the
    /// replies' collaborators (the reply pipeline's conversation step itself is registered with the pipeline, in AddReplies).
    /// </summary>
    public static IServiceCollection AddSessionCycle(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AppointmentReminderOptions>().Bind(configuration.GetSection(AppointmentReminderOptions.Section))
            .Validate(o => o.IsValid(), "Sessions:ReminderDaysBefore must be 0-7 and Sessions:ReminderLocalTime empty or HH:mm.")
            .ValidateOnStart();
        services.AddOptions<QuestionnaireOptions>().Bind(configuration.GetSection(QuestionnaireOptions.Section))
            .Validate(o => o.ExpiryHours is >= 1 and <= 24 * 14, "Questionnaires:ExpiryHours must be between 1 and 336.")
            .ValidateOnStart();
        services.AddOptions<ConversationOptions>().Bind(configuration.GetSection(ConversationOptions.Section))
            .Validate(o => o.SecondStepExpiryHours >= 1 && o.GoalReplyExpiryHours >= 1, "Conversations expiry hours must be at least 1.")
            .ValidateOnStart();

        services.AddScoped<SessionService>();
        services.AddScoped<SessionQueries>();
        services.AddScoped<AppointmentReminderService>();
        services.AddScoped<GoalService>();
        services.AddScoped<GoalQueries>();
        services.AddScoped<GoalReminderService>();
        services.AddScoped<QuestionnaireService>();
        services.AddScoped<QuestionnaireQueries>();
        services.AddScoped<QuestionnaireDueService>();
        services.AddScoped<ConversationExpiryService>();
        services.AddScoped<SessionCycleDueWork>();
        services.AddScoped<DemoCycleSeeder>();

        services.AddScoped<AppointmentChangeNotices>();
        services.AddScoped<AgendaReplies>();
        services.AddScoped<GoalReplies>();
        services.AddScoped<QuestionnaireRiskEscalation>();
        services.AddScoped<QuestionnaireReplies>();
        services.AddScoped<TwoStepCheckIns>();

        services.AddTransient<SessionCycleJob>();
        services.AddRecurringJob<SessionCycleJob>(
            SessionCycleJob.Key, TimeSpan.FromSeconds(ConfigurationValues.PositiveNumber(configuration, "Conversations:DueWorkIntervalSeconds", 60)));
        return services;
    }
}
