using Twilio.Clients;
using Twilio.Http;

namespace Buddy.Gateway.Sms.Twilio;

/// <summary>
/// Makes the Twilio SDK's <see cref="TwilioRestClient"/>: one per call, over the <c>twilio</c> client from
/// <see cref="IHttpClientFactory"/> (its timeout and handlers, pooled connections), never the SDK's static
/// <c>TwilioClient.Init</c>, which would hold one account's credentials process-wide. One per call because the
/// SDK keeps the last answer on the client (<see cref="Twilio.Http.HttpClient.LastResponse"/>), and that answer's
/// headers (Retry-After) must belong to this call, not to one of the other sends in flight.
/// </summary>
internal sealed class TwilioClients(IHttpClientFactory httpClients, TwilioSettings settings)
{
    public const string HttpClientName = "twilio";

    public TwilioSettings Settings => settings;

    public TwilioRestClient Create() =>
        new(settings.AccountSid, settings.AuthToken, accountSid: settings.AccountSid, httpClient: new SystemNetHttpClient(httpClients.CreateClient(HttpClientName)));

    /// <summary>The named client's set-up: one attempt's timeout, and the mock's address when one is configured.</summary>
    public static void Configure(IServiceCollection services, TwilioSettings settings)
    {
        // No redirects, as the SDK's own default client: a POST that is redirected is not one to follow blindly.
        var client = services.AddHttpClient(HttpClientName, http => http.Timeout = settings.RequestTimeout)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false });
        if (!TwilioBaseUrlHandler.IsTwilio(settings.BaseUrl))
        {
            client.AddHttpMessageHandler(() => new TwilioBaseUrlHandler(settings.BaseUrl));
        }
    }
}
