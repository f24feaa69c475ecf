namespace Buddy.Domain.Conversations;

public enum ConversationStatus
{
    Open,
    Answered,

    /// <summary>No answer came before it went stale.</summary>
    Expired,

    /// <summary>Closed without an answer on purpose (opted out, session cancelled, goal archived).</summary>
    Cancelled,
}
