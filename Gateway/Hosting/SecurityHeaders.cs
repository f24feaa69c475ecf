namespace Buddy.Gateway.Hosting;

/// <summary>
/// Browser hardening on every response. The content security policy allows only Buddy's own origin, so no page
/// can load anything from a CDN or run inline script, and no other site can frame it.
/// </summary>
internal static class SecurityHeaders
{
    private const string ContentSecurityPolicy =
        "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; font-src 'self'; " +
        "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public static Task AddAsync(HttpContext context, Func<Task> next)
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";

        // Pages, exports and API answers hold personal data: never left in a shared laptop's cache.
        // Static files (CSS, scripts, images) stay cacheable so pages are quick on slow machines.
        context.Response.OnStarting(() =>
        {
            if (context.Response.ContentType is { } type && !IsStaticAsset(type))
            {
                headers.CacheControl = "no-store";
            }

            return Task.CompletedTask;
        });
        return next();
    }

    private static bool IsStaticAsset(string contentType) =>
        contentType.StartsWith("text/css", StringComparison.Ordinal)
        || contentType.StartsWith("text/javascript", StringComparison.Ordinal)
        || contentType.StartsWith("application/javascript", StringComparison.Ordinal)
        || contentType.StartsWith("image/", StringComparison.Ordinal);
}
