using System.Globalization;
using Quartz;

namespace Buddy.Gateway.Schedules;

/// <summary>The <c>Scheduling:</c> settings, bound and checked once at start-up (<see cref="Hosting.Settings"/>).</summary>
public sealed record SchedulingSettings
{
    public const string Section = "Scheduling";

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

    /// <summary>Why the bound values cannot run the jobs (the setting named), or null when they can.</summary>
    public static string? Problem(SchedulingSettings settings)
    {
        (string Key, int Value)[] counts =
        [
            (nameof(DispatchIntervalSeconds), settings.DispatchIntervalSeconds),
            (nameof(ReminderIntervalSeconds), settings.ReminderIntervalSeconds),
            (nameof(ExpiryIntervalMinutes), settings.ExpiryIntervalMinutes),
            (nameof(ReplyWindowHours), settings.ReplyWindowHours),
            (nameof(BatchSize), settings.BatchSize),
            (nameof(ClusterCheckinIntervalSeconds), settings.ClusterCheckinIntervalSeconds),
            (nameof(ClusterCheckinMisfireThresholdSeconds), settings.ClusterCheckinMisfireThresholdSeconds),
            (nameof(OverdueWarningMinutes), settings.OverdueWarningMinutes),
        ];
        if (counts.FirstOrDefault(c => c.Value <= 0) is { Key: not null } bad)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{Section}:{bad.Key} is '{bad.Value}', but it must be a whole number above zero.");
        }

        if (string.IsNullOrWhiteSpace(settings.InstanceName) || string.IsNullOrWhiteSpace(settings.InstanceId))
        {
            return $"{Section}:InstanceName and {Section}:InstanceId must not be empty (InstanceId AUTO gives each process its own).";
        }

        return CronExpression.TryParse(settings.HousekeepingCron, out _)
            ? null
            : $"{Section}:HousekeepingCron '{settings.HousekeepingCron}' is not a valid Quartz cron expression (e.g. '0 30 2 * * ?').";
    }
}
