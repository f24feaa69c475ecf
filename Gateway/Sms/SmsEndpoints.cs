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
        var webhooks = endpoints.MapGroup("/sms")
            .AddEndpointFilter<TwilioWebhookFilter>()
            .DisableAntiforgery()
            .AllowAnonymous();
        webhooks.MapPost("/inbound", InboundWebhook.HandleAsync);
        webhooks.MapPost("/status", StatusCallback.HandleAsync);
        return endpoints;
    }
}
