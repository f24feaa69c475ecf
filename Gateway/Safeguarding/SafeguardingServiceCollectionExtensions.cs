using Buddy.Domain.Safeguarding;
using Buddy.Gateway.Email;
using Buddy.Gateway.Sms;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Buddy.Gateway.Safeguarding;

public static class SafeguardingServiceCollectionExtensions
{
    /// <summary>The risk reader, safeguarding alerts and the email outbox they escalate through (the reply pipeline's safeguarding step is registered with the pipeline, in AddReplies).</summary>
    public static IServiceCollection AddSafeguarding(this IServiceCollection services, IConfiguration configuration)
    {
        // The one registration of the risk detector and reader: reception's triage, the diary and safeguarding share them.
        services.AddSingleton(RiskDetector.Default);
        services.AddSingleton<IRiskReader, DetectorRiskReader>();
        services.AddEmailOutbox(configuration);

        // The SMS feature registers the real outbox signal; until it does (or in hosts without SMS) waking is a no-op.
        services.TryAddSingleton<IOutboxSignal, NoOutboxSignal>();
        services.TryAddSingleton<SafeguardingEscalation>();
        services.TryAddSingleton<SafeguardingAlerts>();
        return services;
    }

    private sealed class NoOutboxSignal : IOutboxSignal
    {
        public void Wake()
        {
        }
    }
}
