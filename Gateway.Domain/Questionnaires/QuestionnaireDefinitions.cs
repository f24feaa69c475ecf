using System.Text.Json;
using System.Text.Json.Serialization;

namespace Buddy.Domain.Questionnaires;

/// <summary>
/// The questionnaires Buddy can send, read once from the embedded questionnaires.json. The item wording is the
/// published instruments' and lives in that data file, never in code, so it can be checked against the source.
/// </summary>
public static class QuestionnaireDefinitions
{
    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    private static readonly Lazy<IReadOnlyDictionary<QuestionnaireKind, QuestionnaireDefinition>> s_all = new(Load);

    public static IReadOnlyCollection<QuestionnaireDefinition> All => [.. s_all.Value.Values];

    public static QuestionnaireDefinition For(QuestionnaireKind kind) => s_all.Value[kind];

    private static Dictionary<QuestionnaireKind, QuestionnaireDefinition> Load()
    {
        using var stream = typeof(QuestionnaireDefinitions).Assembly.GetManifestResourceStream("Buddy.Domain.Questionnaires.questionnaires.json")
            ?? throw new InvalidOperationException("questionnaires.json is not embedded in Gateway.Domain.");
        var file = JsonSerializer.Deserialize<FileShape>(stream, s_json)
            ?? throw new InvalidOperationException("questionnaires.json is empty.");
        var answerKey = file.AnswerKey.Select(a => new AnswerOption(a.Score, a.Label)).ToList();
        return file.Questionnaires.ToDictionary(
            q => q.Kind,
            q => Validate(new QuestionnaireDefinition(
                q.Kind, q.Name, q.Title, q.Stem, q.SmsStem, q.RiskItem, q.Caseness, q.ReliableChange, q.Items,
                [.. q.Bands.Select(b => new SeverityBand(b.Min, b.Max, b.Severity))], answerKey)));
    }

    /// <summary>The bands must cover every possible total exactly once, or a score could go unbanded.</summary>
    private static QuestionnaireDefinition Validate(QuestionnaireDefinition definition)
    {
        for (var total = 0; total <= definition.MaxScore; total++)
        {
            if (definition.Bands.Count(b => total >= b.Min && total <= b.Max) != 1)
            {
                throw new InvalidOperationException($"{definition.Name}: severity bands must cover score {total} exactly once.");
            }
        }

        return definition;
    }

    private sealed record FileShape(List<AnswerShape> AnswerKey, List<QuestionnaireShape> Questionnaires);

    private sealed record AnswerShape(int Score, string Label);

    private sealed record QuestionnaireShape(
        QuestionnaireKind Kind, string Name, string Title, string Stem, string SmsStem, int? RiskItem, int Caseness, int ReliableChange, List<string> Items,
        List<BandShape> Bands);

    private sealed record BandShape(int Min, int Max, Severity Severity);
}
