using Buddy.Gateway.Hosting;
using Microsoft.AspNetCore.Http.Features;

namespace Buddy.Gateway.Sms.Twilio;

/// <summary>
/// In front of every Twilio webhook: refuses oversized bodies (413) and anything but a form (415), then checks
/// X-Twilio-Signature against the URL Twilio called, which is Twilio:PublicBaseUrl plus the path when the
/// gateway sits behind a proxy, and the URL the request arrived at otherwise. Unsigned or tampered: 403.
/// </summary>
internal sealed class TwilioWebhookFilter(TwilioSettings settings, ILogger<TwilioWebhookFilter> logger) : IEndpointFilter
{
    /// <summary>A text is at most 1,600 characters; Twilio's parameters round it to a few KB. 32 KB is generous.</summary>
    internal const int MaxBodyBytes = 32 * 1024;

    private static readonly FormOptions s_formLimits = new()
    {
        BufferBody = true,
        ValueCountLimit = 200,
        ValueLengthLimit = MaxBodyBytes,
        KeyLengthLimit = 256,
        MultipartBodyLengthLimit = MaxBodyBytes,
    };

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var request = http.Request;
        if (request.ContentLength > MaxBodyBytes)
        {
            return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }

        if (!request.HasFormContentType)
        {
            return Results.StatusCode(StatusCodes.Status415UnsupportedMediaType);
        }

        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MaxBodyBytes;
        }

        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(s_formLimits, http.RequestAborted);
        }
        catch (Exception ex) when (ex is InvalidDataException or BadHttpRequestException)
        {
            return ex is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } || ex.Message.Contains("limit", StringComparison.OrdinalIgnoreCase)
                ? Results.StatusCode(StatusCodes.Status413PayloadTooLarge)
                : Results.BadRequest("The body is not a valid form.");
        }

        var url = PublicUrl(request);
        var parameters = form.SelectMany(field => field.Value.Select(value => new KeyValuePair<string, string>(field.Key, value ?? "")));
        var signature = request.Headers[TwilioSignature.HeaderName].ToString();
        if (settings.AuthToken is null)
        {
            logger.LogWarning("Rejected a webhook on {Path}: Twilio:AuthToken is not set, so no signature can be checked", request.Path);
            return Results.StatusCode(StatusCodes.Status403Forbidden);
        }

        if (!TwilioSignature.IsValid(settings.AuthToken, url, parameters, signature))
        {
            logger.LogWarning("Rejected a webhook on {Path} from {RemoteIp}: {Problem}", request.Path, http.Connection.RemoteIpAddress,
                string.IsNullOrEmpty(signature) ? "no X-Twilio-Signature" : "the signature does not match (check Twilio:PublicBaseUrl if behind a proxy)");
            return Results.StatusCode(StatusCodes.Status403Forbidden);
        }

        return await next(context);
    }

    private string PublicUrl(HttpRequest request)
    {
        var pathAndQuery = request.Path.Value + request.QueryString.Value;
        return settings.PublicUrl(pathAndQuery)?.OriginalString
            ?? $"{request.Scheme}://{request.Host.Value}{request.PathBase.Value}{pathAndQuery}";
    }
}
