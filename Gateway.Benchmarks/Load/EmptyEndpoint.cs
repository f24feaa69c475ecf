using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Buddy.Benchmarks.Load;

/// <summary>
/// The reference for the inbound figures: bare Kestrel with one POST endpoint that answers what the gateway's
/// webhook answers (an empty TwiML document) and does nothing else. Run as its own process by inbound-load,
/// so the gateway's figures read as multiples of what the same machine and generator manage with no work at all.
/// </summary>
internal static class EmptyEndpoint
{
    public const string Verb = "empty-endpoint";

    private const string EmptyTwiml = """<?xml version="1.0" encoding="UTF-8"?><Response/>""";

    public static async Task<int> RunAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapGet("/", () => Results.Ok());
        app.MapPost("/sms/inbound", () => Results.Text(EmptyTwiml, "text/xml"));
        await app.RunAsync();
        return 0;
    }
}
