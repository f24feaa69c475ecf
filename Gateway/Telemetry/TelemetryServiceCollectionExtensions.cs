using Buddy.Gateway.Hosting;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Buddy.Gateway.Telemetry;

public static class TelemetryServiceCollectionExtensions
{
    /// <summary>
    /// Buddy's meter is always there (the features record into it, and nothing is kept unless an exporter listens);
    /// the OpenTelemetry pipeline and its OTLP exporters are added only when <c>OpenTelemetry:Endpoint</c> is set.
    /// </summary>
    public static IServiceCollection AddBuddyTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSettings<TelemetrySettings>(TelemetrySettings.Section, TelemetrySettings.Problem);
        // Read now as well: whether to add the exporters at all is decided before the container exists.
        var settings = Settings.Read<TelemetrySettings>(configuration, TelemetrySettings.Section, TelemetrySettings.Problem);
        services.AddSingleton<BuddyMetrics>();
        services.AddHostedService<BacklogGauges>();
        if (settings.Collector is null)
        {
            return services;
        }

        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(settings.ServiceName))
            .WithMetrics(metrics => Metrics(metrics).AddOtlpExporter(o =>
            {
                o.Endpoint = settings.SignalEndpoint("metrics");
                o.Protocol = settings.OtlpProtocol;
            }))
            .WithTracing(tracing => Tracing(tracing).AddOtlpExporter(o =>
            {
                o.Endpoint = settings.SignalEndpoint("traces");
                o.Protocol = settings.OtlpProtocol;
            }));
        return services;
    }

    /// <summary>What Buddy measures, whatever it is exported to (the tests add an in-memory exporter to the same).</summary>
    public static MeterProviderBuilder Metrics(MeterProviderBuilder metrics) => metrics
        .AddMeter(BuddyMetrics.MeterName)
        .AddAspNetCoreInstrumentation()
        .AddHttpClientInstrumentation();

    /// <summary>What Buddy traces. Request paths only: ASP.NET Core's instrumentation leaves query strings out by default.</summary>
    public static TracerProviderBuilder Tracing(TracerProviderBuilder tracing) => tracing
        .AddSource(BuddyMetrics.MeterName)
        .AddAspNetCoreInstrumentation(o => o.Filter = context => !context.Request.Path.StartsWithSegments("/health"))
        .AddHttpClientInstrumentation();
}
