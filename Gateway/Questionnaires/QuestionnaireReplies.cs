using Buddy.Domain.Questionnaires;
using Buddy.Domain.Replies;
using Buddy.Domain.Sms;
using Buddy.Gateway.Audit;
using Buddy.Gateway.Replies;
using Buddy.Gateway.Sms.Outbox;
using Microsoft.EntityFrameworkCore;

namespace Buddy.Gateway.Questionnaires;

/// <summary>
/// Answers to a questionnaire in progress: each clear 0-3 answer is recorded and the next item texted; an unclear
/// one is asked again once, politely; the last answer scores the questionnaire with the published bands. A check-in
/// reply that is not an answer ("7 went swimming") is never lost: it goes to the diary and the item is asked again.
/// </summary>
internal sealed class QuestionnaireReplies(QuestionnaireRiskEscalation escalation, ReplyParser parser)
{
    /// <summary>False when the text is not an answer and belongs in the diary (a check-in reply, or still unclear after the re-ask).</summary>
    public async Task<bool> TryAnswerAsync(ReplyContext reply, QuestionnaireRun run, CancellationToken cancellationToken)
    {
        var db = reply.Db;
        var definition = QuestionnaireDefinitions.For(run.Kind);
        var item = run.CurrentItem;
        if (AnswerParser.Parse(reply.Message.Body) is not { } score)
        {
            // A mood score no 0-3 answer could be is a check-in reply, like the appointment reminder lets through: the
            // diary handler records it, and the waiting item is asked again (not counted as the one re-ask).
            if (parser.Parse(reply.Message.Body, reply.Organisation.MoodScale).Mood is not null)
            {
                run.LastPromptAtUtc = reply.NowUtc;
                await QueueAsync(reply, QuestionnaireTexts.AfterDiaryReply(definition, item), $"q:{run.Id}:{item}:diary:{reply.Message.Id}", cancellationToken);
                reply.Outcome = $"{definition.Name} item {item}: a check-in reply, kept in the diary; item asked again";
                return false;
            }

            if (run.CurrentItemReasked)
            {
                reply.Outcome = $"{definition.Name} item {item}: unclear again, kept as a diary note";
                return false;
            }

            run.CurrentItemReasked = true;
            run.LastPromptAtUtc = reply.NowUtc;
            await QueueAsync(reply, QuestionnaireTexts.Reask(definition, item), $"q:{run.Id}:{item}:reask", cancellationToken);
            reply.Outcome = $"{definition.Name} item {item}: unclear, asked again";
            return true;
        }

        var answer = new QuestionnaireAnswer
        {
            OrganisationId = run.OrganisationId,
            ServiceUserId = run.ServiceUserId,
            RunId = run.Id,
            ItemNumber = item,
            Score = score,
            InboundMessageId = reply.Message.Id,
            AnsweredAtUtc = reply.NowUtc,
        };
        db.QuestionnaireAnswers.Add(answer);
        reply.Outcome = $"{definition.Name} item {item} answered";

        if (QuestionnaireScoring.IsRiskAnswer(definition, item, score))
        {
            run.RiskFlagged = true;
            await escalation.RaiseAsync(reply, definition, item, score, cancellationToken);
        }

        if (item < definition.ItemCount)
        {
            run.CurrentItem = item + 1;
            run.CurrentItemReasked = false;
            run.LastPromptAtUtc = reply.NowUtc;
            await QueueAsync(reply, QuestionnaireTexts.Item(definition, item + 1), $"q:{run.Id}:{item + 1}", cancellationToken);
            return true;
        }

        var earlier = await db.QuestionnaireAnswers.Where(a => a.RunId == run.Id).ToListAsync(cancellationToken);
        var (total, severity) = QuestionnaireScoring.Score(definition, [.. earlier, answer]);
        run.Status = QuestionnaireStatus.Completed;
        run.CompletedAtUtc = reply.NowUtc;
        run.TotalScore = total;
        run.Severity = severity;
        AuditTrail.Stage(db, AuditActor.System, run.OrganisationId, "questionnaire.completed", run.ServiceUserId, AuditEntities.QuestionnaireRun, run.Id.ToString(), definition.Name, reply.NowUtc);

        // After a risk answer the crisis text is the reply; a cheerful "all done" beside it would jar.
        if (!run.RiskFlagged)
        {
            await QueueAsync(reply, QuestionnaireTexts.Thanks(definition, reply.ServiceUser.GreetingName), $"q:{run.Id}:done", cancellationToken);
        }

        reply.Outcome = $"{definition.Name} completed";
        return true;
    }

    /// <summary>A check-in came between two items and took the reply: text the waiting item again so it carries on.</summary>
    public static async Task ResumeAfterCheckInAsync(ReplyContext reply, QuestionnaireRun run, CancellationToken cancellationToken)
    {
        var definition = QuestionnaireDefinitions.For(run.Kind);
        run.LastPromptAtUtc = reply.NowUtc;
        await QueueAsync(reply, QuestionnaireTexts.Resume(definition, run.CurrentItem), $"q:{run.Id}:{run.CurrentItem}:resume:{reply.Message.Id}", cancellationToken);
    }

    private static Task<OutboundMessage?> QueueAsync(ReplyContext reply, string body, string dedupeKey, CancellationToken cancellationToken) =>
        OutboundTexts.QueueOnceAsync(reply.Db, reply.ServiceUser, OutboundKind.Questionnaire, body, dedupeKey, reply.NowUtc, cancellationToken);
}
