using Buddy.Gateway.Hosting;
using Buddy.Gateway.Identity;
using Scalar.AspNetCore;

namespace Buddy.Gateway.Api;

/// <summary>
/// The interactive reference for /api/v1 (Scalar), at /api-reference: in Development only, for signed-in staff.
/// Scalar's script is served from its own assembly, its fonts, telemetry, AI agent and MCP links are off, so the
/// page loads nothing from another origin. Its page starts the reference with an inline module script, so it gets
/// its own content security policy: that one script by its per-request nonce, and inline styles, which the
/// reference's components set.
/// </summary>
public static class ApiReference
{
    public const string Path = "/api-reference";

    public static IEndpointRouteBuilder MapApiReference(this IEndpointRouteBuilder endpoints)
    {
        if (!endpoints.ServiceProvider.GetRequiredService<IHostEnvironment>().IsDevelopment())
        {
            return endpoints;
        }

        endpoints.MapScalarApiReference(Path, options => options
                .WithTitle("Buddy API v1")
                .WithOpenApiRoutePattern("/openapi/{documentName}.json")
                .AddDocument("v1")
                .DisableDefaultFonts()
                .DisableTelemetry()
                .DisableAgent()
                .DisableMcp()
                .WithNonce())
            .RequireAuthorization(BuddyPolicies.Staff)
            .WithMetadata(new OwnContentSecurityPolicy(Policy));
        return endpoints;
    }

    internal static string Policy(HttpContext context)
    {
        var nonce = context.Items[ScalarOptions.NonceHttpContextItemKey] as string;
        var script = nonce is null ? "'self'" : $"'self' 'nonce-{nonce}'";
        return $"default-src 'self'; script-src {script}; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; " +
            "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
    }
}
