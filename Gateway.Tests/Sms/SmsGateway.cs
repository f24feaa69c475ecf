using Buddy.Gateway.Sms.Twilio;
using Buddy.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Buddy.Tests.Sms;

/// <summary>
/// The real gateway in memory on a real test database, with the simulator provider in Development (outside it, the
/// <see cref="ServingBaseline"/> with the simulator's sender standing in for Twilio's) and a known Twilio auth
/// token so tests can sign webhooks as Twilio would. Background services (dispatcher, inbound processor) run.
/// With <see cref="UseKestrel()"/> first, <see cref="StartKestrel"/> serves it on loopback for a real browser.
/// </summary>
internal sealed class SmsGateway(
    TestDatabase database, string environment = "Testing", IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    : WebApplicationFactory<Program>
{
    public const string AuthToken = "test-auth-token-0123456789";

    public TestDatabase Database => database;

    /// <summary>Serves the gateway on Kestrel at 127.0.0.1 on a free port; its address.</summary>
    public Uri StartKestrel()
    {
        UseKestrel(options => options.Listen(System.Net.IPAddress.Loopback, 0));
        StartServer();
        var addresses = Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
            .Features.Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()!.Addresses;
        return new Uri(addresses.Single());
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(environment);
        foreach (var (key, value) in ServingBaseline.For(environment).Concat(database.GatewaySettings()))
        {
            builder.UseSetting(key, value);
        }

        builder.UseSetting("Demo:SeedOnStart", "false");
        builder.UseSetting("Logging:DisableFile", "true");
        builder.UseSetting("Twilio:AuthToken", AuthToken);
        builder.UseSetting("Sms:Outbox:PollSeconds", "0.2");
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(collection =>
        {
            // A test that sets Sms:Provider itself (Twilio against a fake) keeps Twilio's sender.
            if (settings?.ContainsKey("Sms:Provider") != true)
            {
                ServingBaseline.UseStandInSender(collection, environment);
            }

            services?.Invoke(collection);
        });
    }

    /// <summary>POSTs a form signed with <see cref="AuthToken"/> over http://localhost{path}, as Twilio would.</summary>
    public Task<HttpResponseMessage> PostSignedAsync(string path, IEnumerable<KeyValuePair<string, string>> form, string? signatureOverride = null, string? signedUrl = null)
    {
        var fields = form.ToList();
        var client = CreateClient();
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(fields) };
        request.Headers.Add(TwilioSignature.HeaderName, signatureOverride ?? TwilioSignature.Compute(AuthToken, signedUrl ?? $"http://localhost{path}", fields));
        return client.SendAsync(request);
    }

    /// <summary>The fields Twilio posts for an incoming SMS (the ones Buddy reads, and some it does not).</summary>
    public static List<KeyValuePair<string, string>> InboundForm(string from, string body, string? messageSid = null, string? optOutType = null)
    {
        var form = new List<KeyValuePair<string, string>>
        {
            new("ToCountry", "GB"),
            new("SmsMessageSid", messageSid ?? NewSid()),
            new("NumMedia", "0"),
            new("SmsSid", messageSid ?? NewSid()),
            new("SmsStatus", "received"),
            new("Body", body),
            new("To", "+15005550006"),
            new("NumSegments", "1"),
            new("MessageSid", messageSid ?? NewSid()),
            new("AccountSid", Buddy.Tests.Sms.Twilio.FakeTwilio.AccountSid),
            new("From", from),
            new("ApiVersion", "2010-04-01"),
        };
        if (messageSid is null)
        {
            // One sid for all three fields, as Twilio sends them.
            var sid = form.First(f => f.Key == "MessageSid").Value;
            form = [.. form.Select(f => f.Key is "SmsMessageSid" or "SmsSid" ? new KeyValuePair<string, string>(f.Key, sid) : f)];
        }

        if (optOutType is not null)
        {
            form.Add(new("OptOutType", optOutType));
        }

        return form;
    }

    public static string NewSid() => "SM" + Guid.NewGuid().ToString("N");
}
