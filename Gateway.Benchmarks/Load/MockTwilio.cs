using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Buddy.Benchmarks.Load;

/// <summary>
/// A local stand-in for Twilio's Messages resource with no rate limit: answers every
/// <c>POST /2010-04-01/Accounts/{sid}/Messages.json</c> with a Twilio-shaped 201 and counts the texts per recipient,
/// so a run can prove each person was texted exactly once.
/// </summary>
internal sealed class MockTwilio : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, int> _byRecipient = new(StringComparer.Ordinal);
    private long _received;

    private MockTwilio(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public long Received => Interlocked.Read(ref _received);

    public int Recipients => _byRecipient.Count;

    public int RecipientsTextedMoreThanOnce => _byRecipient.Count(pair => pair.Value > 1);

    public static async Task<MockTwilio> StartAsync()
    {
        var port = ServerProcess.FreePort();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        var app = builder.Build();
        var mock = new MockTwilio(app, new Uri($"http://127.0.0.1:{port}"));
        app.MapPost("/2010-04-01/Accounts/{accountSid}/Messages.json", async (string accountSid, HttpRequest request) =>
        {
            var form = await request.ReadFormAsync();
            var to = form["To"].ToString();
            mock._byRecipient.AddOrUpdate(to, 1, (_, n) => n + 1);
            Interlocked.Increment(ref mock._received);
            var sid = "SM" + Guid.NewGuid().ToString("N");
            return Results.Json(new { sid, account_sid = accountSid, to, status = "queued", direction = "outbound-api", api_version = "2010-04-01" },
                statusCode: StatusCodes.Status201Created);
        });

        // The Messages list, for the inbound recovery job and in-doubt lookups: nothing but what the webhook delivered.
        app.MapGet("/2010-04-01/Accounts/{accountSid}/Messages.json", (string accountSid, HttpRequest request) => Results.Json(new Dictionary<string, object?>
        {
            ["messages"] = Array.Empty<object>(),
            ["page"] = 0,
            ["page_size"] = 50,
            ["start"] = 0,
            ["end"] = 0,
            ["uri"] = request.Path + request.QueryString,
            ["first_page_uri"] = request.Path + request.QueryString,
            ["previous_page_uri"] = null,
            ["next_page_uri"] = null,
        }));
        await app.StartAsync();
        return mock;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
