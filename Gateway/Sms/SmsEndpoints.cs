using Buddy.Gateway.Sms.Inbound;
using Buddy.Gateway.Sms.Twilio;

namespace Buddy.Gateway.Sms;

/// <summary>Twilio's webhooks: incoming texts and delivery status callbacks. Both reject anything Twilio did not sign.</summary>
public static class SmsEndpoints
{
    public const string InboundPath = "/sms/inbound";
    public const string StatusPath = "/sms/status";

    public static IEndpointRouteBuilder MapSms(this IEndpointRouteBuilder endpoints)
    {
        // Short-circuited: routing runs the endpoint at once, skipping authentication and authorization, which a
        // webhook authenticated by its signature never uses (a cookie or API key lookup per text, for nothing).
        // Everything before routing (forwarded headers, HTTPS rules, security headers, size limit, rate limit) still runs.
        // One filter for each endpoint, made at start-up: it holds only settings and a logger, so a new one per
        // request (AddEndpointFilter<T>) would be an allocation and a service lookup on every webhook for nothing.
        var webhooks = endpoints.MapGroup("/sms")
            .AddEndpointFilterFactory(static (context, next) =>
            {
                var filter = ActivatorUtilities.CreateInstance<TwilioWebhookFilter>(context.ApplicationServices);
                return invocation => filter.InvokeAsync(invocation, next);
            })
            .DisableAntiforgery()
            .AllowAnonymous();
        webhooks.ShortCircuit();
        webhooks.MapPost("/inbound", InboundWebhook.HandleAsync);
        webhooks.MapPost("/status", StatusCallback.HandleAsync);
        return endpoints;
    }
}
