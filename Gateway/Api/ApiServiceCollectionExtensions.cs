using System.Text.Json.Serialization;
using Buddy.Gateway.ApiKeys;
using Buddy.Gateway.Hosting;
using Buddy.Gateway.Schedules;
using Buddy.Gateway.ServiceUsers;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Buddy.Gateway.Api;

public static class ApiServiceCollectionExtensions
{
    /// <summary>The API key scheme and policy, problem details, the OpenAPI document and the create-api-key verb.</summary>
    public static IServiceCollection AddApi(this IServiceCollection services)
    {
        services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
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
        services.AddScoped<ICommandVerb, CreateApiKeyVerb>();
        return services;
    }
}
