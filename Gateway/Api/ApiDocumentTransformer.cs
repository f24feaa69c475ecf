using Buddy.Gateway.ApiKeys;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Buddy.Gateway.Api;

/// <summary>Titles the document and declares the two ways to send an API key, required on every operation.</summary>
internal sealed class ApiDocumentTransformer : IOpenApiDocumentTransformer
{
    private const string Bearer = "bearer";
    private const string Header = "apiKeyHeader";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info = new OpenApiInfo
        {
            Title = "Buddy API",
            Version = "v1",
            Description = "Service users, their check-in schedules, diary entries, summaries and alerts, and their session cycle (sessions, goals, " +
                "PHQ-9/GAD-7 questionnaires by text) for one organisation, and the organisation's API keys (list, revoke). " +
                "Alerts and diary entries carry the risk tier (High: crisis reply sent and staff told; Review: a human should look) and who is at " +
                "risk; an alert's contactCautions (someone else may read the phone, do not call) must be read before contacting the person. " +
                "Authenticate with an organisation API key (Gateway create-api-key), over HTTPS only. Records outside the key's organisation answer 404. " +
                "Every error is application/problem+json. Lists are paged: page from 1 to 1,000,000, pageSize from 1 to 100; outside those, 400.",
        };
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[Bearer] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "Authorization: Bearer <API key>",
        };
        document.Components.SecuritySchemes[Header] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = ApiKeyAuthenticationHandler.HeaderName,
            Description = $"{ApiKeyAuthenticationHandler.HeaderName}: <API key>",
        };
        document.Security =
        [
            new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(Bearer, document)] = [] },
            new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(Header, document)] = [] },
        ];
        return Task.CompletedTask;
    }
}
