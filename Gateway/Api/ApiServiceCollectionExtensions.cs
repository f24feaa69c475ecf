using System.Text.Json.Serialization;
using Buddy.Gateway.ApiKeys;
using Buddy.Gateway.Hosting;
using Buddy.Gateway.Schedules;
using Buddy.Gateway.ServiceUsers;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Buddy.Gateway.Api;

public static class ApiServiceCollectionExtensions
{
    private const string CookieOrApiKey = "CookieOrApiKey";

    /// <summary>The API key scheme and policy, problem details, the OpenAPI document and the create-api-key and revoke-api-key verbs.</summary>
    public static IServiceCollection AddApi(this IServiceCollection services)
    {
        // Under /api the default scheme is the API key, so a request no endpoint takes (an unknown route, a wrong
        // method, an id that is not a GUID) is challenged with the key's 401 problem, not the sign-in page's 302.
        services.AddAuthentication(options => options.DefaultScheme = CookieOrApiKey)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null)
            .AddPolicyScheme(CookieOrApiKey, "Staff cookie, or an API key under /api", options => options.ForwardDefaultSelector = context =>
                context.Request.Path.StartsWithSegments(RateLimits.ApiPrefix, StringComparison.OrdinalIgnoreCase)
                    ? ApiKeyAuthenticationHandler.SchemeName
                    : IdentityConstants.ApplicationScheme);
        services.AddAuthorizationBuilder().AddPolicy(ApiV1.Policy, policy => policy
            .AddAuthenticationSchemes(ApiKeyAuthenticationHandler.SchemeName)
            .RequireAuthenticatedUser()
            .RequireClaim(ApiKeyAuthenticationHandler.OrganisationClaim));

        services.AddProblemDetails();
        services.ConfigureHttpJsonOptions(options => options.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        services.AddOpenApi("v1", options =>
        {
            options.ShouldInclude = description => description.RelativePath?.StartsWith("api/v1/", StringComparison.Ordinal) == true;
            options.AddDocumentTransformer<ApiDocumentTransformer>();
            options.AddSchemaTransformer<RiskSchemaDescriptions>();
        });

        services.TryAddScoped<ServiceUserCommands>();
        services.TryAddScoped<ScheduleCommands>();
        services.TryAddScoped<ApiKeyIssuer>();
        services.AddSingleton<RecentApiKeys>();
        services.AddScoped<ICommandVerb, CreateApiKeyVerb>();
        services.AddScoped<ICommandVerb, RevokeApiKeyVerb>();
        return services;
    }
}
