using System.Text.Json;
using System.Text.Json.Serialization;

namespace Buddy.Gateway.Sms.Twilio;

/// <summary>The error document Twilio answers with: <c>{"code":21211,"message":"...","more_info":"...","status":400}</c>.</summary>
internal sealed record TwilioError(
    [property: JsonPropertyName("code")] int? Code,
    [property: JsonPropertyName("message")] string? Message,
    [property: JsonPropertyName("more_info")] string? MoreInfo,
    [property: JsonPropertyName("status")] int? Status)
{
    /// <summary>Parses the body, tolerating the HTML or empty bodies proxies answer with.</summary>
    public static TwilioError Parse(string body, int httpStatus)
    {
        try
        {
            if (JsonSerializer.Deserialize<TwilioError>(body) is { } error)
            {
                return error with { Status = error.Status ?? httpStatus };
            }
        }
        catch (JsonException)
        {
            // Not Twilio's JSON (a load balancer's page): fall through to the HTTP status alone.
        }

        return new TwilioError(null, null, null, httpStatus);
    }

    /// <summary>Twilio's code when it sent one, otherwise "http-NNN".</summary>
    public string CodeText => Code?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? $"http-{Status}";

    public string Describe() => Message is { Length: > 0 } ? Message : TwilioErrorCodes.Describe(CodeText);
}
