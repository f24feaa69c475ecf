using Buddy.Gateway.Sms;

namespace Buddy.Gateway.Hosting;

/// <summary>
/// Outside Development a request that arrived over plain HTTP (as the gateway sees it: behind a proxy, from
/// X-Forwarded-Proto) is never quietly served. Page requests have been redirected to HTTPS before this runs;
/// whatever is left (no HTTPS port known, or the API) is refused with 403. The API is never redirected, because
/// its key has already crossed the network in clear: it is refused without the key being looked up.
/// Two exceptions: <c>/health</c> (load balancers probe over HTTP), and Twilio's signed webhooks, because a
/// reply that has already crossed the network is better stored than lost (Twilio does not retry it); the log
/// says to fix the webhook URL.
/// </summary>
internal sealed class HttpsRequirement(RequestDelegate next, TimeProvider clock, ILogger<HttpsRequirement> logger)
{
    /// <summary>A misconfigured webhook URL is said once in this long, not once per text (2,000 lines a second in a burst).</summary>
    internal static readonly TimeSpan WarningInterval = TimeSpan.FromMinutes(1);

    private long _warnedAtTicks; // 0: never yet
    private long _unwarned;

    /// <summary>Paths answered over plain HTTP too.</summary>
    public static bool IsExempt(PathString path) =>
        path.StartsWithSegments("/health")
        || path.Equals(SmsEndpoints.InboundPath, StringComparison.OrdinalIgnoreCase)
        || path.Equals(SmsEndpoints.StatusPath, StringComparison.OrdinalIgnoreCase);

    /// <summary>Paths that are refused, never redirected, over plain HTTP.</summary>
    public static bool IsApi(PathString path) => path.StartsWithSegments(RateLimits.ApiPrefix, StringComparison.OrdinalIgnoreCase);

    public Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (request.IsHttps)
        {
            return next(context);
        }

        if (IsExempt(request.Path))
        {
            if (!request.Path.StartsWithSegments("/health"))
            {
                WarnPlainWebhook(request.Path);
            }

            return next(context);
        }

        logger.LogWarning("Refused {Method} {Path} over plain HTTP", request.Method, request.Path);
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        return IsApi(request.Path)
            ? ErrorResponses.WriteAsync(context, "HTTPS is required",
                "Buddy's API answers only over HTTPS. The key sent with this request crossed the network unencrypted and was not checked: revoke it and use a new one over HTTPS.")
            : ErrorResponses.WriteAsync(context, "Use the secure address",
                "Buddy is only available over HTTPS. Open the address starting with https:// (ask your Buddy administrator if you do not know it).");
    }

    private void WarnPlainWebhook(PathString path)
    {
        Interlocked.Increment(ref _unwarned);
        var now = clock.GetUtcNow().UtcTicks;
        var last = Interlocked.Read(ref _warnedAtTicks);
        if ((last != 0 && now - last < WarningInterval.Ticks) || Interlocked.CompareExchange(ref _warnedAtTicks, now, last) != last)
        {
            return;
        }

        var calls = Interlocked.Exchange(ref _unwarned, 0);
        logger.LogWarning("Twilio called {Path} over plain HTTP ({Calls} webhook call(s) since the last warning): set the webhook URL in the Twilio console to https://",
            path, calls);
    }
}
