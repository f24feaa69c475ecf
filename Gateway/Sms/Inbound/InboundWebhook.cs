using Buddy.Gateway.Data;
using Buddy.Gateway.Hosting;
using Buddy.Gateway.Telemetry;

namespace Buddy.Gateway.Sms.Inbound;

/// <summary>
/// <c>POST /sms/inbound</c>, signed by Twilio (checked by the filter). Stores the text and answers an empty TwiML
/// response at once; replies are texted through the outbox once the processor has handled it.
/// </summary>
internal static class InboundWebhook
{
    internal const string EmptyTwiml = """<?xml version="1.0" encoding="UTF-8"?><Response/>""";

    public static async Task<IResult> HandleAsync(
        HttpRequest request, InboundReception reception, BuddyMetrics metrics, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        metrics.WebhookReceived("inbound");
        var form = await request.ReadFormAsync(cancellationToken);
        var missing = new[] { "MessageSid", "From", "Body" }.Where(name => !form.ContainsKey(name) || (name != "Body" && string.IsNullOrWhiteSpace(form[name]))).ToList();
        if (missing.Count > 0)
        {
            return Results.BadRequest($"Missing {string.Join(", ", missing)}.");
        }

        var text = new InboundText(
            form["MessageSid"].ToString().Trim(),
            form["From"].ToString().Trim(),
            form["To"].ToString().Trim(),
            form["Body"].ToString(),
            form.TryGetValue("OptOutType", out var optOutType) && !string.IsNullOrWhiteSpace(optOutType) ? optOutType.ToString().Trim() : null);
        try
        {
            await reception.AcceptAsync(text, cancellationToken);
        }
        catch (Exception ex) when (DatabaseStartup.IsUnreachable(ex))
        {
            // Not stored: tell Twilio to try again rather than acknowledging a text we would lose.
            loggers.CreateLogger(typeof(InboundWebhook)).LogError("Inbound {MessageSid} not stored, database unavailable: {Error}",
                text.MessageSid, Redact.PhoneNumbersIn(ex.Message));
            return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
        }

        return Results.Text(EmptyTwiml, "text/xml");
    }
}
