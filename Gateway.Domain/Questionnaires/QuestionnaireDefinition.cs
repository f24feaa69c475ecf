namespace Buddy.Domain.Questionnaires;

/// <summary>A published questionnaire as stored in questionnaires.json: its items, answer key and severity bands.</summary>
public sealed record QuestionnaireDefinition(
    QuestionnaireKind Kind,
    string Name,
    string Title,
    string Stem,
    string SmsStem,
    int? RiskItem,
    int Caseness,
    int ReliableChange,
    IReadOnlyList<string> Items,
    IReadOnlyList<SeverityBand> Bands,
    IReadOnlyList<AnswerOption> AnswerKey)
{
    public int ItemCount => Items.Count;

    public int MaxScore => ItemCount * AnswerKey.Max(a => a.Score);

    /// <summary>The item text by 1-based number, as printed on the form.</summary>
    public string Item(int number) => Items[number - 1];

    public Severity SeverityFor(int total) =>
        Bands.FirstOrDefault(b => total >= b.Min && total <= b.Max)?.Severity
        ?? throw new ArgumentOutOfRangeException(nameof(total), total, $"{Name} scores run 0-{MaxScore}.");

    /// <summary>"0 not at all, 1 several days, 2 more than half the days, 3 nearly every day".</summary>
    public string AnswerKeyText => string.Join(", ", AnswerKey.Select(a => $"{a.Score} {a.Label}"));
}

public sealed record SeverityBand(int Min, int Max, Severity Severity);

public sealed record AnswerOption(int Score, string Label);
