namespace Buddy.Gateway.Hosting;

/// <summary>
/// Refuses a body larger than <c>Limits:MaxRequestBodyBytes</c> with 413 before anything reads it. Kestrel's own
/// limit (set to the same value) stops a chunked body that grows past it while being read; this turns the error
/// that raises into a 413 too, instead of a 500.
/// </summary>
internal sealed class RequestBodyLimitMiddleware(RequestDelegate next, HardeningSettings settings, ILogger<RequestBodyLimitMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (context.Request.ContentLength > settings.MaxRequestBodyBytes)
        {
            logger.LogWarning("Refused {Method} {Path}: body of {Length} bytes is over Limits:MaxRequestBodyBytes ({Limit})",
                context.Request.Method, context.Request.Path, context.Request.ContentLength, settings.MaxRequestBodyBytes);
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return;
        }

        try
        {
            await next(context);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge && !context.Response.HasStarted)
        {
            context.Response.Clear();
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
        }
    }
}
