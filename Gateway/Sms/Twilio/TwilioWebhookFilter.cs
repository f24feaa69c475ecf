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
            return TooLarge();
        }

        if (!request.HasFormContentType)
        {
            return Results.Text("Twilio webhooks are application/x-www-form-urlencoded forms.", statusCode: StatusCodes.Status415UnsupportedMediaType);
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
        catch (Exception ex) when (ex is InvalidDataException or BadHttpRequestException or IOException)
        {
            // IOException: a multipart body that ends before its boundary says it should (a 500 until now).
            return ex is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } || ex.Message.Contains("limit", StringComparison.OrdinalIgnoreCase)
                ? TooLarge()
                : Results.BadRequest("The body is not a valid form.");
        }

        // The form reader turns bytes that are not UTF-8 into U+FFFD; Twilio always sends UTF-8, so such a body is
        // corrupt, and storing the replacement characters would lose what the person wrote without anyone noticing.
        if (!await IsUtf8FormAsync(request, http.RequestAborted))
        {
            return Results.BadRequest("The body is not valid UTF-8.");
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

    private static IResult TooLarge() =>
        Results.Text($"The body is larger than the {MaxBodyBytes / 1024} KB a Twilio webhook needs.", statusCode: StatusCodes.Status413PayloadTooLarge);

    private static async Task<bool> IsUtf8FormAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        request.Body.Position = 0; // buffered by ReadFormAsync
        using var reader = new StreamReader(request.Body, System.Text.Encoding.ASCII, detectEncodingFromByteOrderMarks: false, leaveOpen: true);
        var raw = await reader.ReadToEndAsync(cancellationToken);
        request.Body.Position = 0;
        var strict = new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
        try
        {
            foreach (var part in raw.Split('&', '='))
            {
                strict.GetCharCount(System.Net.WebUtility.UrlDecodeToBytes(System.Text.Encoding.ASCII.GetBytes(part), 0, part.Length) ?? []);
            }

            return true;
        }
        catch (System.Text.DecoderFallbackException)
        {
            return false;
        }
    }

    private string PublicUrl(HttpRequest request)
    {
        var pathAndQuery = request.Path.Value + request.QueryString.Value;
        return settings.PublicUrl(pathAndQuery)?.OriginalString
            ?? $"{request.Scheme}://{request.Host.Value}{request.PathBase.Value}{pathAndQuery}";
    }
}
