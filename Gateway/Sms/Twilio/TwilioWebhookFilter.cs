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

    /// <summary>
    /// Checks the raw bytes, not a decoded string: a byte above 0x7F sent as it is (not %-encoded) must be part of a
    /// valid UTF-8 sequence too, and decoding first would already have replaced it.
    /// </summary>
    private static async Task<bool> IsUtf8FormAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        request.Body.Position = 0; // buffered by ReadFormAsync
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken);
        request.Body.Position = 0;
        foreach (var part in SplitForm(buffer.ToArray()))
        {
            if (!System.Text.Unicode.Utf8.IsValid(PercentDecode(part)))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The names and values of a urlencoded form, still encoded, split at '&amp;' and '='.</summary>
    private static IEnumerable<byte[]> SplitForm(byte[] raw)
    {
        var start = 0;
        for (var i = 0; i <= raw.Length; i++)
        {
            if (i == raw.Length || raw[i] is (byte)'&' or (byte)'=')
            {
                yield return raw[start..i];
                start = i + 1;
            }
        }
    }

    /// <summary>'+' as a space, %XX as its byte, every other byte as it is (including bytes above 0x7F).</summary>
    private static byte[] PercentDecode(byte[] part)
    {
        var decoded = new List<byte>(part.Length);
        for (var i = 0; i < part.Length; i++)
        {
            if (part[i] == (byte)'%' && i + 2 < part.Length && Uri.IsHexDigit((char)part[i + 1]) && Uri.IsHexDigit((char)part[i + 2]))
            {
                decoded.Add((byte)Convert.ToInt32(System.Text.Encoding.ASCII.GetString(part, i + 1, 2), 16));
                i += 2;
            }
            else
            {
                decoded.Add(part[i] == (byte)'+' ? (byte)' ' : part[i]);
            }
        }

        return [.. decoded];
    }

    private string PublicUrl(HttpRequest request)
    {
        var pathAndQuery = request.Path.Value + request.QueryString.Value;
        return settings.PublicUrl(pathAndQuery)?.OriginalString
            ?? $"{request.Scheme}://{request.Host.Value}{request.PathBase.Value}{pathAndQuery}";
    }
}
