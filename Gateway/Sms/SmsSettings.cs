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

    /// <summary>
    /// Most stored texts the inbound processor handles in one transaction (<c>Sms:Inbound:BatchSize</c>). A quiet
    /// gateway handles each text as it comes; under a burst, one commit per batch instead of one per text.
    /// </summary>
    public int InboundBatchSize { get; init; } = 50;

    /// <summary>
    /// Most routine texts in one batch once more than <see cref="InboundBatchSize"/> wait (<c>Sms:Inbound:BurstBatchSize</c>):
    /// under a burst each batch's fixed reads and commit are shared by more texts, so the backlog costs less a text.
    /// Urgent batches stay at <see cref="InboundBatchSize"/> so an alert is not held up by a long transaction.
    /// Unset, it is <see cref="InboundBatchSize"/>: measured at 2,000 texts/s (BENCHMARKS.md, 3 December evening), 200
    /// drained SQLite's backlog sooner but held risky texts' alerts to a p99 of 24 s on PostgreSQL (3.5 s at 50) and
    /// slowed the webhooks' answers on both engines (p99 6.3 s against 1.4 s on SQLite).
    /// </summary>
    public int InboundBurstBatchSize { get; init; } = 50;

    /// <summary>
    /// Most routine texts' ids waiting in memory for the processor (<c>Sms:Inbound:QueueCapacity</c>). Beyond it a
    /// stored text waits in the table for the processor's sweep instead: memory stays bounded and nothing is refused.
    /// </summary>
    public int InboundQueueCapacity { get; init; } = 10_000;

    /// <summary>
    /// Most received texts waiting for the group-commit writer to store them (<c>Sms:Inbound:ReceptionCapacity</c>).
    /// A webhook that finds it full waits for room (it is not refused: only a failing store answers 503), so a store
    /// slower than the arrivals holds requests back at Kestrel instead of growing a queue in memory.
    /// </summary>
    public int InboundReceptionCapacity { get; init; } = 2_000;

    public const string Section = "Sms";

    /// <summary>The section bound and checked (<see cref="Settings"/>); a bad value stops start-up naming it.</summary>
    public static SmsSettings Read(IConfiguration configuration) => Settings.Read<Text, SmsSettings>(configuration, Section, Checked);

    private static SmsSettings Checked(Text text)
    {
        var provider = SmsProvider.Simulator;
        if (!string.IsNullOrWhiteSpace(text.Provider)
            && (!Enum.TryParse(text.Provider, ignoreCase: true, out provider) || !Enum.IsDefined(provider)))
        {
            throw new BadConfigurationException(
                $"Sms:Provider is '{text.Provider}', but Buddy supports only {string.Join(" or ", Enum.GetNames<SmsProvider>())}.");
        }

        var (outbox, inbound) = (text.Outbox, text.Inbound);
        var settings = new SmsSettings(
            provider,
            TimeSpan.FromSeconds(ConfigurationValues.PositiveNumber(outbox.PollSeconds, "Sms:Outbox:PollSeconds", 2)),
            ConfigurationValues.PositiveCount(outbox.BatchSize, "Sms:Outbox:BatchSize", 20),
            TimeSpan.FromSeconds(ConfigurationValues.PositiveNumber(outbox.LeaseSeconds, "Sms:Outbox:LeaseSeconds", 120)),
            ConfigurationValues.PositiveCount(outbox.MaxAttempts, "Sms:Outbox:MaxAttempts", 8),
            TimeSpan.FromSeconds(ConfigurationValues.PositiveNumber(inbound.SweepSeconds, "Sms:Inbound:SweepSeconds", 60)))
        {
            OutboxConcurrency = ConfigurationValues.PositiveCount(outbox.Concurrency, "Sms:Outbox:Concurrency", 8),
            InboundBatchSize = ConfigurationValues.PositiveCount(inbound.BatchSize, "Sms:Inbound:BatchSize", 50),
            InboundQueueCapacity = ConfigurationValues.PositiveCount(inbound.QueueCapacity, "Sms:Inbound:QueueCapacity", 10_000),
            InboundReceptionCapacity = ConfigurationValues.PositiveCount(inbound.ReceptionCapacity, "Sms:Inbound:ReceptionCapacity", 2_000),
        };
        // Unset, it is the quiet batch size (see InboundBurstBatchSize), so raising only Sms:Inbound:BatchSize keeps working.
        settings = settings with
        {
            InboundBurstBatchSize = ConfigurationValues.PositiveCount(inbound.BurstBatchSize, "Sms:Inbound:BurstBatchSize", settings.InboundBatchSize),
        };
        if (settings.InboundBurstBatchSize < settings.InboundBatchSize)
        {
            throw new BadConfigurationException(
                $"Sms:Inbound:BurstBatchSize is {settings.InboundBurstBatchSize}, less than Sms:Inbound:BatchSize ({settings.InboundBatchSize}); a backlog's batches are at least as large as a quiet gateway's.");
        }

        return settings;
    }

    /// <summary>The section as typed: text, so a bad value is quoted back in the sentence naming it.</summary>
    private sealed class Text
    {
        public string? Provider { get; set; }

        public OutboxText Outbox { get; set; } = new();

        public InboundText Inbound { get; set; } = new();
    }

    private sealed class OutboxText
    {
        public string? PollSeconds { get; set; }

        public string? BatchSize { get; set; }

        public string? LeaseSeconds { get; set; }

        public string? MaxAttempts { get; set; }

        public string? Concurrency { get; set; }
    }

    private sealed class InboundText
    {
        public string? SweepSeconds { get; set; }

        public string? BatchSize { get; set; }

        public string? BurstBatchSize { get; set; }

        public string? QueueCapacity { get; set; }

        public string? ReceptionCapacity { get; set; }
    }
}
