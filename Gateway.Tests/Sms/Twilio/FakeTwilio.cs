using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Buddy.Tests.Sms.Twilio;

/// <summary>
/// A small stand-in for api.twilio.com on 127.0.0.1 (real Kestrel, real HTTP) that answers the Messages resource
/// with scripted responses: Twilio's documented error JSON, Retry-After headers, or silence (a timeout). When
/// the script runs out it accepts the text as Twilio would (201, a new SM sid, status queued).
/// </summary>
internal sealed class FakeTwilio : IAsyncDisposable
{
    public const string AccountSid = "AC0123456789abcdef0123456789abcdef";
    public const string AuthToken = "fake-auth-token";
    public const string From = "+15005550006";

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<Reply> _script = new();

    private FakeTwilio(WebApplication app) => _app = app;

    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>Every request received, in order: its path, Authorization header and form fields.</summary>
    public ConcurrentQueue<ReceivedRequest> Requests { get; } = new();

    public static async Task<FakeTwilio> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakeTwilio(app);
        app.MapPost("/2010-04-01/Accounts/{accountSid}/Messages.json", fake.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        fake.BaseUrl = new Uri(address);
        return fake;
    }

    public FakeTwilio ThenError(int httpStatus, int code, string message, TimeSpan? retryAfter = null)
    {
        var json = $$"""{"code": {{code}}, "message": "{{message}}", "more_info": "https://www.twilio.com/docs/errors/{{code}}", "status": {{httpStatus}}}""";
        _script.Enqueue(new Reply(httpStatus, json, retryAfter, null));
        return this;
    }

    public FakeTwilio ThenPlain(int httpStatus, string body)
    {
        _script.Enqueue(new Reply(httpStatus, body, null, null));
        return this;
    }

    public FakeTwilio ThenSilence(TimeSpan delay)
    {
        _script.Enqueue(new Reply(0, "", null, delay));
        return this;
    }

    private async Task HandleAsync(HttpContext context, string accountSid)
    {
        var form = await context.Request.ReadFormAsync();
        Requests.Enqueue(new ReceivedRequest(
            accountSid, context.Request.Headers.Authorization.ToString(), form.ToDictionary(f => f.Key, f => f.Value.ToString()), DateTimeOffset.UtcNow));

        if (!_script.TryDequeue(out var reply))
        {
            reply = new Reply(201, $$"""{"sid": "SM{{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16))}}", "status": "queued"}""", null, null);
        }

        if (reply.Delay is { } delay)
        {
            await Task.Delay(delay, context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
            reply = new Reply(201, """{"sid": "SMlate", "status": "queued"}""", null, null);
        }

        context.Response.StatusCode = reply.Status;
        if (reply.RetryAfter is { } after)
        {
            context.Response.Headers.RetryAfter = ((int)after.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(reply.Body);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private sealed record Reply(int Status, string Body, TimeSpan? RetryAfter, TimeSpan? Delay);

    public sealed record ReceivedRequest(string AccountSid, string Authorization, IReadOnlyDictionary<string, string> Form, DateTimeOffset At);
}

/// <summary>The one HttpClient the sender asks for, pointed nowhere in particular (the sender builds absolute URLs).</summary>
internal sealed class SingleClientFactory(TimeSpan timeout) : IHttpClientFactory
{
    public HttpClient CreateClient(string name) => new() { Timeout = timeout };
}
