using System.Security.Claims;
using Buddy.Domain.ApiKeys;
using Buddy.Gateway.ApiKeys;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Buddy.Gateway.Api;

/// <summary>
/// /api/v1/api-keys: the organisation's keys, and revoking one. Any of the organisation's keys may use them: a key
/// already holds all of the organisation's API rights, and letting an integration revoke a key it finds exposed
/// (its own included) ends the exposure without waiting for a manager. The worst a stolen key can add with this
/// (revoking the others) is less than it can already do, and it is audited. Another organisation's key is 404.
/// </summary>
internal static class ApiKeysApi
{
    public static RouteGroupBuilder MapApiKeysApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/api-keys").WithTags("API keys");
        group.MapGet("/", ListAsync).WithName("ListApiKeys")
            .WithSummary("The organisation's API keys: name, prefix, created, last used (to the minute) and revoked. Never the key or its hash.");
        group.MapPost("/{id:guid}/revoke", RevokeAsync).WithName("RevokeApiKey")
            .WithSummary("Revokes one of the organisation's keys (this one included): every request with it is refused from now on. Revoking twice keeps the first time.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    /// <param name="IsCurrent">True for the key that made this request.</param>
    public sealed record ApiKeyResource(Guid Id, string Name, string Prefix, DateTime CreatedAtUtc, DateTime? LastUsedAtUtc, DateTime? RevokedAtUtc, bool IsCurrent)
    {
        public static ApiKeyResource From(ApiKey key, Guid currentKeyId) =>
            new(key.Id, key.Name, key.Prefix, key.CreatedAtUtc, key.LastUsedAtUtc, key.RevokedAtUtc, key.Id == currentKeyId);
    }

    private static async Task<Ok<List<ApiKeyResource>>> ListAsync(ClaimsPrincipal user, ApiKeyIssuer issuer, CancellationToken cancellationToken)
    {
        var actor = user.Actor();
        var keys = await issuer.ListAsync(actor.OrganisationId, cancellationToken);
        return TypedResults.Ok(keys.Select(k => ApiKeyResource.From(k, actor.ActorId)).ToList());
    }

    private static async Task<IResult> RevokeAsync(Guid id, ClaimsPrincipal user, ApiKeyIssuer issuer, CancellationToken cancellationToken)
    {
        var actor = user.Actor();
        var change = await issuer.RevokeAsync(actor, id, cancellationToken);
        return await change.ToResultAsync("API key", async _ =>
            TypedResults.Ok(ApiKeyResource.From((await issuer.FindAsync(actor.OrganisationId, id, cancellationToken))!, actor.ActorId)));
    }
}
