using Buddy.Gateway.Hosting;

namespace Buddy.Gateway.Sms;

/// <summary>The <c>Sms</c> section, read and checked once at start-up.</summary>
public sealed record SmsSettings(SmsProvider Provider, TimeSpan OutboxPoll, int OutboxBatchSize, TimeSpan OutboxLease, int MaxAttempts, TimeSpan InboundSweep)
{
    /// <summary>
    /// How many claimed texts are handed to the provider at once (<c>Sms:Outbox:Concurrency</c>). The per-sender
    /// pace still applies to every one of them; this only stops one slow provider call holding up the next.
    /// </summary>
    public int OutboxConcurrency { get; init; } = 8;

    public static SmsSettings From(IConfiguration configuration)
    {
        var providerText = configuration["Sms:Provider"];
        var provider = SmsProvider.Simulator;
        if (!string.IsNullOrWhiteSpace(providerText)
            && (!Enum.TryParse(providerText, ignoreCase: true, out provider) || !Enum.IsDefined(provider)))
        {
            throw new BadConfigurationException(
                $"Sms:Provider is '{providerText}', but Buddy supports only {string.Join(" or ", Enum.GetNames<SmsProvider>())}.");
        }

        return new SmsSettings(
            provider,
            TimeSpan.FromSeconds(Positive(configuration, "Sms:Outbox:PollSeconds", 2)),
            (int)Positive(configuration, "Sms:Outbox:BatchSize", 20),
            TimeSpan.FromSeconds(Positive(configuration, "Sms:Outbox:LeaseSeconds", 120)),
            (int)Positive(configuration, "Sms:Outbox:MaxAttempts", 8),
            TimeSpan.FromSeconds(Positive(configuration, "Sms:Inbound:SweepSeconds", 60)))
        {
            OutboxConcurrency = (int)Positive(configuration, "Sms:Outbox:Concurrency", 8),
        };
    }

    private static double Positive(IConfiguration configuration, string key, double fallback)
    {
        var text = configuration[key];
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        return double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : throw new BadConfigurationException($"{key} is '{text}', but it must be a positive number.");
    }
}
