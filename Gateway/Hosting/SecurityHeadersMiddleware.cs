namespace Buddy.Gateway.Hosting;

/// <summary>
/// Browser hardening on every response, set as the response starts so an error page gets them too. The
/// content security policy allows only Buddy's own origin, with no inline script (the NHS.UK frontend's
/// scripts are served from wwwroot), and no site may frame a page (clickjacking). Registered by
/// <see cref="HardeningSetup.UseHardening"/> ahead of static files, so every response carries them. An endpoint
/// that needs another policy says so with <see cref="OwnContentSecurityPolicy"/> metadata.
/// </summary>
internal sealed class SecurityHeadersMiddleware(RequestDelegate next)
{
    internal const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; " +
        "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    internal const string PermissionsPolicy =
        "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=()";

    public Task InvokeAsync(HttpContext context)
    {
        // Static, with the context as its state: a capturing lambda would be a closure and a delegate on every request.
        context.Response.OnStarting(static state =>
        {
            var context = (HttpContext)state;
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = context.GetEndpoint()?.Metadata.GetMetadata<OwnContentSecurityPolicy>()?.For(context) ?? ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            headers["Permissions-Policy"] = PermissionsPolicy;
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            headers["Cross-Origin-Resource-Policy"] = "same-origin";

            // Pages, exports and API answers (anything an endpoint produced) hold personal data: never left in a
            // shared computer's cache. Static files have no endpoint and stay cacheable.
            if (context.GetEndpoint() is not null && !headers.ContainsKey("Cache-Control"))
            {
                headers.CacheControl = "no-store";
            }

            return Task.CompletedTask;
        }, context);
        return next(context);
    }
}
