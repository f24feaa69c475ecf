using Buddy.Gateway.Hosting;
using OpenTelemetry.Exporter;

namespace Buddy.Gateway.Telemetry;

/// <summary>
/// The <c>OpenTelemetry</c> section: metrics and traces are exported over OTLP only when <c>Endpoint</c> is set
/// (a collector such as the OpenTelemetry Collector, Grafana Alloy or an APM vendor's agent).
/// </summary>
public sealed record TelemetrySettings(Uri? Endpoint, OtlpExportProtocol Protocol, string ServiceName)
{
    public static TelemetrySettings From(IConfiguration configuration)
    {
        var endpointText = configuration["OpenTelemetry:Endpoint"];
        Uri? endpoint = null;
        if (!string.IsNullOrWhiteSpace(endpointText)
            && (!Uri.TryCreate(endpointText.Trim(), UriKind.Absolute, out endpoint) || (endpoint.Scheme != Uri.UriSchemeHttp && endpoint.Scheme != Uri.UriSchemeHttps)))
        {
            throw new BadConfigurationException(
                $"OpenTelemetry:Endpoint is '{endpointText}', but it must be the collector's absolute http(s) URL, such as http://localhost:4317.");
        }

        var protocolText = configuration["OpenTelemetry:Protocol"];
        var protocol = protocolText?.Trim().ToLowerInvariant() switch
        {
            null or "" or "grpc" => OtlpExportProtocol.Grpc,
            "http/protobuf" or "httpprotobuf" => OtlpExportProtocol.HttpProtobuf,
            _ => throw new BadConfigurationException($"OpenTelemetry:Protocol is '{protocolText}', but it must be grpc or http/protobuf."),
        };

        var serviceName = configuration["OpenTelemetry:ServiceName"] is { Length: > 0 } name ? name.Trim() : "buddy-gateway";
        return new TelemetrySettings(endpoint, protocol, serviceName);
    }

    /// <summary>Where one signal goes: gRPC takes the endpoint as it is; OTLP over HTTP has a path per signal.</summary>
    public Uri SignalEndpoint(string signal) => Protocol == OtlpExportProtocol.Grpc || Endpoint!.AbsolutePath.Length > 1
        ? Endpoint!
        : new Uri(Endpoint!, $"/v1/{signal}");
}
