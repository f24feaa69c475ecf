using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Buddy.Gateway.Sms.Twilio;
using Microsoft.Extensions.Logging;

namespace Buddy.Tests.Sms.Twilio;

/// <summary>
/// A small stand-in for api.twilio.com on 127.0.0.1 (real Kestrel, real HTTP) that answers the Messages resource
/// with scripted responses: Twilio's documented error JSON, Retry-After headers, or silence (a timeout). When
/// the script runs out it accepts the text as Twilio would (201, a new SM sid, status queued) and records it, so
/// the Messages list (<c>GET</c>, filtered by To, From and DateSent&gt;=) finds it as Twilio's would. With
/// <see cref="HoldInQueue"/> accepted texts stay queued, without a <c>date_sent</c>, so only an unfiltered list shows them.
/// </summary>
internal sealed class FakeTwilio : IAsyncDisposable
{
    /// <summary>
    /// Not a real account and cannot be mistaken for one: all zeros, in the AC + 32 hex form the settings validation
    /// and Twilio's OpenAPI description require. Every test uses this one.
    /// </summary>
    public const string AccountSid = "AC00000000000000000000000000000000";

    /// <summary>A messaging service sid of the same all-zero kind.</summary>
    public const string MessagingServiceSid = "MG00000000000000000000000000000000";
    public const string AuthToken = "fake-auth-token";
    public const string From = "+15005550006";

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<Reply> _script = new();
    private readonly ConcurrentQueue<Reply> _listScript = new();
    private readonly CancellationTokenSource _stopping = new();

    private FakeTwilio(WebApplication app) => _app = app;

    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>Every request received, in order: its path, Authorization header and form fields.</summary>
    public ConcurrentQueue<ReceivedRequest> Requests { get; } = new();

    /// <summary>Every text accepted (answered 201), in order: what the recipients' phones received.</summary>
    public ConcurrentQueue<AcceptedText> Accepted { get; } = new();

    /// <summary>
    /// Texts people sent to Buddy's numbers that Twilio holds in its log (as it holds every text it received, whether
    /// or not the webhook reached the gateway): the Messages list shows them with direction "inbound".
    /// </summary>
    public ConcurrentQueue<ReceivedText> Received { get; } = new();

    /// <summary>The numbers in the messaging service's sender pool (Messaging API v1 Services/{sid}/PhoneNumbers).</summary>
    public List<string> ServiceNumbers { get; } = [];

    /// <summary>Every list request (the outbox asking what went out), as its query string.</summary>
    public ConcurrentQueue<string> Lookups { get; } = new();

    /// <summary>The clock dates are stamped with; a test with a fake clock sets its own.</summary>
    public TimeProvider Clock { get; set; } = TimeProvider.System;

    /// <summary>How long an accepted text takes to be answered (a slow provider); recorded as accepted before the wait.</summary>
    public TimeSpan AcceptDelay { get; set; }

    /// <summary>Accepted texts stay queued at "Twilio" (no date_sent yet), as behind a busy sender.</summary>
    public bool HoldInQueue { get; set; }

    /// <summary>
    /// When set, each accepted text with a StatusCallback URL is reported "delivered" there this long after it was
    /// taken, signed as Twilio signs, and the report is repeated every second until the gateway answers (a gateway
    /// that is down or restarting hears it late). Null (the default): no status callbacks at all.
    /// </summary>
    public TimeSpan? CallbackDelay { get; set; }

    /// <summary>Status callbacks the gateway has answered 200, in order: the sid and the URL it was sent to.</summary>
    public ConcurrentQueue<(string Sid, string Url)> CallbacksDelivered { get; } = new();

    private int _callbacksPending;

    /// <summary>Status callbacks still waiting to be delivered.</summary>
    public int CallbacksPending => Volatile.Read(ref _callbacksPending);

    public static async Task<FakeTwilio> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakeTwilio(app);
        app.MapPost("/2010-04-01/Accounts/{accountSid}/Messages.json", fake.HandleAsync);
        app.MapGet("/2010-04-01/Accounts/{accountSid}/Messages.json", fake.ListAsync);
        app.MapGet("/v1/Services/{serviceSid}/PhoneNumbers", (string serviceSid) => Results.Json(new Dictionary<string, object?>
        {
            ["phone_numbers"] = fake.ServiceNumbers.Select(n => new Dictionary<string, object?>
            {
                ["sid"] = "PN" + Convert.ToHexStringLower(System.Text.Encoding.ASCII.GetBytes(n.PadLeft(16, '0')[^16..])),
                ["service_sid"] = serviceSid, ["account_sid"] = AccountSid, ["phone_number"] = n, ["country_code"] = "GB",
            }),
            ["meta"] = new Dictionary<string, object?>
            {
                ["page"] = 0, ["page_size"] = 1000, ["first_page_url"] = $"https://messaging.twilio.com/v1/Services/{serviceSid}/PhoneNumbers?PageSize=1000&Page=0",
                ["previous_page_url"] = null, ["next_page_url"] = null, ["url"] = $"https://messaging.twilio.com/v1/Services/{serviceSid}/PhoneNumbers?PageSize=1000&Page=0",
                ["key"] = "phone_numbers",
            },
        }));
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

    /// <summary>The next list request answers this error instead of the list.</summary>
    public FakeTwilio ThenListError(int httpStatus, int code, string message)
    {
        _listScript.Enqueue(new Reply(httpStatus, $$"""{"code": {{code}}, "message": "{{message}}", "status": {{httpStatus}}}""", null, null));
        return this;
    }

    private async Task ListAsync(HttpContext context, string accountSid)
    {
        var query = context.Request.Query;
        Lookups.Enqueue(context.Request.QueryString.Value ?? "");
        if (_listScript.TryDequeue(out var reply))
        {
            context.Response.StatusCode = reply.Status;
            await context.Response.WriteAsync(reply.Body);
            return;
        }

        // The SDK sends an ISO date-time ("2026-11-26T19:00:00Z"); Twilio's documentation also allows a day.
        var sentOnOrAfter = DateTimeOffset.TryParse(query["DateSent>"].ToString(), System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.AssumeUniversal, out var after) ? after : DateTimeOffset.MinValue;
        var pageSize = int.TryParse(query["PageSize"], out var size) ? size : 50;
        var page = int.TryParse(query["Page"], out var number) ? number : 0;
        var log = Accepted.Select(m => (m.Sid, m.To, m.From, m.Body, m.At, m.Queued, Direction: "outbound-api", Status: m.Queued ? "queued" : "delivered"))
            .Concat(Received.Select(m => (m.Sid, m.To, m.From, m.Body, m.At, Queued: false, Direction: "inbound", Status: "received")));
        var matching = log
            .Where(m => (!query.ContainsKey("To") || m.To == query["To"]) && (!query.ContainsKey("From") || m.From == query["From"]))
            .Where(m => !query.ContainsKey("DateSent>") || (!m.Queued && m.At >= sentOnOrAfter))
            .OrderByDescending(m => m.At) // newest first, as Twilio lists
            .ToList();
        var messages = matching.Skip(page * pageSize).Take(pageSize).Select(m => new Dictionary<string, object?>
        {
            ["sid"] = m.Sid, ["to"] = m.To, ["from"] = m.From, ["body"] = m.Body, ["status"] = m.Status, ["direction"] = m.Direction,
            ["date_created"] = m.At.ToString("r", System.Globalization.CultureInfo.InvariantCulture),
            ["date_sent"] = m.Queued ? null : m.At.ToString("r", System.Globalization.CultureInfo.InvariantCulture),
        });
        var more = (page + 1) * pageSize < matching.Count;
        var nextQuery = QueryString.Create(query.Where(q => q.Key != "Page").Select(q => new KeyValuePair<string, string?>(q.Key, q.Value.ToString())))
            .Add("Page", (page + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
        // The page fields of Twilio's list documents (ListMessageResponse); the SDK pages through next_page_uri.
        var listPath = $"/2010-04-01/Accounts/{accountSid}/Messages.json";
        await context.Response.WriteAsJsonAsync(new Dictionary<string, object?>
        {
            ["messages"] = messages,
            ["page"] = page,
            ["page_size"] = pageSize,
            ["start"] = page * pageSize,
            ["end"] = page * pageSize + Math.Max(0, Math.Min(pageSize, matching.Count - page * pageSize) - 1),
            ["uri"] = listPath + context.Request.QueryString.Value,
            ["first_page_uri"] = listPath + QueryString.Create(query.Where(q => q.Key != "Page").Select(q => new KeyValuePair<string, string?>(q.Key, q.Value.ToString()))).Add("Page", "0"),
            ["previous_page_uri"] = null,
            ["next_page_uri"] = more ? listPath + nextQuery : null,
        });
    }

    private async Task HandleAsync(HttpContext context, string accountSid)
    {
        var form = await context.Request.ReadFormAsync();
        Requests.Enqueue(new ReceivedRequest(
            accountSid, context.Request.Headers.Authorization.ToString(), form.ToDictionary(f => f.Key, f => f.Value.ToString()), Clock.GetUtcNow()));

        if (!_script.TryDequeue(out var reply))
        {
            var sid = $"SM{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16))}";
            Accept(sid, form);
            if (AcceptDelay > TimeSpan.Zero)
            {
                await Task.Delay(AcceptDelay, context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
            }

            reply = new Reply(201, $$"""{"sid": "{{sid}}", "status": "queued"}""", null, null);
        }

        if (reply.Delay is { } delay)
        {
            // Twilio took the text but its answer never arrived in time: the text exists and goes out.
            var sid = $"SM{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16))}";
            Accept(sid, form);
            await Task.Delay(delay, context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
            reply = new Reply(201, $$"""{"sid": "{{sid}}", "status": "queued"}""", null, null);
        }

        context.Response.StatusCode = reply.Status;
        if (reply.RetryAfter is { } after)
        {
            context.Response.Headers.RetryAfter = ((int)after.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(reply.Body);
    }

    private void Accept(string sid, IFormCollection form)
    {
        var callback = form["StatusCallback"].ToString() is { Length: > 0 } url ? url : null;
        Accepted.Enqueue(new AcceptedText(sid, form["To"].ToString(), form["From"].ToString(), form["Body"].ToString(), Clock.GetUtcNow(), HoldInQueue, callback));
        if (CallbackDelay is { } delay && callback is not null)
        {
            Interlocked.Increment(ref _callbacksPending);
            _ = ReportDeliveredAsync(sid, form["To"].ToString(), callback, delay);
        }
    }

    private async Task ReportDeliveredAsync(string sid, string to, string url, TimeSpan delay)
    {
        try
        {
            await Task.Delay(delay, _stopping.Token);
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
            List<KeyValuePair<string, string>> fields =
                [new("MessageSid", sid), new("SmsSid", sid), new("MessageStatus", "delivered"), new("AccountSid", AccountSid), new("From", From), new("To", to)];
            while (!_stopping.IsCancellationRequested)
            {
                try
                {
                    using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(fields) };
                    request.Headers.Add(TwilioSignature.HeaderName, TwilioSignature.Compute(AuthToken, url, fields));
                    using var response = await http.SendAsync(request, _stopping.Token);
                    if (response.IsSuccessStatusCode)
                    {
                        CallbacksDelivered.Enqueue((sid, url));
                        return;
                    }
                }
                catch (HttpRequestException)
                {
                    // the gateway is down or restarting: Twilio's report arrives late
                }
                catch (TaskCanceledException) when (!_stopping.IsCancellationRequested)
                {
                    // a slow answer: try again
                }

                await Task.Delay(TimeSpan.FromSeconds(1), _stopping.Token);
            }
        }
        catch (OperationCanceledException)
        {
            // the fake is stopping
        }
        finally
        {
            Interlocked.Decrement(ref _callbacksPending);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await _app.StopAsync();
        await _app.DisposeAsync();
        _stopping.Dispose();
    }

    private sealed record Reply(int Status, string Body, TimeSpan? RetryAfter, TimeSpan? Delay);

    /// <summary>Adds a text <paramref name="from"/> sent to <paramref name="to"/> that Twilio received at <paramref name="at"/>; returns its sid.</summary>
    public string Receive(string from, string to, string body, DateTimeOffset at)
    {
        var sid = $"SM{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16))}";
        Received.Enqueue(new ReceivedText(sid, from, to, body, at));
        return sid;
    }

    public sealed record ReceivedText(string Sid, string From, string To, string Body, DateTimeOffset At);

    public sealed record AcceptedText(string Sid, string To, string From, string Body, DateTimeOffset At, bool Queued = false, string? StatusCallback = null);

    public sealed record ReceivedRequest(string AccountSid, string Authorization, IReadOnlyDictionary<string, string> Form, DateTimeOffset At);
}

/// <summary>
/// The HttpClient the Twilio SDK is given, as the gateway sets it up: its requests for api.twilio.com rewritten to
/// <paramref name="baseUrl"/> (the fake, or the Prism mock).
/// </summary>
internal sealed class SingleClientFactory(Uri baseUrl, TimeSpan timeout, ConcurrentQueue<string>? answers = null) : IHttpClientFactory
{
    public HttpClient CreateClient(string name) =>
        new(new TwilioBaseUrlHandler(baseUrl) { InnerHandler = answers is null ? new SocketsHttpHandler() : new AnswerRecorder(answers) { InnerHandler = new SocketsHttpHandler() } })
        {
            Timeout = timeout,
        };

    /// <summary>The gateway's Twilio clients, reaching <paramref name="settings"/>' BaseUrl.</summary>
    public static TwilioClients ClientsFor(TwilioSettings settings, TimeSpan timeout) => new(new SingleClientFactory(settings.BaseUrl, timeout), settings);
}

/// <summary>Keeps every answer's body, for a test that must read what the mock said beyond the SDK's exception.</summary>
internal sealed class AnswerRecorder(ConcurrentQueue<string> answers) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        await response.Content.LoadIntoBufferAsync(cancellationToken);
        answers.Enqueue(await response.Content.ReadAsStringAsync(cancellationToken));
        return response;
    }
}
