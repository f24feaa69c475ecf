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
    private readonly string? _inboundUrl = settings.PublicUrl(SmsEndpoints.InboundPath)?.OriginalString;

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

        var signature = request.Headers[TwilioSignature.HeaderName].ToString();
        if (settings.AuthToken is null)
        {
            logger.LogWarning("Rejected a webhook on {Path}: Twilio:AuthToken is not set, so no signature can be checked", request.Path);
            return Results.StatusCode(StatusCodes.Status403Forbidden);
        }

        if (!IsSigned(settings.AuthToken, PublicUrl(request), form, signature))
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
    /// valid UTF-8 sequence too, and decoding first would already have replaced it. The body (at most
    /// <see cref="MaxBodyBytes"/>, already buffered by ReadFormAsync) is read into a pooled buffer and each name and
    /// value is percent-decoded in place, so a webhook allocates nothing here.
    /// </summary>
    private static async Task<bool> IsUtf8FormAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        request.Body.Position = 0;

        // Twilio's bodies are under a KB and say their length: renting for the 32 KB limit every time took a 64 KB array
        // per webhook in flight, thousands of them when a burst outruns the store. One byte more, to see the end.
        var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent((int)Math.Min(request.ContentLength ?? MaxBodyBytes, MaxBodyBytes) + 1);
        try
        {
            var length = 0;
            int read;
            while (length < buffer.Length && (read = await request.Body.ReadAsync(buffer.AsMemory(length), cancellationToken)) > 0)
            {
                length += read;
            }

            request.Body.Position = 0;
            return IsUtf8Form(buffer.AsSpan(0, length));
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer, clearArray: true); // the text's words do not stay in the shared pool
        }
    }

    /// <summary>Each name and value of a urlencoded form (split at '&amp;' and '='), once percent-decoded, is valid UTF-8.</summary>
    internal static bool IsUtf8Form(Span<byte> raw)
    {
        while (true)
        {
            var end = raw.IndexOfAny((byte)'&', (byte)'=');
            var part = end < 0 ? raw : raw[..end];
            if (!System.Text.Unicode.Utf8.IsValid(PercentDecodeInPlace(part)))
            {
                return false;
            }

            if (end < 0)
            {
                return true;
            }

            raw = raw[(end + 1)..];
        }
    }

    /// <summary>'+' as a space, %XX as its byte, every other byte as it is (including bytes above 0x7F); the decoded bytes.</summary>
    private static Span<byte> PercentDecodeInPlace(Span<byte> part)
    {
        var written = 0;
        for (var i = 0; i < part.Length; i++)
        {
            if (part[i] == (byte)'%' && i + 2 < part.Length && Uri.IsHexDigit((char)part[i + 1]) && Uri.IsHexDigit((char)part[i + 2]))
            {
                part[written++] = (byte)((HexValue(part[i + 1]) << 4) | HexValue(part[i + 2]));
                i += 2;
            }
            else
            {
                part[written++] = part[i] == (byte)'+' ? (byte)' ' : part[i];
            }
        }

        return part[..written];
    }

    private static int HexValue(byte digit) => digit <= '9' ? digit - '0' : (digit | 0x20) - 'a' + 10;

    /// <summary>Every name and value of the form (a repeated name once per value) checked against the signature, from a pooled array.</summary>
    private static bool IsSigned(string authToken, string url, IFormCollection form, string signature)
    {
        var count = 0;
        foreach (var field in form)
        {
            count += Math.Max(field.Value.Count, 1);
        }

        var parameters = System.Buffers.ArrayPool<KeyValuePair<string, string>>.Shared.Rent(count);
        try
        {
            var i = 0;
            foreach (var field in form)
            {
                foreach (var value in field.Value)
                {
                    parameters[i++] = new(field.Key, value ?? "");
                }
            }

            return TwilioSignature.IsValidSortingInPlace(authToken, url, parameters.AsSpan(0, i), signature);
        }
        finally
        {
            System.Buffers.ArrayPool<KeyValuePair<string, string>>.Shared.Return(parameters, clearArray: true); // holds the texts' fields
        }
    }

    private string PublicUrl(HttpRequest request)
    {
        // Twilio calls the same two URLs thousands of times a second: those are built once (the path compared as
        // received, since its case is part of what Twilio signed).
        if (!request.QueryString.HasValue && _inboundUrl is not null && string.Equals(request.Path.Value, SmsEndpoints.InboundPath, StringComparison.Ordinal))
        {
            return _inboundUrl;
        }

        var pathAndQuery = request.Path.Value + request.QueryString.Value;
        return settings.PublicUrl(pathAndQuery)?.OriginalString
            ?? $"{request.Scheme}://{request.Host.Value}{request.PathBase.Value}{pathAndQuery}";
    }
}
