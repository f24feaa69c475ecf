using Buddy.Domain.CheckIns;
using Buddy.Domain.Conversations;
using Buddy.Domain.Replies;
using Buddy.Domain.Sms;
using Buddy.Domain.Templates;
using Buddy.Gateway.Replies;
using Buddy.Gateway.Sms.Outbox;
using Buddy.Gateway.Templates;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Buddy.Gateway.Conversations;

/// <summary>
/// Buddy's original two-step check-in. The scheduler sends "How are you feeling?"; on the first reply this queues
/// "What have you been doing?" (once per check-in: DedupeKey checkin2:{checkInId}, and not when the first reply
/// already said) and opens a conversation for the answer. Both replies are left to the diary handler, which merges
/// the texts of one check-in into one entry.
/// </summary>
internal sealed class TwoStepCheckIns(IOptions<ConversationOptions> options, ReplyParser parser)
{
    public async Task<bool> TryAskSecondStepAsync(ReplyContext reply, CheckIn? checkIn, CancellationToken cancellationToken)
    {
        if (checkIn is null)
        {
            return false;
        }

        var db = reply.Db;
        var twoStep = await db.CheckInSchedules.Where(s => s.ServiceUserId == reply.ServiceUser.Id).Select(s => s.TwoStep).FirstOrDefaultAsync(cancellationToken);
        if (!twoStep)
        {
            return false;
        }

        // "7 went swimming" already says what they did: asking again would be a needless text.
        if (parser.Parse(reply.Message.Body, reply.Organisation.MoodScale).Tags.Count > 0)
        {
            reply.Outcome = "two-step check-in: the first answer already says what they did, no second question";
            return false;
        }

        var template = await OrganisationTemplates.DefaultBodyAsync(db, reply.Organisation.Id, TemplateKind.CheckInSecondStep, TwoStepTexts.DefaultSecondStep, cancellationToken);
        var body = MessageText.Fill(template, new Dictionary<string, string> { ["FirstName"] = reply.ServiceUser.GreetingName });
        var message = await OutboundTexts.QueueOnceAsync(db, reply.ServiceUser, OutboundKind.CheckInSecondStep, body, $"checkin2:{checkIn.Id}", reply.NowUtc, cancellationToken);
        if (message is null)
        {
            return false;
        }

        db.Conversations.Add(new Conversation
        {
            OrganisationId = reply.ServiceUser.OrganisationId,
            ServiceUserId = reply.ServiceUser.Id,
            Kind = ConversationKind.CheckInSecondStep,
            SubjectId = checkIn.Id,
            OutboundMessageId = message.Id,
            OpenedAtUtc = reply.NowUtc,
            ExpiresAtUtc = reply.NowUtc.AddHours(options.Value.SecondStepExpiryHours),
        });
        reply.Outcome = "two-step check-in: first answer, second question sent";
        return true;
    }
}
