using Buddy.Gateway.Data;
using Buddy.Gateway.Hosting;
using Buddy.Tests.Support;
using Microsoft.AspNetCore.Http;
using Serilog.Events;

namespace Buddy.Tests.Hosting;

/// <summary>One line per request in the real log file: method, path without its query, status and time, personal data masked.</summary>
public sealed class RequestLoggingTests
{
    [Fact]
    public async Task Requests_AreLoggedWithPathStatusAndTime_WithoutQueryStringsOrPhoneNumbers()
    {
        var logs = new LogFiles();
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using (var gateway = new ConfiguredGateway(database, "Production", logs.Settings()))
        {
            using var client = gateway.CreateClient(new() { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false });
            (await client.GetAsync("/Account/SignIn?ReturnUrl=%2Fsearch%3Fq%3Dsecret-query")).Dispose();
            (await client.GetAsync("/api/v1/service-users/+447700900123")).Dispose();
            (await client.GetAsync("/health")).Dispose();
            (await client.PostAsync("/sms/inbound", new FormUrlEncodedContent([new("From", "+447700900123"), new("Body", "unsigned")]))).Dispose();
        }

        var lines = logs.Lines();
        var signIn = Assert.Single(lines, l => l.Contains("HTTP GET /Account/SignIn responded 200 in ", StringComparison.Ordinal));
        Assert.Matches(@"responded 200 in \d+\.\d{4} ms", signIn);
        Assert.Single(lines, l => l.Contains("HTTP GET /api/v1/service-users/+44*******123 responded ", StringComparison.Ordinal));
        var all = string.Join('\n', lines);
        Assert.DoesNotContain("secret-query", all, StringComparison.Ordinal);
        Assert.DoesNotContain("900123", all, StringComparison.Ordinal);
        Assert.DoesNotContain("HTTP GET /health", all, StringComparison.Ordinal); // a routine probe is Debug
        var refusedWebhook = Assert.Single(lines, l => l.Contains("HTTP POST /sms/inbound responded 403 in ", StringComparison.Ordinal)); // its own, cheaper logging
        Assert.Matches(@"responded 403 in \d+\.\d{4} ms", refusedWebhook);
    }

    [Theory]
    [InlineData("/sms/inbound", 200, LogEventLevel.Debug)]
    [InlineData("/sms/inbound", 403, LogEventLevel.Information)]
    [InlineData("/sms/status", 204, LogEventLevel.Debug)]
    [InlineData("/health", 200, LogEventLevel.Debug)]
    [InlineData("/health", 503, LogEventLevel.Error)]
    [InlineData("/lib/nhsuk/nhsuk-frontend.min.css", 200, LogEventLevel.Debug)]
    [InlineData("/Dashboard", 200, LogEventLevel.Information)]
    [InlineData("/api/v1/service-users", 400, LogEventLevel.Information)]
    [InlineData("/Dashboard", 500, LogEventLevel.Error)]
    [InlineData("/smsx", 200, LogEventLevel.Information)]
    public void RequestLevel_KeepsRoutineSuccessesOutOfTheDefaultLog(string path, int status, LogEventLevel expected) =>
        Assert.Equal(expected, LoggingSetup.RequestLevel(new PathString(path), status, error: null));

    [Fact]
    public void RequestLevel_WhenTheRequestThrew_IsError() =>
        Assert.Equal(LogEventLevel.Error, LoggingSetup.RequestLevel(new PathString("/sms/inbound"), 200, new InvalidOperationException()));
}
