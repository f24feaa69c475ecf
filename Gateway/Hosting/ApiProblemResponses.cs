using Microsoft.AspNetCore.WebUtilities;

namespace Buddy.Gateway.Hosting;

/// <summary>
/// Gives every /api error that the framework answers with a bare status code a problem+json body saying what to
/// do: no such route (404, including an id that is not a GUID), a method the route does not take (405), a body
/// that is not JSON or a value of the wrong type (400, which Production otherwise sends empty), a form body (415),
/// too large (413), too many requests (429). Answers that already carry a body (the API's own problems, the key
/// check's 401) are left alone.
/// </summary>
internal sealed class ApiProblemResponses(RequestDelegate next)
{
    private const string Description = "The routes and their bodies are described at /openapi/v1.json.";

    public async Task InvokeAsync(HttpContext context)
    {
        await next(context);
        var response = context.Response;
        if (response.HasStarted || response.StatusCode < 400 || response.ContentLength > 0 || !string.IsNullOrEmpty(response.ContentType))
        {
            return;
        }

        var (title, advice) = response.StatusCode switch
        {
            StatusCodes.Status400BadRequest => ("The request could not be read",
                $"Send the body as JSON, with every value in the body, path and query of the type the route expects. {Description}"),
            StatusCodes.Status404NotFound => ("No such route", $"Nothing answers at this address (an id in the path must be a GUID). {Description}"),
            StatusCodes.Status405MethodNotAllowed => ("Method not allowed",
                $"This route does not take {context.Request.Method}; the Allow header lists the methods it takes. {Description}"),
            StatusCodes.Status413PayloadTooLarge => ("The body is too large", "The body is over the gateway's size limit (Limits:MaxRequestBodyBytes)."),
            StatusCodes.Status415UnsupportedMediaType => ("Send JSON", $"Send the body as JSON with 'Content-Type: application/json'. {Description}"),
            StatusCodes.Status429TooManyRequests => ("Too many requests", "Wait the number of seconds in the Retry-After header, then try again."),
            _ => (ReasonPhrases.GetReasonPhrase(response.StatusCode), Description),
        };
        await ErrorResponses.WriteAsync(context, title, advice);
    }
}
