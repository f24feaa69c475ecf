using System.Net;
using Buddy.Gateway.Data;
using Microsoft.AspNetCore.Diagnostics;

namespace Buddy.Gateway.Hosting;

/// <summary>
/// What a person sees when a request fails outside Development: a plain page (problem+json for the API and the
/// webhooks) saying what happened and what to do, never a stack trace or an empty 500. A database that cannot be
/// reached answers 503 with Retry-After, so browsers' users, API clients and Twilio try again; anything else is 500.
/// Both give the request id the log line carries. Written directly rather than by a Razor page, because rendering
/// one could need the very database that just failed. Under /api every error answer is problem+json, in every
/// environment (<see cref="ApiProblemResponses"/>).
/// </summary>
internal static class ErrorResponses
{
    private const int RetryAfterSeconds = 30;

    public static WebApplication UseErrorResponses(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment()) // a developer keeps the detailed exception page
        {
            app.UseExceptionHandler(new ExceptionHandlerOptions
            {
                StatusCodeSelector = error => DatabaseStartup.IsUnreachable(error) ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status500InternalServerError,
                ExceptionHandler = WriteAsync,
            });
        }

        app.UseWhen(context => context.Request.Path.StartsWithSegments(RateLimits.ApiPrefix, StringComparison.OrdinalIgnoreCase),
            api => api.UseMiddleware<ApiProblemResponses>());
        return app;
    }

    private static Task WriteAsync(HttpContext context)
    {
        var unavailable = context.Response.StatusCode == StatusCodes.Status503ServiceUnavailable;
        var (title, advice) = unavailable
            ? ("Buddy cannot reach its database", "Nothing from this request was saved. Please try again in a minute; if it keeps happening, tell your Buddy administrator.")
            : ("Something went wrong", "Nothing from this request was saved. Please try again; if it keeps happening, tell your Buddy administrator.");
        if (unavailable)
        {
            context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return WriteAsync(context, title, advice);
    }

    /// <summary>
    /// Writes a refusal or failure with the status already set: problem+json for the API, the webhooks and /health,
    /// a plain page for people. Other hosting steps (the HTTPS requirement) answer through here too.
    /// </summary>
    internal static async Task WriteAsync(HttpContext context, string title, string advice)
    {
        var path = context.Request.Path;
        if (path.StartsWithSegments("/api") || path.StartsWithSegments("/sms") || path.StartsWithSegments("/health"))
        {
            await Results.Problem(advice, statusCode: context.Response.StatusCode, title: title,
                extensions: new Dictionary<string, object?> { ["requestId"] = context.TraceIdentifier }).ExecuteAsync(context);
            return;
        }

        context.Response.ContentType = "text/html; charset=utf-8";
        await context.Response.WriteAsync($$"""
            <!DOCTYPE html>
            <html lang="en">
            <head>
              <meta charset="utf-8">
              <meta name="viewport" content="width=device-width, initial-scale=1">
              <title>{{WebUtility.HtmlEncode(title)}} - Buddy</title>
              <link rel="stylesheet" href="/lib/nhsuk/nhsuk-frontend.min.css">
              <link rel="stylesheet" href="/css/buddy.css">
            </head>
            <body>
              <header class="nhsuk-header" role="banner"><div class="nhsuk-header__container nhsuk-width-container"><div class="nhsuk-header__service">
                <a class="nhsuk-header__service-logo" href="/"><span class="nhsuk-header__service-name">Buddy</span></a></div></div></header>
              <div class="nhsuk-width-container"><main class="nhsuk-main-wrapper" id="maincontent">
                <h1>{{WebUtility.HtmlEncode(title)}}</h1>
                <p>{{WebUtility.HtmlEncode(advice)}}</p>
                <p class="nhsuk-body-s">Reference: <code>{{WebUtility.HtmlEncode(context.TraceIdentifier)}}</code></p>
              </main></div>
            </body>
            </html>
            """);
    }
}
