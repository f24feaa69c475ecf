namespace Buddy.Domain.Questionnaires;

/// <summary>Totals and bands a completed questionnaire the published way: the sum of the item scores.</summary>
public static class QuestionnaireScoring
{
    public static (int Total, Severity Severity) Score(QuestionnaireDefinition definition, IReadOnlyCollection<QuestionnaireAnswer> answers)
    {
        var items = answers.Select(a => a.ItemNumber).Order().ToList();
        if (!items.SequenceEqual(Enumerable.Range(1, definition.ItemCount)))
        {
            throw new InvalidOperationException($"{definition.Name} needs one answer to each of its {definition.ItemCount} items to be scored.");
        }

        if (answers.Any(a => a.Score is < 0 or > 3))
        {
            throw new InvalidOperationException($"{definition.Name} item scores run 0-3.");
        }

        var total = answers.Sum(a => a.Score);
        return (total, definition.SeverityFor(total));
    }

    /// <summary>True when the answer to the risk item (PHQ-9 item 9) needs a human to look now.</summary>
    public static bool IsRiskAnswer(QuestionnaireDefinition definition, int itemNumber, int score) =>
        definition.RiskItem == itemNumber && score > 0;
}
