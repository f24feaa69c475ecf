using System.Text.Json;
using Buddy.Domain.Organisations;
using Buddy.Tests.Support;

namespace Buddy.Tests.Replies;

/// <summary>
/// shared/replies/independent-set-1.jsonl beside the repository: 220 replies written and labelled independently of
/// Buddy's corpus (text, mood on 0-10, risk none/low/high, note "kind: why"). Development data, scored like a corpus.
/// </summary>
public static class IndependentSet
{
    public static string FilePath { get; } = SharedFiles.Path("replies", "independent-set-1.jsonl");

    /// <summary>Why the set cannot be read here, or null: missing is a skip, unless BUDDY_REQUIRE_ALL=1 (CI) makes it a failure.</summary>
    public static string? SkipReason =>
        File.Exists(FilePath) || Environment.GetEnvironmentVariable("BUDDY_REQUIRE_ALL") == "1"
            ? null
            : $"The independent reply set is not at {FilePath} (shared/replies/ beside the repository).";

    public static IReadOnlyList<CorpusRow> Load()
    {
        var rows = new List<CorpusRow>();
        var line = 0;
        foreach (var json in File.ReadLines(FilePath))
        {
            line++;
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            var mood = root.GetProperty("mood");
            var note = root.TryGetProperty("note", out var n) ? n.GetString() ?? "" : "";
            rows.Add(new CorpusRow(
                line,
                "",
                root.GetProperty("text").GetString()!,
                MoodScale.ZeroToTen,
                mood.ValueKind == JsonValueKind.Null ? null : mood.GetDouble(),
                null,
                ReplyCorpus.ParseRisk(root.GetProperty("risk").GetString()!, FilePath, line),
                false,
                null,
                note.Split(':')[0]));
        }

        return rows;
    }
}
