using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Buddy.Gateway.Hosting;

public static class HealthEndpoints
{
    /// <summary>
    /// <c>/health</c> for load balancers and monitoring: 200 when every check passes, 503 otherwise, with a small
    /// JSON body naming each check. It carries no personal data, so it needs no sign-in.
    /// </summary>
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = WriteAsync }).AllowAnonymous();
        return endpoints;
    }

    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(
                e => e.Key,
                e => new { status = e.Value.Status.ToString(), description = e.Value.Description, data = e.Value.Data }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body, s_json));
    }

    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web);
}
