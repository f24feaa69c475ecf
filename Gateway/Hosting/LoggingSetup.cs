using System.Globalization;
using Serilog;
using Serilog.Events;

namespace Buddy.Gateway.Hosting;

public static class LoggingSetup
{
    private const string ConsoleTemplate = "[{Timestamp:HH:mm:ss} {Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}";

    /// <summary>
    /// The logger for the moments before the host's own exists (reading settings, building services): console
    /// only, with personal data masked, so a start-up failure is logged and not only printed.
    /// </summary>
    public static Serilog.Core.Logger CreateBootstrapLogger() => new LoggerConfiguration()
        .MinimumLevel.Information()
        .Enrich.With<PersonalDataMaskingEnricher>()
        .WriteTo.Console(outputTemplate: ConsoleTemplate, formatProvider: CultureInfo.InvariantCulture)
        .CreateLogger();

    /// <summary>
    /// Serilog for every log line: console and a daily rolling file, structured, with personal data masked. The
    /// "Serilog" configuration section overrides levels and sinks. The host's logger is its own, not the static
    /// <see cref="Log.Logger"/>: several hosts in one process (the tests) each keep theirs.
    /// </summary>
    public static WebApplicationBuilder AddBuddyLogging(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var logFolder = configuration["Logging:Folder"] is { Length: > 0 } folder
            ? folder
            : Path.Combine(builder.Environment.ContentRootPath, "logs");
        var writeFile = !configuration.GetValue("Logging:DisableFile", false);

        builder.Services.AddSerilog(
            (_, logger) =>
            {
                logger
                    .MinimumLevel.Information()
                    .MinimumLevel.Override("Microsoft.AspNetCore", LogEventLevel.Warning)
                    .MinimumLevel.Override("Microsoft.EntityFrameworkCore", LogEventLevel.Warning)
                    .MinimumLevel.Override("Quartz", LogEventLevel.Warning)
                    .ReadFrom.Configuration(configuration)
                    .Enrich.FromLogContext()
                    .Enrich.With<PersonalDataMaskingEnricher>()
                    .WriteTo.Console(outputTemplate: ConsoleTemplate, formatProvider: CultureInfo.InvariantCulture);
                if (writeFile)
                {
                    logger.WriteTo.File(
                        Path.Combine(logFolder, "buddy-.log"),
                        formatProvider: CultureInfo.InvariantCulture,
                        rollingInterval: RollingInterval.Day,
                        retainedFileCountLimit: 31,
                        outputTemplate: "{Timestamp:O} [{Level:u3}] {SourceContext}: {Message:lj} {Properties:j}{NewLine}{Exception}");
                }
            },
            preserveStaticLogger: true);
        return builder;
    }

    /// <summary>
    /// One line per request at completion: method, path without its query string (a query may carry a search
    /// term or a token), status and time. The webhooks, health probes and static files succeed thousands of times
    /// a minute and already log what matters (a text stored, processed), so their successes are Debug: a line
    /// per text costs throughput (BENCHMARKS.md, Logging). Failures are always written. The webhooks have a cheaper
    /// middleware writing the same line (<see cref="WebhookRequestLogging"/>).
    /// </summary>
    public static WebApplication UseBuddyRequestLogging(this WebApplication app)
    {
        var logger = app.Services.GetRequiredService<Serilog.ILogger>();
        app.UseWhen(context => WebhookRequestLogging.Covers(context.Request.Path), webhooks => webhooks.UseMiddleware<WebhookRequestLogging>(logger));
        app.UseWhen(context => !WebhookRequestLogging.Covers(context.Request.Path), others => others.UseSerilogRequestLogging(options =>
        {
            options.Logger = logger;
            options.IncludeQueryInRequestPath = false;
            options.GetLevel = (context, _, error) => RequestLevel(context.Request.Path, context.Response.StatusCode, error);
        }));
        return app;
    }

    internal static LogEventLevel RequestLevel(PathString path, int status, Exception? error)
    {
        if (error is not null || status >= 500)
        {
            return LogEventLevel.Error;
        }

        var routine = path.StartsWithSegments("/sms") || path.StartsWithSegments("/health")
            || path.StartsWithSegments("/lib") || path.StartsWithSegments("/css") || path.StartsWithSegments("/js")
            || path.StartsWithSegments("/favicon.ico");
        return routine && status < 400 ? LogEventLevel.Debug : LogEventLevel.Information;
    }
}
