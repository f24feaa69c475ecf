using Buddy.Domain.Conversations;
using Buddy.Domain.Goals;
using Buddy.Domain.Sms;
using Buddy.Domain.Time;
using Buddy.Gateway.Replies;
using Buddy.Gateway.Sms.Outbox;

namespace Buddy.Gateway.Goals;

/// <summary>"done", "yes did it", "half", "not today" after a goal reminder, recorded against that goal.</summary>
internal static class GoalReplies
{
    /// <summary>False when the reply does not say how it went: it is then left to the diary and the question stays open.</summary>
    public static async Task<bool> TryRecordAsync(ReplyContext reply, Conversation conversation, CancellationToken cancellationToken)
    {
        var goal = await reply.Db.Goals.FindAsync([conversation.SubjectId], cancellationToken);
        if (goal is null || goal.Status != GoalStatus.Active)
        {
            conversation.Close(ConversationStatus.Cancelled, reply.NowUtc);
            return false;
        }

        if (GoalReplyParser.Parse(reply.Message.Body) is not { } outcome)
        {
            return false;
        }

        reply.Db.GoalProgress.Add(new GoalProgress
        {
            OrganisationId = goal.OrganisationId,
            ServiceUserId = goal.ServiceUserId,
            GoalId = goal.Id,
            LocalDate = LocalTimes.LocalDate(conversation.OpenedAtUtc, reply.ServiceUser.TimeZoneId),
            Outcome = outcome,
            ReplyText = reply.Message.Body.Trim(),
            InboundMessageId = reply.Message.Id,
            RecordedAtUtc = reply.NowUtc,
        });
        conversation.Close(ConversationStatus.Answered, reply.NowUtc, reply.Message.Id);
        await OutboundTexts.QueueOnceAsync(reply.Db, reply.ServiceUser, OutboundKind.ConversationReply,
            GoalTexts.Thanks(outcome, reply.ServiceUser.GreetingName), $"ack:{reply.Message.Id}", reply.NowUtc, cancellationToken);
        reply.Outcome = $"goal progress: {outcome}";
        return true;
    }
}
