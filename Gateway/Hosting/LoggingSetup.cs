using Serilog;
using Serilog.Events;

namespace Buddy.Gateway.Hosting;

public static class LoggingSetup
{
    /// <summary>
    /// Serilog for every log line: console and a daily rolling file, structured, with personal data masked.
    /// The "Serilog" configuration section can override levels and sinks.
    /// </summary>
    public static WebApplicationBuilder AddBuddyLogging(this WebApplicationBuilder builder)
    {
        var logFolder = builder.Configuration["Logging:Folder"] is { Length: > 0 } folder
            ? folder
            : Path.Combine(builder.Environment.ContentRootPath, "logs");

        var configuration = new LoggerConfiguration()
            .MinimumLevel.Information()
            .MinimumLevel.Override("Microsoft.AspNetCore", LogEventLevel.Warning)
            .MinimumLevel.Override("Microsoft.EntityFrameworkCore", LogEventLevel.Warning)
            .MinimumLevel.Override("Quartz", LogEventLevel.Warning)
            .ReadFrom.Configuration(builder.Configuration)
            .Enrich.FromLogContext()
            .Enrich.With<PersonalDataMaskingEnricher>()
            .WriteTo.Console(outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}");

        if (!builder.Configuration.GetValue("Logging:DisableFile", false))
        {
            configuration = configuration.WriteTo.File(
                Path.Combine(logFolder, "buddy-.log"),
                rollingInterval: RollingInterval.Day,
                retainedFileCountLimit: 31,
                outputTemplate: "{Timestamp:O} [{Level:u3}] {SourceContext}: {Message:lj} {Properties:j}{NewLine}{Exception}");
        }

        builder.Logging.ClearProviders();
        builder.Logging.AddSerilog(configuration.CreateLogger(), dispose: true);
        return builder;
    }
}
