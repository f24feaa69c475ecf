using Buddy.Gateway.Hosting;

namespace Buddy.Gateway.Conversations;

/// <summary><c>Conversations</c> settings: how long a question waits for its answer.</summary>
public sealed class ConversationOptions
{
    public const string Section = "Conversations";

    /// <summary>How long "What have you been doing?" waits for the second half of a two-step check-in.</summary>
    public int SecondStepExpiryHours { get; set; } = 6;

    /// <summary>How long a goal reminder waits for "done" / "not today".</summary>
    public int GoalReplyExpiryHours { get; set; } = 20;

    /// <summary>
    /// How often the session-cycle job asks what is due, as typed (a positive number of seconds, 60 when unset): it is
    /// read before the container exists, to time the job, and kept as text so a bad value is quoted back.
    /// </summary>
    public string? DueWorkIntervalSeconds { get; set; }

    public static TimeSpan DueWorkInterval(ConversationOptions options) =>
        TimeSpan.FromSeconds(ConfigurationValues.PositiveNumber(options.DueWorkIntervalSeconds, $"{Section}:{nameof(DueWorkIntervalSeconds)}", 60));
}
