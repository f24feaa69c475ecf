using Buddy.Domain.CheckIns;
using Buddy.Domain.Conversations;
using Buddy.Domain.Questionnaires;
using Buddy.Domain.Replies;
using Buddy.Gateway.Goals;
using Buddy.Gateway.Questionnaires;
using Buddy.Gateway.Replies;
using Buddy.Gateway.Sessions;
using Microsoft.EntityFrameworkCore;

namespace Buddy.Gateway.Conversations;

/// <summary>
/// The reply pipeline's middle step: claims replies that answer a question Buddy asked (see <see cref="ConversationRouter"/> for which one):
/// a questionnaire item, "anything to talk about?", "did you do your goal?". A request to cancel or move a booked
/// session is taken first. Replies that are diary (including both halves of a two-step check-in) are left to the
/// diary. Opt-out words never get here: the SMS pipeline honours them first.
/// </summary>
internal sealed class ConversationReplyHandler(
    QuestionnaireReplies questionnaires,
    TwoStepCheckIns twoStep)
{
    /// <summary>True when the reply answered a question and is done; false leaves it to the diary.</summary>
    public async Task<bool> TryAnswerAsync(ReplyContext reply, CancellationToken cancellationToken)
    {
        var person = reply.ServiceUser;
        var now = reply.NowUtc;
        if (person.MayNotBeTexted)
        {
            return false;
        }

        if (await AppointmentChangeNotices.TryRaiseAsync(reply, cancellationToken))
        {
            return true;
        }

        var run = await reply.Batch.LatestRunInProgressAsync(person.Id, cancellationToken);
        if (run is not null && !run.IsOpenAt(now))
        {
            run.Close(QuestionnaireStatus.Expired, now, ConversationExpiryService.ExpiredReason);
            run = null;
        }

        var conversations = await reply.Batch.OpenConversationsAsync(person.Id, cancellationToken);
        foreach (var stale in conversations.Where(c => !c.IsOpenAt(now)))
        {
            stale.Close(ConversationStatus.Expired, now);
        }

        // The day's check-in still waiting for its answer: a newer question than any conversation opened before it.
        var checkIn = await reply.Batch.UnansweredCheckInAsync(person.Id, cancellationToken);

        var open = conversations.Where(c => c.IsOpenAt(now))
            .Select(c => new OpenConversation(c.Kind, c.Id, c.OpenedAtUtc, c.ExpiresAtUtc))
            .ToList();
        if (run is not null)
        {
            open.Add(new OpenConversation(ConversationKind.Questionnaire, run.Id, run.LastPromptAtUtc, run.ExpiresAtUtc));
        }

        var chosen = ConversationRouter.Choose(open, checkIn?.SentAtUtc, now);

        // The appointment reminder goes at check-in time, so both questions can be open at once: a reply carrying a
        // mood score ("7 went to college") answers the check-in; the agenda question waits for the next text.
        if (chosen?.Kind == ConversationKind.Agenda && checkIn is not null &&
            ReplyParser.Default.Parse(reply.Message.Body, reply.Organisation.MoodScale).Mood is not null)
        {
            chosen = null;
        }
        switch (chosen?.Kind)
        {
            case ConversationKind.Questionnaire when await questionnaires.TryAnswerAsync(reply, run!, cancellationToken):
                return true;
            case ConversationKind.Agenda when await AgendaReplies.TryRecordAsync(reply, conversations.Single(c => c.Id == chosen.Value.Id), cancellationToken):
                return true;
            case ConversationKind.GoalReply when await GoalReplies.TryRecordAsync(reply, conversations.Single(c => c.Id == chosen.Value.Id), cancellationToken):
                return true;
            case ConversationKind.CheckInSecondStep:
                // The second half of a two-step check-in: the diary handler merges it into the check-in's entry.
                conversations.Single(c => c.Id == chosen.Value.Id).Close(ConversationStatus.Answered, now, reply.Message.Id);
                reply.Outcome = "two-step check-in: second answer";
                return false;
        }

        if (await twoStep.TryAskSecondStepAsync(reply, checkIn, cancellationToken))
        {
            return false;
        }

        if (run is not null && checkIn is not null && chosen?.Kind != ConversationKind.Questionnaire &&
            ConversationRouter.IsBehindCheckIn(new OpenConversation(ConversationKind.Questionnaire, run.Id, run.LastPromptAtUtc, run.ExpiresAtUtc), checkIn.SentAtUtc))
        {
            await QuestionnaireReplies.ResumeAfterCheckInAsync(reply, run, cancellationToken);
        }

        return false;
    }
}
