namespace Buddy.Gateway.Conversations;

/// <summary><c>Conversations</c> settings: how long a question waits for its answer.</summary>
public sealed class ConversationOptions
{
    public const string Section = "Conversations";

    /// <summary>How long "What have you been doing?" waits for the second half of a two-step check-in.</summary>
    public int SecondStepExpiryHours { get; set; } = 6;

    /// <summary>How long a goal reminder waits for "done" / "not today".</summary>
    public int GoalReplyExpiryHours { get; set; } = 20;
}
