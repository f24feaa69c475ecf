using Buddy.Domain.Replies;
using Buddy.Gateway.Conversations;
using Buddy.Gateway.Hosting;
using Buddy.Gateway.Safeguarding;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Buddy.Gateway.Replies;

public static class RepliesServiceCollectionExtensions
{
    /// <summary>
    /// The reply parser (with any extra tag words from <c>Replies:Tags</c>), the <c>parse</c> verb, and the reply
    /// pipeline with its three steps: registered here and nowhere else, so the steps and their order are in one place
    /// (<see cref="ReplyPipeline"/>). The steps' own collaborators come from their features (AddSafeguarding,
    /// AddConversations, AddSessions, AddGoals, AddQuestionnaires).
    /// </summary>
    public static IServiceCollection AddReplies(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ReplySettings>().Bind(configuration.GetSection("Replies")).ValidateOnStart();
        services.TryAddSingleton(sp =>
        {
            var extra = sp.GetRequiredService<IOptions<ReplySettings>>().Value.Tags;
            var vocabulary = extra.Count == 0
                ? TagVocabulary.Default
                : TagVocabulary.Default.With(extra.Select(t => new KeyValuePair<string, IReadOnlyList<string>>(t.Key, t.Value)));
            return new ReplyParser(vocabulary);
        });
        services.AddScoped<SafeguardingReplyHandler>();
        services.AddScoped<ConversationReplyHandler>();
        services.AddScoped<DiaryReplyHandler>();
        services.AddScoped<ReplyPipeline>();
        services.AddScoped<IReplyPipeline>(sp => sp.GetRequiredService<ReplyPipeline>());
        services.AddScoped<ICommandVerb, ParseVerb>();
        return services;
    }
}
