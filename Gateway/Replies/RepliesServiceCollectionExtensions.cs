using Buddy.Domain.Replies;
using Buddy.Domain.Safeguarding;
using Buddy.Gateway.Hosting;
using Buddy.Gateway.Safeguarding;
using Buddy.Gateway.Schedules;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Buddy.Gateway.Replies;

public static class RepliesServiceCollectionExtensions
{
    /// <summary>The reply parser (with any extra tag words from <c>Replies:Tags</c>), the diary handler (Order 1000) and the <c>parse</c> verb.</summary>
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
        services.TryAddSingleton(RiskDetector.Default);
        services.TryAddSingleton<IRiskReader, DetectorRiskReader>();
        services.TryAddSingleton(_ => SchedulingSettings.From(configuration)); // the reply window; AddCheckIns registers the same
        services.AddScoped<IReplyHandler, DiaryReplyHandler>();
        services.AddScoped<ICommandVerb, ParseVerb>();
        return services;
    }
}
