using System.Net.Http.Headers;
using Twilio.Exceptions;

namespace Buddy.Gateway.Sms.Twilio;

/// <summary>
/// What Twilio refused a request with, read from the SDK's exception: its error code (21211...) when Twilio sent
/// its error JSON, otherwise only the HTTP status (a proxy's HTML page, an empty body), plus Retry-After from the
/// answer's headers, which the SDK's exceptions do not carry.
/// </summary>
internal sealed record TwilioError(int? Code, int Status, string? Message, TimeSpan? RetryAfter)
{
    /// <summary>
    /// <paramref name="response"/> is the answer the exception came from (the rest client's last response): the SDK
    /// throws a code-less <see cref="ApiException"/> with status 0 for a body that is not Twilio's JSON.
    /// </summary>
    public static TwilioError From(TwilioException exception, global::Twilio.Http.Response? response, TimeProvider clock)
    {
        var httpStatus = response is null ? 0 : (int)response.StatusCode;
        var retryAfter = RetryAfterFrom(response?.Headers, clock);
        return exception switch
        {
            ApiException { Code: > 0 } api => new(api.Code, api.Status > 0 ? api.Status : httpStatus, api.Message, retryAfter),
            ApiStandardException { Code: > 0 } standard => new(standard.Code, standard.Status > 0 ? standard.Status : httpStatus, standard.Detail ?? standard.Title, retryAfter),
            ApiException { Status: > 0 } api => new(null, api.Status, null, retryAfter),
            _ => new(null, httpStatus, null, retryAfter),
        };
    }

    /// <summary>Twilio's code when it sent one, otherwise "http-NNN".</summary>
    public string CodeText => Code?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? $"http-{Status}";

    public string Describe() => Message is { Length: > 0 } ? Message : TwilioErrorCodes.Describe(CodeText);

    private static TimeSpan? RetryAfterFrom(HttpResponseHeaders? headers, TimeProvider clock)
    {
        var header = headers?.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta;
        }

        if (header?.Date is { } date)
        {
            var wait = date - clock.GetUtcNow();
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }

        return null;
    }
}
