using OpenTelemetry.Exporter;

namespace Buddy.Gateway.Telemetry;

/// <summary>
/// The <c>OpenTelemetry</c> section: metrics and traces are exported over OTLP only when <c>Endpoint</c> is set
/// (a collector such as the OpenTelemetry Collector, Grafana Alloy or an APM vendor's agent).
/// </summary>
public sealed class TelemetrySettings
{
    public const string Section = "OpenTelemetry";

    /// <summary>The collector's absolute http(s) URL, as configured; empty for no export.</summary>
    public string? Endpoint { get; set; }

    /// <summary>grpc (the default) or http/protobuf, as configured.</summary>
    public string? Protocol { get; set; }

    public string ServiceName { get; set; } = "buddy-gateway";

    /// <summary>Where to export, or null when nothing is exported.</summary>
    public Uri? Collector => string.IsNullOrWhiteSpace(Endpoint) ? null : new Uri(Endpoint.Trim(), UriKind.Absolute);

    public OtlpExportProtocol OtlpProtocol => ProtocolOf(Protocol) ?? throw new InvalidOperationException(Problem(this));

    /// <summary>Why the section cannot be used (the setting named), or null when it can.</summary>
    public static string? Problem(TelemetrySettings settings)
    {
        if (!string.IsNullOrWhiteSpace(settings.Endpoint)
            && (!Uri.TryCreate(settings.Endpoint.Trim(), UriKind.Absolute, out var endpoint) || (endpoint.Scheme != Uri.UriSchemeHttp && endpoint.Scheme != Uri.UriSchemeHttps)))
        {
            return $"{Section}:Endpoint is '{settings.Endpoint}', but it must be the collector's absolute http(s) URL, such as http://localhost:4317.";
        }

        return ProtocolOf(settings.Protocol) is null ? $"{Section}:Protocol is '{settings.Protocol}', but it must be grpc or http/protobuf." : null;
    }

    /// <summary>Where one signal goes: gRPC takes the endpoint as it is; OTLP over HTTP has a path per signal.</summary>
    public Uri SignalEndpoint(string signal) => OtlpProtocol == OtlpExportProtocol.Grpc || Collector!.AbsolutePath.Length > 1
        ? Collector!
        : new Uri(Collector!, $"/v1/{signal}");

    private static OtlpExportProtocol? ProtocolOf(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        null or "" or "grpc" => OtlpExportProtocol.Grpc,
        "http/protobuf" or "httpprotobuf" => OtlpExportProtocol.HttpProtobuf,
        _ => null,
    };
}
