using System.Globalization;
using Buddy.Gateway.Hosting;
using Quartz;

namespace Buddy.Gateway.Schedules;

/// <summary>The <c>Scheduling:</c> settings, read and checked once at start-up.</summary>
public sealed record SchedulingSettings
{
    /// <summary>Runs the recurring jobs in this process. Off only for tools and tests that drive the jobs themselves.</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>The Quartz scheduler name: every instance of one installation shares it (it is the cluster's name).</summary>
    public string InstanceName { get; init; } = "Buddy";

    /// <summary>This node's id within the cluster; AUTO generates a unique one per process.</summary>
    public string InstanceId { get; init; } = "AUTO";

    /// <summary>How often the dispatcher asks "which check-ins are due now?".</summary>
    public int DispatchIntervalSeconds { get; init; } = 15;

    public int ReminderIntervalSeconds { get; init; } = 60;

    public int ExpiryIntervalMinutes { get; init; } = 10;

    /// <summary>A check-in still unanswered this long after it was due becomes Unanswered.</summary>
    public int ReplyWindowHours { get; init; } = 18;

    /// <summary>Quartz cron (UTC) for the nightly recompute of every schedule.</summary>
    public string HousekeepingCron { get; init; } = "0 30 2 * * ?";

    /// <summary>Most schedules (or reminders) one run handles; the rest go on the next run, seconds later.</summary>
    public int BatchSize { get; init; } = 500;

    /// <summary>PostgreSQL cluster: how often a node says it is alive, and how long before others take over its work.</summary>
    public int ClusterCheckinIntervalSeconds { get; init; } = 10;

    public int ClusterCheckinMisfireThresholdSeconds { get; init; } = 30;

    /// <summary>Health turns Degraded when an enabled schedule is overdue by more than this (the dispatcher is not running).</summary>
    public int OverdueWarningMinutes { get; init; } = 5;

    public static SchedulingSettings From(IConfiguration configuration)
    {
        var section = configuration.GetSection("Scheduling");
        var defaults = new SchedulingSettings();
        var settings = new SchedulingSettings
        {
            Enabled = Bool(section, nameof(Enabled), defaults.Enabled),
            InstanceName = Text(section, nameof(InstanceName), defaults.InstanceName),
            InstanceId = Text(section, nameof(InstanceId), defaults.InstanceId),
            DispatchIntervalSeconds = Positive(section, nameof(DispatchIntervalSeconds), defaults.DispatchIntervalSeconds),
            ReminderIntervalSeconds = Positive(section, nameof(ReminderIntervalSeconds), defaults.ReminderIntervalSeconds),
            ExpiryIntervalMinutes = Positive(section, nameof(ExpiryIntervalMinutes), defaults.ExpiryIntervalMinutes),
            ReplyWindowHours = Positive(section, nameof(ReplyWindowHours), defaults.ReplyWindowHours),
            HousekeepingCron = Text(section, nameof(HousekeepingCron), defaults.HousekeepingCron),
            BatchSize = Positive(section, nameof(BatchSize), defaults.BatchSize),
            ClusterCheckinIntervalSeconds = Positive(section, nameof(ClusterCheckinIntervalSeconds), defaults.ClusterCheckinIntervalSeconds),
            ClusterCheckinMisfireThresholdSeconds =
                Positive(section, nameof(ClusterCheckinMisfireThresholdSeconds), defaults.ClusterCheckinMisfireThresholdSeconds),
            OverdueWarningMinutes = Positive(section, nameof(OverdueWarningMinutes), defaults.OverdueWarningMinutes),
        };

        if (!CronExpression.TryParse(settings.HousekeepingCron, out _))
        {
            throw new BadConfigurationException($"Scheduling:HousekeepingCron '{settings.HousekeepingCron}' is not a valid Quartz cron expression (e.g. '0 30 2 * * ?').");
        }

        return settings;
    }

    private static string Text(IConfigurationSection section, string key, string fallback) =>
        section[key] is { Length: > 0 } value ? value.Trim() : fallback;

    private static bool Bool(IConfigurationSection section, string key, bool fallback) =>
        section[key] is not { Length: > 0 } value ? fallback
            : bool.TryParse(value, out var parsed) ? parsed
            : throw new BadConfigurationException($"Scheduling:{key} is '{value}', but it must be true or false.");

    private static int Positive(IConfigurationSection section, string key, int fallback) =>
        section[key] is not { Length: > 0 } value ? fallback
            : int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) && parsed > 0 ? parsed
            : throw new BadConfigurationException($"Scheduling:{key} is '{value}', but it must be a whole number above zero.");
}
