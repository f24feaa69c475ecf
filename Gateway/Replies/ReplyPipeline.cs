using Buddy.Gateway.Conversations;
using Buddy.Gateway.Safeguarding;

namespace Buddy.Gateway.Replies;

/// <summary>
/// What becomes of a reply once STOP/START/HELP are honoured and the sender is matched: three steps in a fixed
/// order. Safeguarding looks at every reply and never claims it; a conversation (questionnaire, agenda, goal, a
/// session change) claims a reply that answers a question Buddy asked; the diary records everything else. The risk
/// is read once, before the steps (<see cref="ReplyContext.Risk"/>).
/// </summary>
public interface IReplyPipeline
{
    Task<ReplyResult> HandleAsync(ReplyContext reply, CancellationToken cancellationToken);
}

/// <summary>Which step took the reply, and what happened, for the inbound message's outcome.</summary>
public sealed record ReplyResult(ReplyStep TakenBy, string Outcome);

public enum ReplyStep
{
    Conversation,
    Diary,
}

internal sealed class ReplyPipeline(SafeguardingReplyHandler safeguarding, ConversationReplyHandler conversations, DiaryReplyHandler diary) : IReplyPipeline
{
    public async Task<ReplyResult> HandleAsync(ReplyContext reply, CancellationToken cancellationToken)
    {
        await safeguarding.CheckAsync(reply, cancellationToken);
        if (await conversations.TryAnswerAsync(reply, cancellationToken))
        {
            return new ReplyResult(ReplyStep.Conversation, reply.Outcome ?? nameof(ConversationReplyHandler));
        }

        await diary.RecordAsync(reply, cancellationToken);
        return new ReplyResult(ReplyStep.Diary, reply.Outcome!);
    }
}
