using Buddy.Gateway.Hosting;
using Buddy.Gateway.Replies;
using Buddy.Gateway.Schedules;

namespace Buddy.Gateway.Conversations;

public static class ConversationsServiceCollectionExtensions
{
    /// <summary>
    /// The conversations that tie the session cycle together (AddSessions, AddGoals and AddQuestionnaires register
    /// the features themselves): two-step check-ins, expiry of unanswered questions, the reply handler that routes
    /// answers to each feature, the job that sends whatever of the cycle is due, and the demo cycle.
    /// </summary>
    public static IServiceCollection AddConversations(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ConversationOptions>().BindConfiguration(ConversationOptions.Section)
            .Validate(o => o.SecondStepExpiryHours >= 1 && o.GoalReplyExpiryHours >= 1, "Conversations expiry hours must be at least 1.")
            .ValidateOnStart();

        services.AddScoped<ConversationExpiryService>();
        services.AddScoped<SessionCycleDueWork>();
        services.AddScoped<DemoCycleSeeder>();
        services.AddScoped<TwoStepCheckIns>();

        // The session cycle's due work: expiry, appointment and goal reminders, scheduled questionnaires.
        services.AddRecurringJob<SessionCycleDueWork>(
            "session-cycle-due-work", Settings.Read<ConversationOptions, TimeSpan>(configuration, ConversationOptions.Section, ConversationOptions.DueWorkInterval),
            (work, now, cancellationToken) => work.RunDueAsync(now, cancellationToken));
        return services;
    }
}
