namespace Buddy.Domain.Conversations;

/// <summary>
/// Decides which open conversation a reply answers. A reply answers the most relevant question still live:
/// <list type="bullet">
/// <item>expired conversations never claim anything;</item>
/// <item>a daily check-in sent after a conversation's last prompt and not yet answered is the newer question, so
/// the reply goes to the diary and the conversation waits (the second step of a check-in is part of that check-in
/// and is exempt);</item>
/// <item>otherwise the first kind in <see cref="ConversationKind"/> order wins, the latest prompt breaking ties.</item>
/// </list>
/// </summary>
public static class ConversationRouter
{
    public static OpenConversation? Choose(IEnumerable<OpenConversation> open, DateTime? unansweredCheckInSentAtUtc, DateTime nowUtc) =>
        Live(open, unansweredCheckInSentAtUtc, nowUtc)
            .OrderBy(c => c.Kind)
            .ThenByDescending(c => c.LastPromptAtUtc)
            .Cast<OpenConversation?>()
            .FirstOrDefault();

    /// <summary>Open conversations that are neither expired nor behind a newer unanswered check-in.</summary>
    public static IEnumerable<OpenConversation> Live(IEnumerable<OpenConversation> open, DateTime? unansweredCheckInSentAtUtc, DateTime nowUtc) =>
        open.Where(c => c.ExpiresAtUtc > nowUtc && !IsBehindCheckIn(c, unansweredCheckInSentAtUtc));

    public static bool IsBehindCheckIn(OpenConversation conversation, DateTime? unansweredCheckInSentAtUtc) =>
        conversation.Kind != ConversationKind.CheckInSecondStep &&
        unansweredCheckInSentAtUtc is { } checkInSent && checkInSent > conversation.LastPromptAtUtc;
}
