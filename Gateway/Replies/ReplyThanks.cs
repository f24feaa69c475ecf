using Buddy.Domain.Conversations;
using Buddy.Domain.Sms;
using Buddy.Gateway.Sms.Outbox;

namespace Buddy.Gateway.Replies;

/// <summary>
/// The one thank-you text a reply gets (a goal answer, agenda notes, a change of appointment noted), keyed
/// ack:{inbound id} so a reply processed again is thanked once.
/// </summary>
internal static class ReplyThanks
{
    public static Task<OutboundMessage?> QueueAsync(ReplyContext reply, string body, CancellationToken cancellationToken) =>
        OutboundTexts.QueueOnceAsync(reply.Db, reply.ServiceUser, OutboundKind.ConversationReply, body, $"ack:{reply.Message.Id}", reply.NowUtc, cancellationToken);

    /// <summary>Closes the question the reply answered, thanks the person and records the reply's outcome.</summary>
    public static async Task AnsweredAsync(ReplyContext reply, Conversation conversation, string thanks, string outcome, CancellationToken cancellationToken)
    {
        conversation.Close(ConversationStatus.Answered, reply.NowUtc, reply.Message.Id);
        await QueueAsync(reply, thanks, cancellationToken);
        reply.Outcome = outcome;
    }
}
