using System.Reflection;
using System.Text.RegularExpressions;
using Buddy.Tests.Support;

namespace Buddy.Tests.ClinicalSafety;

/// <summary>
/// The DCB0129 hazard log cites a test for every control it calls proved. A renamed or deleted test would leave a
/// control claimed without evidence, so every citation must name a test that exists in this assembly.
/// </summary>
public sealed partial class HazardLogTests
{
    private static readonly string s_logPath = Path.Combine(SharedFiles.RepositoryRoot, "docs", "clinical-safety", "hazard-log.md");

    [Fact]
    public void EveryCitedTest_ExistsInTheTestAssembly()
    {
        var citations = Citations().ToList();
        Assert.True(citations.Count > 40, $"Expected the hazard log to cite its evidence; found {citations.Count} citations.");

        var missing = citations.Where(c => !Exists(c)).ToList();

        Assert.True(missing.Count == 0, "Cited in the hazard log but not found as a test:\n" + string.Join("\n", missing));
    }

    [Fact]
    public void EveryCitation_IsOnMain()
    {
        var pending = File.ReadLines(s_logPath).Where(line => line.Contains("| feature/", StringComparison.Ordinal)).ToList();

        Assert.True(pending.Count == 0, "Evidence still marked as on a feature branch:\n" + string.Join("\n", pending));
    }

    /// <summary>`Folder/Sub/Class.Method` in backticks, as the log writes them.</summary>
    private static IEnumerable<string> Citations() =>
        CitationPattern().Matches(File.ReadAllText(s_logPath)).Select(m => m.Groups[1].Value).Distinct();

    private static bool Exists(string citation)
    {
        var lastDot = citation.LastIndexOf('.');
        var typeName = "Buddy.Tests." + citation[..lastDot].Replace('/', '.');
        var method = citation[(lastDot + 1)..];
        var type = typeof(HazardLogTests).Assembly.GetType(typeName);
        return type?.GetMethod(method, BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static) is { } found
            && found.GetCustomAttributes().Any(a => a is FactAttribute);
    }

    [GeneratedRegex(@"`((?:[A-Z][A-Za-z0-9]*/)+[A-Z][A-Za-z0-9]*\.[A-Z][A-Za-z0-9_]*)`")]
    private static partial Regex CitationPattern();
}
