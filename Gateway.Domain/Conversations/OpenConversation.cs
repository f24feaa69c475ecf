namespace Buddy.Domain.Conversations;

/// <summary>One question awaiting a reply, as the router sees it.</summary>
/// <param name="LastPromptAtUtc">When the person was last asked (a questionnaire re-asks; others ask once).</param>
public readonly record struct OpenConversation(ConversationKind Kind, Guid Id, DateTime LastPromptAtUtc, DateTime ExpiresAtUtc);
