using Buddy.Domain.Questionnaires;
using Buddy.Domain.Safeguarding;
using Buddy.Gateway.Replies;
using Buddy.Gateway.Safeguarding;

namespace Buddy.Gateway.Questionnaires;

/// <summary>
/// A questionnaire's risk answer (PHQ-9 item 9 above 0) goes down the same path as a risky diary reply: a High
/// finding on the person's safeguarding alert (<see cref="SafeguardingAlerts"/>: opened, or joined when one is open),
/// the crisis text, staff texted or emailed, an audit event. When the words of the same text were already High (the
/// safeguarding handler runs first), the finding is listed on that alert and nothing is sent twice.
/// </summary>
internal sealed class QuestionnaireRiskEscalation(SafeguardingAlerts alerts)
{
    public Task RaiseAsync(ReplyContext reply, QuestionnaireDefinition definition, int itemNumber, int score, CancellationToken cancellationToken)
    {
        var answer = definition.AnswerKey.Single(a => a.Score == score).Label;
        var finding = new RiskFinding(
            RiskLevel.High,
            RiskSubject.Sender,
            ContactCaution.None,
            [$"{definition.Name} item {itemNumber}"],
            $"{definition.Name} item {itemNumber} (thoughts of being better off dead or of self-harm) answered \"{answer}\"",
            $"{definition.Name} item {itemNumber} = {score}");
        return alerts.RecordAsync(reply, finding, cancellationToken);
    }
}
