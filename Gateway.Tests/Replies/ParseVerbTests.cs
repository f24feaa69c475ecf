using System.Globalization;
using System.Text.Json;
using Buddy.Domain.Organisations;
using Buddy.Tests.Support;

namespace Buddy.Tests.Replies;

/// <summary>
/// <c>Gateway parse</c> run as the real executable in a child process, pointed at a database that cannot be
/// reached: it must answer anyway, because it needs no database or network.
/// </summary>
public sealed class ParseVerbTests
{
    [Fact]
    public async Task Parse_OneText_PrintsOneJsonObject()
    {
        var result = await RunAsync(["parse", "6 went to college, argued with mum"], stdin: null);

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output.Trim());
        var root = json.RootElement;
        Assert.Equal(6, root.GetProperty("mood").GetDouble());
        Assert.Equal("0-10", root.GetProperty("scale").GetString());
        Assert.Equal("went to college, argued with mum", root.GetProperty("event").GetString());
        Assert.Equal(["school", "family"], root.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal("none", root.GetProperty("risk").GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("who").ValueKind);
        Assert.Empty(root.GetProperty("concepts").EnumerateArray());
        Assert.Empty(root.GetProperty("caution").EnumerateArray());
        Assert.Empty(root.GetProperty("matched").EnumerateArray());
    }

    [Theory]
    [InlineData("he put his hands round my neck again, he checks my phone so dont ring", "high", "from-others", "strangulation", "phone-may-be-read,do-not-call")]
    [InlineData("my mate says shes been cutting", "review", "third-party", "cutting", "")]
    [InlineData("wanna kms lol", "high", "sender", "suicidal-word", "")]
    [InlineData("1. dead tired", "high", "sender", "very-low-score-with-death-word", "")]
    public async Task Parse_ARiskyReply_PrintsTheTierWhoIsAtRiskTheConceptsAndTheCaution(string text, string tier, string who, string concept, string caution)
    {
        var result = await RunAsync(["parse", text], stdin: null);

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output.Trim());
        var root = json.RootElement;
        Assert.Equal(tier, root.GetProperty("risk").GetString());
        Assert.Equal(who, root.GetProperty("who").GetString());
        Assert.Contains(concept, root.GetProperty("concepts").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal(caution, string.Join(',', root.GetProperty("caution").EnumerateArray().Select(c => c.GetString())));
        Assert.NotEmpty(root.GetProperty("matched").EnumerateArray());
    }

    [Fact]
    public async Task Parse_WithAScaleOption_ReadsOnThatScaleAndSaysWhyANumberIsOutOfIt()
    {
        var result = await RunAsync(["parse", "--scale", "1-5", "8/10 not suicidal"], stdin: null);

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output.Trim());
        var root = json.RootElement;
        Assert.Equal(JsonValueKind.Null, root.GetProperty("mood").ValueKind);
        Assert.Equal("1-5", root.GetProperty("scale").GetString());
        Assert.Contains("1-5", root.GetProperty("moodNote").GetString(), StringComparison.Ordinal);
        Assert.Equal("review", root.GetProperty("risk").GetString());
        Assert.Equal(["not suicidal"], root.GetProperty("matched").EnumerateArray().Select(t => t.GetString()));
    }

    [Fact]
    public async Task Parse_WithAnUnknownScale_ExitsWithAUsageError()
    {
        var result = await RunAsync(["parse", "--scale", "1-7", "5"], stdin: null);

        Assert.Equal(64, result.ExitCode);
        Assert.Contains("Unknown scale '1-7'", result.Error, StringComparison.Ordinal);
        Assert.Equal("", result.Output.Trim());
    }

    [Fact]
    public async Task Parse_FromStandardInput_AnswersThousandsOfLinesInOrder()
    {
        // Every 0-10 row of the corpus, ten times over: a few thousand replies through one process.
        var rows = ReplyCorpus.Rows.Where(r => r.Scale == MoodScale.ZeroToTen && !r.Text.Contains('\n', StringComparison.Ordinal)).ToList();
        var lines = Enumerable.Repeat(rows, 10).SelectMany(r => r).ToList();
        var stdin = string.Join('\n', lines.Select(r => r.Text)) + "\n";

        var result = await RunAsync(["parse", "-"], stdin);

        Assert.Equal(0, result.ExitCode);
        var output = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(lines.Count >= 3000, $"only {lines.Count} lines");
        Assert.Equal(lines.Count, output.Length);
        for (var i = 0; i < lines.Count; i++)
        {
            using var json = JsonDocument.Parse(output[i]);
            var mood = json.RootElement.GetProperty("mood");
            double? actual = mood.ValueKind == JsonValueKind.Null ? null : mood.GetDouble();
            var parsed = Domain.Replies.ReplyParser.Default.Parse(lines[i].Text, lines[i].Scale).Mood;
            Assert.True(parsed == actual, $"line {i + 1} ({lines[i]}): mood {actual?.ToString(CultureInfo.InvariantCulture) ?? "null"}");
            // The verb prints what the reader reads in process (the corpus tests judge the reading itself).
            var expected = Domain.Safeguarding.RiskDetector.Default.Assess(lines[i].Text, actual, lines[i].Scale).Level.ToString().ToLowerInvariant();
            Assert.True(json.RootElement.GetProperty("risk").GetString() == expected, $"line {i + 1} ({lines[i]}): risk not {expected}");
        }
    }

    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(string[] args, string? stdin) =>
        await GatewayProcess.RunAsync(s_unreachableDatabase, stdin, args);

    // A PostgreSQL server that does not exist: if the verb touched the database it would fail.
    private static readonly KeyValuePair<string, string?>[] s_unreachableDatabase =
    [
        new("Database:Provider", "Postgres"),
        new("ConnectionStrings:Buddy", "Host=127.0.0.1;Port=9;Username=nobody;Timeout=2"),
    ];
}
