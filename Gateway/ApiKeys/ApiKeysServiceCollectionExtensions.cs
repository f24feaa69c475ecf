using Buddy.Gateway.Hosting;

namespace Buddy.Gateway.ApiKeys;

public static class ApiKeysServiceCollectionExtensions
{
    /// <summary>Issuing and revoking API keys (manager console, API and the create-api-key and revoke-api-key verbs), and the cache of recently seen keys.</summary>
    public static IServiceCollection AddApiKeys(this IServiceCollection services)
    {
        services.AddScoped<ApiKeyIssuer>();
        services.AddSingleton<RecentApiKeys>();
        services.AddScoped<ICommandVerb, CreateApiKeyVerb>();
        services.AddScoped<ICommandVerb, RevokeApiKeyVerb>();
        return services;
    }
}
