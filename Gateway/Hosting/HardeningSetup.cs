using Microsoft.AspNetCore.HttpOverrides;

namespace Buddy.Gateway.Hosting;

public static class HardeningSetup
{
    /// <summary>
    /// Rate limits, request size limits, forwarded headers from known proxies, HSTS/HTTPS redirection (and refusal
    /// of what is left on plain HTTP) and the graceful-shutdown timeout, all from configuration (see <see cref="HardeningSettings"/>).
    /// </summary>
    public static WebApplicationBuilder AddHardening(this WebApplicationBuilder builder)
    {
        var settings = HardeningSettings.Read(builder.Configuration);
        builder.Services.AddSingleton(settings);

        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Limits.MaxRequestBodySize = settings.MaxRequestBodyBytes;
            kestrel.AddServerHeader = false;
        });

        // Stopping waits this long for in-flight work (a send handed to the provider, a reply being processed)
        // before the host gives up; systemd's TimeoutStopSec must be longer.
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = settings.ShutdownTimeout);

        builder.Services.Configure<ForwardedHeadersOptions>(forwarded =>
        {
            // Host is not taken from the proxy: Twilio's signature URL comes from Twilio:PublicBaseUrl instead.
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            forwarded.ForwardLimit = settings.ForwardLimit;
            foreach (var proxy in settings.KnownProxies)
            {
                forwarded.KnownProxies.Add(proxy);
            }

            foreach (var network in settings.KnownNetworks)
            {
                forwarded.KnownIPNetworks.Add(network);
            }
        });

        builder.Services.AddHsts(hsts => hsts.MaxAge = TimeSpan.FromDays(365));
        builder.Services.AddHttpsRedirection(redirect =>
        {
            redirect.RedirectStatusCode = StatusCodes.Status308PermanentRedirect;

            // Behind a TLS-terminating proxy the gateway has no HTTPS address of its own to find the port from:
            // the public one is the standard port unless the operator names another (https_ports / HTTPS_PORT).
            if (settings.TlsTerminatedUpstream && string.IsNullOrWhiteSpace(builder.Configuration["https_ports"]) && string.IsNullOrWhiteSpace(builder.Configuration["HTTPS_PORT"]))
            {
                redirect.HttpsPort = 443;
            }
        });
        builder.Services.AddRateLimiter(options => RateLimits.Configure(options, settings));
        return builder;
    }

    /// <summary>
    /// Call before anything else in the pipeline (before static files, routing and authentication), because:
    /// forwarded headers must come first so every later step sees the client's real IP and scheme (the rate
    /// limiter partitions by that IP; HTTPS redirection and Twilio's signature check need the real scheme);
    /// HSTS/redirection and the security headers then cover every response, static files included; the size
    /// check and the rate limiter run before routing and authentication, so a flood or an oversized body is
    /// turned away before any work is done for it, and failed sign-ins count.
    /// </summary>
    public static WebApplication UseHardening(this WebApplication app)
    {
        app.UseForwardedHeaders();
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
            // A load balancer probing /health over plain HTTP must get an answer, not a redirect; the API and Twilio's
            // webhooks are never redirected either (see HttpsRequirement), and whatever is still plain HTTP is refused.
            app.UseWhen(context => !HttpsRequirement.IsExempt(context.Request.Path) && !HttpsRequirement.IsApi(context.Request.Path),
                branch => branch.UseHttpsRedirection());
            app.UseMiddleware<HttpsRequirement>();
        }

        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseMiddleware<RequestBodyLimitMiddleware>();
        app.UseRateLimiter();
        return app;
    }
}
