using Buddy.Domain.Safeguarding;
using Buddy.Domain.Sms;
using Buddy.Gateway.Sms.Inbound;
using Buddy.Gateway.Sms.Outbox;
using Buddy.Gateway.Sms.Simulator;
using Buddy.Gateway.Sms.Twilio;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Buddy.Gateway.Sms;

public static class SmsServiceCollectionExtensions
{
    /// <summary>
    /// SMS in and out: the provider chosen by <c>Sms:Provider</c>, the outbox dispatcher, the inbound processor,
    /// the webhooks' signature check, the outbox health entry and the simulator's authorization policy.
    /// Bad settings stop start-up with a <see cref="Hosting.BadConfigurationException"/> naming the setting.
    /// </summary>
    public static IServiceCollection AddSms(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var sms = SmsSettings.Read(configuration);
        var twilio = TwilioSettings.Read(configuration, sms.Provider);
        services.AddSingleton(sms);
        services.AddSingleton(twilio);

        TwilioClients.Configure(services, twilio);
        services.AddSingleton<TwilioClients>();
        switch (sms.Provider)
        {
            case SmsProvider.Twilio:
                services.AddSingleton<ISmsSender, TwilioSmsSender>();
                break;
            default:
                services.AddSingleton<ISmsSender, SimulatorSmsSender>();
                break;
        }

        services.AddSingleton<SendPacer>();
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<IOutboxSignal>(sp => sp.GetRequiredService<OutboxSignal>());
        services.AddSingleton<OutboxDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboxDispatcher>());
        services.AddHealthChecks().AddCheck<OutboxHealthCheck>("outbox");

        services.AddSingleton(_ => new InboundLanes(sms.InboundQueueCapacity));
        services.AddSingleton<ReceptionPriority>();
        services.AddSingleton<InboundReception>();
        services.AddSingleton<InboundPipeline>();
        services.AddSingleton<InboundProcessor>();
        services.AddHostedService(sp => sp.GetRequiredService<InboundProcessor>());
        services.AddSingleton<TwilioWebhookFilter>();

        // Texts the webhook never delivered, read back from Twilio's own log (only Twilio keeps one).
        var recovery = InboundRecoverySettings.Read(configuration, sms.Provider);
        services.AddSingleton(recovery);
        if (sms.Provider == SmsProvider.Twilio)
        {
            services.AddSingleton<TwilioInboundLog>();
            services.AddSingleton<InboundRecovery>();
            if (recovery.Enabled)
            {
                services.AddHostedService<InboundRecoveryJob>();
            }
        }

        services.AddHealthChecks().AddCheck<InboundRecoveryHealthCheck>("inbound-recovery");
        services.AddScoped<RecoveredTextsQuery>();
        services.AddScoped<Hosting.ICommandVerb, RecoverInboundVerb>();

        services.AddAuthorization(options => options.AddPolicy(SimulatorPolicy.Name, policy => SimulatorPolicy.Configure(policy, environment)));
        return services;
    }
}
