using System.Diagnostics;
using Buddy.Gateway.Sms;
using Serilog.Events;

namespace Buddy.Gateway.Hosting;

/// <summary>
/// The request log line for Twilio's webhooks, in place of Serilog's request logging there: the same line and the
/// same levels (<see cref="LoggingSetup.RequestLevel"/>: a refused or failed webhook is always written, a success is
/// Debug), without what that middleware does for every request before it knows whether it will write anything (an
/// ambient collector for properties the webhooks never add, set through an AsyncLocal).
/// </summary>
internal sealed class WebhookRequestLogging(RequestDelegate next, Serilog.ILogger logger)
{
    /// <summary>Serilog's request logging's own template, so the lines read and search the same.</summary>
    internal const string MessageTemplate = "HTTP {RequestMethod} {RequestPath} responded {StatusCode} in {Elapsed:0.0000} ms";

    private readonly Serilog.ILogger _logger = logger.ForContext<WebhookRequestLogging>();

    /// <summary>The paths this logs; every other request keeps Serilog's request logging.</summary>
    public static bool Covers(PathString path) =>
        path.Equals(SmsEndpoints.InboundPath, StringComparison.OrdinalIgnoreCase) || path.Equals(SmsEndpoints.StatusPath, StringComparison.OrdinalIgnoreCase);

    public async Task InvokeAsync(HttpContext context)
    {
        var start = Stopwatch.GetTimestamp();
        try
        {
            await next(context);
        }
        catch (Exception error)
        {
            Write(context, start, StatusCodes.Status500InternalServerError, error);
            throw;
        }

        Write(context, start, context.Response.StatusCode, null);
    }

    private void Write(HttpContext context, long start, int status, Exception? error)
    {
        var level = LoggingSetup.RequestLevel(context.Request.Path, status, error);
        if (_logger.IsEnabled(level))
        {
            _logger.Write(level, error, MessageTemplate, context.Request.Method, context.Request.Path.Value, status, Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }
    }
}
