using Buddy.Domain.Organisations;
using Buddy.Domain.Replies;

namespace Buddy.Benchmarks;

/// <summary>The reply texts (and scales) of Gateway.Tests/Replies/Corpus/development.tsv (never the sealed part), copied beside the benchmarks.</summary>
internal static class ReplyCorpusFile
{
    public static (string Text, MoodScale Scale)[] Load()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Corpus", "development.tsv");
        return
        [
            .. File.ReadLines(path)
                .Where(line => line.Length > 0 && !line.StartsWith('#'))
                .Select(line => line.Split('\t'))
                .Select(cells => (cells[0], MoodScaleText.TryParse(cells[1].Length == 0 ? "0-10" : cells[1], out var scale) ? scale : MoodScale.ZeroToTen)),
        ];
    }
}
