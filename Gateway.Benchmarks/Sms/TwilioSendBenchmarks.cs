using System.Net;
using System.Text;
using BenchmarkDotNet.Attributes;
using Buddy.Domain.Sms;
using Buddy.Gateway.Sms;
using Buddy.Gateway.Sms.Twilio;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;

namespace Buddy.Benchmarks.Sms;

/// <summary>
/// The cost of one send through <see cref="TwilioSmsSender"/> in the gateway's own process: building the request,
/// the HTTP client pipeline and reading Twilio's answer, against a handler that answers Twilio's 201 at once (no
/// network, so only Buddy's side is measured). Run with
/// <c>dotnet run -c Release --project Gateway.Benchmarks -- --filter '*TwilioSend*'</c>.
/// </summary>
[MemoryDiagnoser]
public class TwilioSendBenchmarks
{
    private TwilioSmsSender _sender = null!;
    private readonly SmsRequest _request = new("+447700900123", "How was today? Reply with a mood 0-10 and what you did.",
        new Uri("https://buddy.example.org/sms/status?outbox=0f8fad5bd9cb469fa16570867728950e"));

    [GlobalSetup]
    public void Setup()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Twilio:AccountSid"] = "AC00000000000000000000000000000000",
            ["Twilio:AuthToken"] = "benchmark-auth-token",
            ["Twilio:From"] = "+15005550006",
        }).Build();
        var settings = TwilioSettings.Read(configuration, SmsProvider.Twilio);
        _sender = new TwilioSmsSender(new TwilioClients(new AnsweringClients(), settings), NullLogger<TwilioSmsSender>.Instance, TimeProvider.System);
    }

    [Benchmark]
    public async Task<string> SendOne()
    {
        var outcome = await _sender.SendAsync(_request, CancellationToken.None);
        return ((SendOutcome.Accepted)outcome).ProviderMessageId;
    }

    /// <summary>As IHttpClientFactory does: a new client per call over one shared handler, which answers every request.</summary>
    private sealed class AnsweringClients : IHttpClientFactory
    {
        private static readonly Answer s_handler = new();

        public HttpClient CreateClient(string name) => new(s_handler, disposeHandler: false);
    }

    private sealed class Answer : HttpMessageHandler
    {
        private static readonly byte[] s_created = Encoding.UTF8.GetBytes("""
            {"account_sid":"AC00000000000000000000000000000000","api_version":"2010-04-01","body":"How was today?","date_created":"Thu, 26 Nov 2026 19:00:00 +0000","date_sent":null,"date_updated":"Thu, 26 Nov 2026 19:00:00 +0000","direction":"outbound-api","error_code":null,"error_message":null,"from":"+15005550006","messaging_service_sid":null,"num_media":"0","num_segments":"1","price":null,"price_unit":"USD","sid":"SM00000000000000000000000000000000","status":"queued","subresource_uris":{"media":"/2010-04-01/Accounts/AC00000000000000000000000000000000/Messages/SM00000000000000000000000000000000/Media.json"},"to":"+447700900123","uri":"/2010-04-01/Accounts/AC00000000000000000000000000000000/Messages/SM00000000000000000000000000000000.json"}
            """);

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.Content is { } content)
            {
                await content.ReadAsByteArrayAsync(cancellationToken); // the form is built and read, as a socket would
            }

            return new HttpResponseMessage(HttpStatusCode.Created) { Content = new ByteArrayContent(s_created) { Headers = { ContentType = new("application/json") } } };
        }
    }
}
