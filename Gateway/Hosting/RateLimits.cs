using System.Globalization;
using System.Threading.RateLimiting;
using Buddy.Gateway.ApiKeys;
using Buddy.Gateway.Sms;
using Microsoft.AspNetCore.RateLimiting;

namespace Buddy.Gateway.Hosting;

/// <summary>
/// ASP.NET Core's rate limiter as one global, path-partitioned limiter, so it also covers endpoints other
/// features map without them opting in:
/// Twilio's webhooks per client IP (a token bucket with a short queue, so bursts wait rather than fail);
/// sign-in attempts (POST) per client IP, strictly; the API per known key (per IP for no key or an unknown one).
/// Everything else is not limited. Refusals are 429 with Retry-After. Each limit is off when set to 0.
/// </summary>
internal static class RateLimits
{
    /// <summary>The dashboard's sign-in page (Identity's LoginPath).</summary>
    internal const string SignInPath = "/Account/SignIn";

    internal const string ApiPrefix = "/api";

    public static void Configure(RateLimiterOptions options, HardeningSettings settings)
    {
        options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context => Partition(context, settings));
        options.OnRejected = (rejected, cancellationToken) =>
        {
            var context = rejected.HttpContext;
            var seconds = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
                ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds))
                : context.Request.Path.StartsWithSegments(SignInPath, StringComparison.OrdinalIgnoreCase) ? 60 : 1;
            context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(RateLimits))
                .LogWarning("Rate limit refused {Method} {Path} from {RemoteIp}; retry after {Seconds}s",
                    context.Request.Method, context.Request.Path, context.Connection.RemoteIpAddress, seconds);
            return ValueTask.CompletedTask;
        };
    }

    private static RateLimitPartition<string> Partition(HttpContext context, HardeningSettings settings)
    {
        var path = context.Request.Path;

        if (settings.WebhookPermitsPerSecond > 0 && (path.Equals(SmsEndpoints.InboundPath, StringComparison.OrdinalIgnoreCase) || path.Equals(SmsEndpoints.StatusPath, StringComparison.OrdinalIgnoreCase)))
        {
            var permits = settings.WebhookPermitsPerSecond;
            return RateLimitPartition.GetTokenBucketLimiter("webhook:" + Client(context), _ => new TokenBucketRateLimiterOptions
            {
                TokenLimit = permits * 2,
                TokensPerPeriod = permits,
                ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                QueueLimit = permits,
                QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
                AutoReplenishment = true,
            });
        }

        if (settings.SignInAttemptsPerMinute > 0 && HttpMethods.IsPost(context.Request.Method) && path.StartsWithSegments(SignInPath, StringComparison.OrdinalIgnoreCase))
        {
            return RateLimitPartition.GetFixedWindowLimiter("sign-in:" + Client(context), _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = settings.SignInAttemptsPerMinute,
                Window = TimeSpan.FromMinutes(1),
                QueueLimit = 0,
            });
        }

        if (settings.ApiRequestsPerMinute > 0 && path.StartsWithSegments(ApiPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return RateLimitPartition.GetSlidingWindowLimiter("api:" + (KnownKeyHash(context) ?? "ip:" + Client(context)), _ => new SlidingWindowRateLimiterOptions
            {
                PermitLimit = settings.ApiRequestsPerMinute,
                Window = TimeSpan.FromMinutes(1),
                SegmentsPerWindow = 6,
                QueueLimit = 0,
            });
        }

        return RateLimitPartition.GetNoLimiter("unlimited");
    }

    /// <summary>The client's address as a partition key, made only for a request that is limited (every request passes here).</summary>
    private static string Client(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    /// <summary>
    /// The hash of the key the caller offers when it is a key this instance has seen authenticate: that key has a
    /// bucket of its own. A request with no key, a malformed key or a key never seen (made up, or revoked) gets
    /// null and shares its address's bucket, so a thousand invented keys are a thousand requests from one address,
    /// not a thousand fresh buckets. A real key's first request on an instance counts against its address.
    /// </summary>
    private static string? KnownKeyHash(HttpContext context)
    {
        var key = ApiKeyAuthenticationHandler.ReadKey(context.Request);
        if (key is null || !ApiKeySecret.LooksLikeKey(key))
        {
            return null;
        }

        var hash = ApiKeySecret.HashOf(key);
        return context.RequestServices.GetRequiredService<RecentApiKeys>().Contains(hash) ? "key:" + hash : null;
    }
}
