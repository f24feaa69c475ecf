namespace Buddy.Gateway.Replies;

/// <summary>
/// One step of the inbound pipeline, after the message is stored, opt-out words are honoured and the sender is
/// matched to a service user. Handlers run in <see cref="Order"/>; the first that returns true owns the reply.
/// A handler that only looks (the safeguarding check) returns false so the reply still reaches the diary.
/// </summary>
public interface IReplyHandler
{
    /// <summary>Lower runs first. Safeguarding 0, conversations (questionnaire, agenda, goals) 100-900, diary 1000.</summary>
    int Order { get; }

    Task<bool> TryHandleAsync(ReplyContext reply, CancellationToken cancellationToken);
}
