using System.Diagnostics.Metrics;
using Buddy.Gateway.Telemetry;
using Microsoft.Extensions.DependencyInjection;

namespace Buddy.Tests.Support;

/// <summary>Buddy's metrics for services built without the host; nothing is kept unless a test adds a listener.</summary>
public static class TestMetrics
{
    private static readonly IMeterFactory s_meters = new ServiceCollection().AddMetrics().BuildServiceProvider().GetRequiredService<IMeterFactory>();

    public static BuddyMetrics Instance { get; } = new(s_meters);
}
