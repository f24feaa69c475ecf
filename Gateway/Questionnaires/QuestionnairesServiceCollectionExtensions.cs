namespace Buddy.Gateway.Questionnaires;

public static class QuestionnairesServiceCollectionExtensions
{
    /// <summary>PHQ-9 and GAD-7 by text: sending now or every N weeks, the answers, and escalation of a risky item 9.</summary>
    public static IServiceCollection AddQuestionnaires(this IServiceCollection services)
    {
        services.AddOptions<QuestionnaireOptions>().BindConfiguration(QuestionnaireOptions.Section)
            .Validate(o => o.ExpiryHours is >= 1 and <= 24 * 14, "Questionnaires:ExpiryHours must be between 1 and 336.")
            .ValidateOnStart();
        services.AddScoped<QuestionnaireService>();
        services.AddScoped<QuestionnaireQueries>();
        services.AddScoped<QuestionnaireDueService>();
        services.AddScoped<QuestionnaireRiskEscalation>();
        services.AddScoped<QuestionnaireReplies>();
        return services;
    }
}
