using Buddy.Domain.Conversations;
using Buddy.Domain.Sessions;
using Buddy.Domain.Sms;
using Buddy.Gateway.Replies;
using Buddy.Gateway.Sms.Outbox;

namespace Buddy.Gateway.Sessions;

/// <summary>The answer to "Anything you want to talk about?": appended to the session's agenda notes, verbatim.</summary>
internal static class AgendaReplies
{
    public static async Task<bool> TryRecordAsync(ReplyContext reply, Conversation conversation, CancellationToken cancellationToken)
    {
        var session = await reply.Db.TherapySessions.FindAsync([conversation.SubjectId], cancellationToken);
        if (session is null || session.Status != SessionStatus.Scheduled)
        {
            conversation.Close(ConversationStatus.Cancelled, reply.NowUtc);
            return false;
        }

        var text = reply.Message.Body.Trim();
        session.AgendaNotes = string.IsNullOrEmpty(session.AgendaNotes) ? text : $"{session.AgendaNotes}\n{text}";
        conversation.Close(ConversationStatus.Answered, reply.NowUtc, reply.Message.Id);
        await OutboundTexts.QueueOnceAsync(reply.Db, reply.ServiceUser, OutboundKind.ConversationReply,
            SessionTexts.AgendaThanks.Replace("{FirstName}", reply.ServiceUser.GreetingName, StringComparison.Ordinal),
            $"ack:{reply.Message.Id}", reply.NowUtc, cancellationToken);
        reply.Outcome = "agenda notes for the next session";
        return true;
    }
}
