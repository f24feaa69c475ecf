using Buddy.Gateway.Hosting;
using Buddy.Tests.Support;
using Microsoft.AspNetCore.Http;
using Serilog;
using Serilog.Events;

namespace Buddy.Tests.Hosting;

/// <summary>
/// The webhooks' own request log line: a failed webhook is written like any other request's line, a stored text is not
/// (Debug). A refused one in the real gateway's log file is in <see cref="RequestLoggingTests"/>.
/// </summary>
public sealed class WebhookRequestLoggingTests
{
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

    [Fact]
    public async Task Invoke_WhenTheWebhookAnswers200_WritesNothingAtInformation()
    {
        var sink = new CapturingSink();
        using var logger = new LoggerConfiguration().MinimumLevel.Information().WriteTo.Sink(sink).CreateLogger();
        var middleware = new WebhookRequestLogging(_ => Task.CompletedTask, logger);
        var context = new DefaultHttpContext();
        context.Request.Method = "POST";
        context.Request.Path = "/sms/inbound";

        await middleware.InvokeAsync(context);

        Assert.Empty(sink.Events);
    }

    [Theory]
    [InlineData("/sms/inbound", true)]
    [InlineData("/SMS/Status", true)]
    [InlineData("/sms/inbound/extra", false)]
    [InlineData("/smsx", false)]
    [InlineData("/health", false)]
    public void Covers_OnlyTheTwoWebhookPaths(string path, bool expected) =>
        Assert.Equal(expected, WebhookRequestLogging.Covers(new PathString(path)));
}
