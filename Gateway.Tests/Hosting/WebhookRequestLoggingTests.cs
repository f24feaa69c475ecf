using Buddy.Gateway.Data;
using Buddy.Gateway.Hosting;
using Buddy.Tests.Sms;
using Buddy.Tests.Support;
using Microsoft.AspNetCore.Http;
using Serilog;
using Serilog.Core;
using Serilog.Events;

namespace Buddy.Tests.Hosting;

/// <summary>
/// The webhooks' own request log line: a refused or failed webhook is written like any other request's line, a stored
/// text is not (Debug), in the real log file of the real gateway.
/// </summary>
public sealed class WebhookRequestLoggingTests
{
    [Fact]
    public async Task Post_WebhookRefusedAndStored_OnlyTheRefusalIsInTheLog()
    {
        var folder = Path.Combine(Path.GetTempPath(), "buddy-tests", $"logs-{Guid.NewGuid():N}");
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using (var gateway = new SmsGateway(database, "Production", new Dictionary<string, string?>
        {
            ["Logging:DisableFile"] = "false",
            ["Logging:Folder"] = folder,
        }))
        {
            using var stored = await gateway.PostSignedAsync("/sms/inbound", SmsGateway.InboundForm(SmsTestData.NewPhone(), "7 good day"));
            using var refused = await gateway.PostSignedAsync("/sms/inbound", SmsGateway.InboundForm(SmsTestData.NewPhone(), "6 ok"), signatureOverride: "not-twilios");
            Assert.Equal(System.Net.HttpStatusCode.OK, stored.StatusCode);
            Assert.Equal(System.Net.HttpStatusCode.Forbidden, refused.StatusCode);
        }

        var lines = Directory.GetFiles(folder).SelectMany(ReadShared).ToList();
        var refusal = Assert.Single(lines, l => l.Contains("HTTP POST /sms/inbound responded 403 in ", StringComparison.Ordinal));
        Assert.Matches(@"responded 403 in \d+\.\d{4} ms", refusal);
        Assert.DoesNotContain(lines, l => l.Contains("HTTP POST /sms/inbound responded 200", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Invoke_WhenTheWebhookThrows_LogsAnErrorWithTheExceptionAndRethrows()
    {
        var sink = new CapturingSink();
        using var logger = new LoggerConfiguration().MinimumLevel.Information().WriteTo.Sink(sink).CreateLogger();
        var failure = new InvalidOperationException("store broke");
        var middleware = new WebhookRequestLogging(_ => throw failure, logger);
        var context = new DefaultHttpContext();
        context.Request.Method = "POST";
        context.Request.Path = "/sms/inbound";

        var thrown = await Assert.ThrowsAsync<InvalidOperationException>(() => middleware.InvokeAsync(context));

        Assert.Same(failure, thrown);
        var line = Assert.Single(sink.Events);
        Assert.Equal(LogEventLevel.Error, line.Level);
        Assert.Same(failure, line.Exception);
        Assert.Equal("500", line.Properties["StatusCode"].ToString());
        Assert.Equal("\"/sms/inbound\"", line.Properties["RequestPath"].ToString());
    }

    [Theory]
    [InlineData("/sms/inbound", true)]
    [InlineData("/SMS/Status", true)]
    [InlineData("/sms/inbound/extra", false)]
    [InlineData("/smsx", false)]
    [InlineData("/health", false)]
    public void Covers_OnlyTheTwoWebhookPaths(string path, bool expected) =>
        Assert.Equal(expected, WebhookRequestLogging.Covers(new PathString(path)));

    private static IEnumerable<string> ReadShared(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Split('\n');
    }

    private sealed class CapturingSink : ILogEventSink
    {
        public List<LogEvent> Events { get; } = [];

        public void Emit(LogEvent logEvent) => Events.Add(logEvent);
    }
}
