using System.Diagnostics;
using Buddy.Domain.CheckIns;
using Buddy.Domain.Safeguarding;
using Buddy.Domain.Sms;
using Buddy.Gateway.Data;
using Buddy.Gateway.Hosting;
using Buddy.Gateway.Telemetry;
using Buddy.Tests.CheckIns;
using Buddy.Tests.Sms;
using Buddy.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Buddy.Tests.Telemetry;

/// <summary>Meters and activities are process-wide: these tests run alone so no other test's gateway adds to the counts.</summary>
[CollectionDefinition(nameof(TelemetryTests), DisableParallelization = true)]
public sealed class TelemetryRunsAlone;

/// <summary>
/// Buddy's metrics and traces through the real gateway, read back with OpenTelemetry's in-memory exporter added to
/// the same pipeline the OTLP exporter uses.
/// </summary>
[Collection(nameof(TelemetryTests))]
public sealed class TelemetryTests
{
    [Fact]
    public async Task RiskyReply_IsCountedFromWebhookToAlertAndCrisisText_AndTraced()
    {
        var metrics = new List<MetricSnapshot>();
        var spans = new List<Activity>();
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var (_, user) = await SmsTestData.AddPersonAsync(database);
        await using var gateway = new SmsGateway(database, services: services => services.AddOpenTelemetry()
            .WithMetrics(m => TelemetryServiceCollectionExtensions.Metrics(m).AddInMemoryExporter(metrics))
            .WithTracing(t => TelemetryServiceCollectionExtensions.Tracing(t).AddInMemoryExporter(spans)));

        using var response = await gateway.PostSignedAsync("/sms/inbound", SmsGateway.InboundForm(user.PhoneE164!, "2 I want to kill myself"));
        response.EnsureSuccessStatusCode();
        await SmsTestData.WaitUntilAsync(
            async db => await db.Alerts.AnyAsync() && await db.OutboundMessages.AnyAsync(m => m.Kind == OutboundKind.Crisis && m.ProviderMessageId != null),
            database, "the alert and the crisis text's send");
        await SmsTestData.WaitUntilAsync(async _ => { Flush(gateway); return await Task.FromResult(Sum(metrics, "buddy.outbox.sends", ("outcome", "accepted"), ("kind", "Crisis")) == 1); }, database, "the send to be counted");

        Assert.Equal(1, Sum(metrics, "buddy.webhooks.received", ("webhook", "inbound")));
        Assert.Equal(1, Sum(metrics, "buddy.inbound.stored", ("urgent", true)));
        Assert.Equal(1, Count(metrics, "buddy.inbound.processing.duration", ("state", "Processed")));
        Assert.Equal(1, Sum(metrics, "buddy.alerts.raised", ("kind", nameof(AlertKind.Safeguarding)), ("severity", nameof(RiskLevel.High))));
        Assert.Equal(1, Count(metrics, "buddy.alerts.reply_to_alert.duration", ("severity", nameof(RiskLevel.High))));
        Assert.Equal(0, Gauge(metrics, "buddy.inbound.backlog"));
        Assert.Equal(0, Gauge(metrics, "buddy.outbox.backlog"));

        Assert.Contains(spans, s => s.OperationName == "inbound.process" && (Guid?)s.GetTagItem("buddy.inbound.id") is not null);
        Assert.Contains(spans, s => s.OperationName == "outbox.send");
        var webhook = Assert.Single(spans, s => s.Kind == ActivityKind.Server && s.DisplayName == "POST /sms/inbound");
        Assert.DoesNotContain(user.PhoneE164!, string.Join(' ', spans.SelectMany(s => s.TagObjects).Select(t => t.Value)), StringComparison.Ordinal);
        Assert.NotNull(webhook);
    }

    [Fact]
    public async Task Backlogs_AreReadFromTheDatabase_WhenCollected()
    {
        var metrics = new List<MetricSnapshot>();
        await using var world = await SchedulingWorld.CreateAsync(DatabaseProvider.Sqlite, "2026-03-10T19:00:05Z");
        using var provider = Sdk.CreateMeterProviderBuilder().AddMeter(BuddyMetrics.MeterName).AddInMemoryExporter(metrics).Build();
        using var gauges = Gauges(world);
        var (_, user) = await SmsTestData.AddPersonAsync(world.Database);
        await using (var db = world.Database.CreateContext())
        {
            db.InboundMessages.Add(new InboundMessage { ProviderMessageId = SmsGateway.NewSid(), FromPhone = user.PhoneE164!, ToPhone = "+15005550006", Body = "hi", ReceivedAtUtc = world.Now, State = InboundState.Received });
            db.InboundMessages.Add(new InboundMessage { ProviderMessageId = SmsGateway.NewSid(), FromPhone = user.PhoneE164!, ToPhone = "+15005550006", Body = "hi", ReceivedAtUtc = world.Now, State = InboundState.Processed });
            await db.SaveChangesAsync();
        }

        await SmsTestData.AddOutboundAsync(world.Database, user, OutboundKind.CheckIn, world.Now.AddMinutes(-1));
        await SmsTestData.AddOutboundAsync(world.Database, user, OutboundKind.CheckIn, world.Now.AddHours(1)); // not due yet
        provider.ForceFlush();

        Assert.Equal(1, Gauge(metrics, "buddy.inbound.backlog"));
        Assert.Equal(1, Gauge(metrics, "buddy.outbox.backlog"));
    }

    [Fact]
    public async Task CheckInDispatch_CountsWhatWasDueAndWhatWasSent()
    {
        var metrics = new List<MetricSnapshot>();
        await using var world = await SchedulingWorld.CreateAsync(DatabaseProvider.Sqlite, "2026-03-10T19:00:05Z");
        using var provider = Sdk.CreateMeterProviderBuilder().AddMeter(BuddyMetrics.MeterName).AddInMemoryExporter(metrics).Build();
        using var gauges = Gauges(world);
        var dispatcher = world.NewDispatcher();
        var due = DateTime.Parse("2026-03-10T19:00:00Z", System.Globalization.CultureInfo.InvariantCulture).ToUniversalTime();
        await world.AddPersonAsync("19:00", schedule: s => s.NextDueAtUtc = due);
        await world.AddPersonAsync("19:00", schedule: s => s.NextDueAtUtc = due);

        provider.ForceFlush();
        var dueBefore = Gauge(metrics, "buddy.checkins.due");
        var counts = await dispatcher.DispatchDueAsync(100);
        metrics.Clear();
        provider.ForceFlush();

        Assert.Equal(2, dueBefore);
        Assert.Equal(2, counts.Created);
        Assert.Equal(2, Sum(metrics, "buddy.checkins.dispatched", ("outcome", "sent")));
        Assert.Equal(0, Gauge(metrics, "buddy.checkins.due"));
    }

    [Fact]
    public void Settings_WithoutAnEndpoint_ExportNothing()
    {
        var services = new ServiceCollection().AddBuddyTelemetry(Configuration([])).BuildServiceProvider();

        Assert.Null(services.GetService<MeterProvider>());
        Assert.Null(services.GetService<TracerProvider>());
    }

    [Theory]
    [InlineData("http://collector:4317", null, "http://collector:4317/", "http://collector:4317/")]
    [InlineData("http://collector:4318", "http/protobuf", "http://collector:4318/v1/metrics", "http://collector:4318/v1/traces")]
    [InlineData("https://otel.example.org/ingest/traces", "http/protobuf", "https://otel.example.org/ingest/traces", "https://otel.example.org/ingest/traces")]
    public void Settings_WithAnEndpoint_ExportOverOtlp(string endpoint, string? protocol, string metricsUrl, string tracesUrl)
    {
        var settings = Read(Configuration(new() { ["OpenTelemetry:Endpoint"] = endpoint, ["OpenTelemetry:Protocol"] = protocol }));
        using var services = new ServiceCollection().AddLogging().AddMetrics().AddSingleton<IConfiguration>(Configuration([]))
            .AddBuddyTelemetry(Configuration(new() { ["OpenTelemetry:Endpoint"] = endpoint, ["OpenTelemetry:Protocol"] = protocol }))
            .BuildServiceProvider();

        Assert.Equal(protocol is null ? OtlpExportProtocol.Grpc : OtlpExportProtocol.HttpProtobuf, settings.OtlpProtocol);
        Assert.Equal(metricsUrl, settings.SignalEndpoint("metrics").AbsoluteUri);
        Assert.Equal(tracesUrl, settings.SignalEndpoint("traces").AbsoluteUri);
        Assert.NotNull(services.GetService<MeterProvider>());
        Assert.NotNull(services.GetService<TracerProvider>());
    }

    [Theory]
    [InlineData("OpenTelemetry:Endpoint", "collector:4317")]
    [InlineData("OpenTelemetry:Endpoint", "ftp://collector")]
    [InlineData("OpenTelemetry:Protocol", "carrier-pigeon")]
    public void Settings_WhenWrong_NameTheSetting(string key, string value)
    {
        var values = new Dictionary<string, string?> { ["OpenTelemetry:Endpoint"] = "http://collector:4317", [key] = value };

        var problem = Assert.Throws<BadConfigurationException>(() => Read(Configuration(values)));

        Assert.StartsWith(key, problem.Message, StringComparison.Ordinal);
    }

    /// <summary>The backlog gauges over one world's database, on a meter of their own that dies with the test.</summary>
    private static ServiceProvider Gauges(SchedulingWorld world)
    {
        var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        _ = new BacklogGauges(services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>(), world.Contexts, world.Clock);
        return services;
    }

    private static void Flush(SmsGateway gateway) => gateway.Services.GetRequiredService<MeterProvider>().ForceFlush();

    private static MetricSnapshot? Latest(List<MetricSnapshot> metrics, string name)
    {
        lock (metrics)
        {
            return metrics.LastOrDefault(m => m.Name == name);
        }
    }

    private static IEnumerable<MetricPoint> Points(List<MetricSnapshot> metrics, string name, (string Key, object Value)[] tags) =>
        Latest(metrics, name)?.MetricPoints.Where(p => tags.All(t => HasTag(p, t))) ?? [];

    private static bool HasTag(MetricPoint point, (string Key, object Value) tag)
    {
        foreach (var pair in point.Tags)
        {
            if (pair.Key == tag.Key && Equals(pair.Value, tag.Value))
            {
                return true;
            }
        }

        return false;
    }

    private static long Sum(List<MetricSnapshot> metrics, string name, params (string Key, object Value)[] tags) =>
        Points(metrics, name, tags).Sum(p => p.GetSumLong());

    private static long Count(List<MetricSnapshot> metrics, string name, params (string Key, object Value)[] tags) =>
        Points(metrics, name, tags).Sum(p => p.GetHistogramCount());

    private static long Gauge(List<MetricSnapshot> metrics, string name) =>
        Points(metrics, name, []).Select(p => p.GetGaugeLastValueLong()).DefaultIfEmpty(-1).Sum();

    private static IConfiguration Configuration(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build();

    private static TelemetrySettings Read(IConfiguration configuration) =>
        Settings.Read<TelemetrySettings>(configuration, TelemetrySettings.Section, TelemetrySettings.Problem);
}
