using Buddy.Gateway.Data;
using Buddy.Gateway.Hosting;
using Buddy.Gateway.Sms.Twilio;
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
        if (Read(form, out var problem) is not { } text)
        {
            return Results.BadRequest(problem);
        }

        try
        {
            await reception.AcceptAsync(text, cancellationToken);
        }
        catch (Exception ex) when (DatabaseStartup.IsUnreachable(ex))
        {
            // Not stored: tell Twilio to try again rather than acknowledging a text we would lose. If its retries
            // run out, the inbound recovery finds the text in Twilio's log once the database is back.
            loggers.CreateLogger(typeof(InboundWebhook)).LogError("Inbound {MessageSid} not stored, database unavailable: {Error}",
                text.MessageSid, Redact.PhoneNumbersIn(ex.Message));
            return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
        }

        return EmptyTwimlResult.Instance;
    }

    /// <summary>The text Twilio describes, or null with the reason the fields cannot be Twilio's.</summary>
    private static InboundText? Read(IFormCollection form, out string problem)
    {
        var sid = TwilioFields.Single(form, "MessageSid", out var sidProblem)?.Trim();
        var from = TwilioFields.Single(form, "From", out var fromProblem)?.Trim();
        var to = TwilioFields.Single(form, "To", out var toProblem)?.Trim() ?? "";
        var body = TwilioFields.Single(form, "Body", out var bodyProblem);
        var optOutType = TwilioFields.Single(form, "OptOutType", out var optOutProblem)?.Trim();
        problem = sidProblem ?? fromProblem ?? toProblem ?? bodyProblem ?? optOutProblem ?? "";
        if (problem.Length > 0)
        {
            return null;
        }

        if (string.IsNullOrWhiteSpace(sid) || string.IsNullOrWhiteSpace(from) || body is null)
        {
            string?[] missing = [string.IsNullOrWhiteSpace(sid) ? "MessageSid" : null, string.IsNullOrWhiteSpace(from) ? "From" : null, body is null ? "Body" : null];
            problem = $"Missing {string.Join(", ", missing.OfType<string>())}.";
            return null;
        }

        problem = TwilioFields.MessageSidProblem(sid!)
            ?? (body!.Length > TwilioFields.MaxBodyLength ? $"Body is {body.Length:N0} characters; a text is at most {TwilioFields.MaxBodyLength:N0}." : null)
            ?? (from!.Length > TwilioFields.MaxAddressLength || to.Length > TwilioFields.MaxAddressLength ? $"From and To are at most {TwilioFields.MaxAddressLength} characters." : null)
            ?? "";
        return problem.Length > 0 ? null : new InboundText(sid!, from!, to, body!, string.IsNullOrEmpty(optOutType) ? null : optOutType);
    }

    /// <summary>
    /// The answer to every stored text, written from bytes made once. Results.Text would encode the string and
    /// create a logger on every call (the host's Serilog factory makes a new one each time).
    /// </summary>
    private sealed class EmptyTwimlResult : IResult
    {
        public static readonly EmptyTwimlResult Instance = new();

        private static readonly byte[] s_body = System.Text.Encoding.UTF8.GetBytes(EmptyTwiml);

        public Task ExecuteAsync(HttpContext httpContext)
        {
            var response = httpContext.Response;
            response.StatusCode = StatusCodes.Status200OK;
            response.ContentType = "text/xml";
            response.ContentLength = s_body.Length;
            return response.Body.WriteAsync(s_body).AsTask();
        }
    }
}
