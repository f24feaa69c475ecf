namespace Buddy.Gateway.Sms.Twilio;

/// <summary>
/// Points the Twilio SDK's requests at <c>Twilio:BaseUrl</c> instead of https://*.twilio.com. The SDK builds its
/// URLs from a fixed host, so this is how the contract tests reach the Prism mock of Twilio's API and the fault and
/// load tests reach their stand-ins. It is added only when <c>Twilio:BaseUrl</c> is set to something other than
/// Twilio; in production nothing is rewritten.
/// </summary>
internal sealed class TwilioBaseUrlHandler(Uri baseUrl) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.RequestUri is { } uri && IsTwilio(uri))
        {
            request.RequestUri = new UriBuilder(uri) { Scheme = baseUrl.Scheme, Host = baseUrl.Host, Port = baseUrl.Port }.Uri;
        }

        return base.SendAsync(request, cancellationToken);
    }

    /// <summary>True when <paramref name="url"/> is Twilio's own API, so nothing needs rewriting.</summary>
    public static bool IsTwilio(Uri url) =>
        url.Host.Equals("twilio.com", StringComparison.OrdinalIgnoreCase) || url.Host.EndsWith(".twilio.com", StringComparison.OrdinalIgnoreCase);
}
