using System.Security.Claims;
using System.Text.Encodings.Web;
using Buddy.Gateway.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Buddy.Gateway.ApiKeys;

/// <summary>
/// The "ApiKey" scheme: <c>Authorization: Bearer &lt;key&gt;</c> or <c>X-Api-Key: &lt;key&gt;</c>. The key is hashed and
/// looked up by hash (so nothing secret is compared in a way that leaks timing); revoked keys are refused.
/// The principal carries the key's organisation, which every API query filters on.
/// </summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    BuddyDbContext db,
    RecentApiKeys recent,
    TimeProvider clock)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string OrganisationClaim = "buddy:organisation_id";
    public const string HeaderName = "X-Api-Key";

    /// <summary>LastUsedAtUtc is written at most this often per key, so a busy integration costs no write per request.</summary>
    internal static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(1);

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var presented = ReadKey(Request);
        if (presented is null)
        {
            return AuthenticateResult.NoResult();
        }

        if (!ApiKeySecret.LooksLikeKey(presented))
        {
            return AuthenticateResult.Fail("The API key is not valid.");
        }

        var hash = ApiKeySecret.HashOf(presented);
        var key = await db.ApiKeys.AsNoTracking()
            .Where(k => k.Hash == hash)
            .Select(k => new { k.Id, k.OrganisationId, k.Name, k.RevokedAtUtc, k.LastUsedAtUtc })
            .SingleOrDefaultAsync(Context.RequestAborted);
        if (key is null || key.RevokedAtUtc is not null)
        {
            recent.Forget(hash);
            Logger.LogInformation("Refused an API key that is {Reason}", key is null ? "unknown" : "revoked");
            return AuthenticateResult.Fail("The API key is not valid.");
        }

        recent.Remember(hash);
        var now = clock.GetUtcNow().UtcDateTime;
        if (key.LastUsedAtUtc is not { } last || now - last >= LastUsedResolution)
        {
            var stale = now - LastUsedResolution;
            await db.ApiKeys.Where(k => k.Id == key.Id && (k.LastUsedAtUtc == null || k.LastUsedAtUtc < stale))
                .ExecuteUpdateAsync(set => set.SetProperty(k => k.LastUsedAtUtc, now), Context.RequestAborted);
        }

        var identity = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, key.Id.ToString()),
                new Claim(ClaimTypes.Name, key.Name),
                new Claim(OrganisationClaim, key.OrganisationId.ToString()),
            ],
            SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer realm=\"Buddy API\"";
        await Results.Problem(
            statusCode: StatusCodes.Status401Unauthorized,
            title: "An API key is required",
            detail: $"Send a valid, unrevoked key as 'Authorization: Bearer <key>' or '{HeaderName}: <key>'.").ExecuteAsync(Context);
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "This key may not do that").ExecuteAsync(Context);

    /// <summary>The key the caller offers, or null; also read by the rate limiter to choose the caller's bucket.</summary>
    internal static string? ReadKey(HttpRequest request)
    {
        var headers = request.Headers;
        if (headers.TryGetValue(HeaderName, out var apiKey) && apiKey.Count == 1 && !string.IsNullOrWhiteSpace(apiKey[0]))
        {
            return apiKey[0]!.Trim();
        }

        var authorization = headers.Authorization.ToString();
        return authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) && authorization.Length > 7
            ? authorization[7..].Trim()
            : null;
    }
}
