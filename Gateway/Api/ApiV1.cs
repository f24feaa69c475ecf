namespace Buddy.Gateway.Api;

public static class ApiV1
{
    public const string Policy = "ApiV1";

    /// <summary>
    /// The JSON API for integrations. Every route needs an API key (scheme "ApiKey", never a staff cookie) and
    /// sees only the key's organisation: anything else answers 404, exactly as if it did not exist.
    /// </summary>
    public static IEndpointRouteBuilder MapApiV1(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/v1").RequireAuthorization(Policy).DisableAntiforgery();
        api.MapServiceUsersApi();
        api.MapDiaryApi();
        api.MapStaffApi();
        api.MapSessionCycleApi();
        api.MapApiKeysApi();
        endpoints.MapOpenApi().AllowAnonymous();
        endpoints.MapApiReference();
        return endpoints;
    }
}
