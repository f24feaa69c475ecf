using System.Diagnostics;
using System.Text.Json;
using Buddy.Domain.Templates;
using Buddy.Tests.Support;

namespace Buddy.Tests.Templates;

/// <summary>The live counter in the browser (wwwroot/js/sms-segments.js) must agree with the server on every case.</summary>
public class SmsSegmentsScriptTests
{
    [RequiresNodeFact]
    public async Task Measure_WhenRunInNode_MatchesTheDomainCounterOnEveryCase()
    {
        var texts = SmsSegmentsTests.Cases.Select(row => (string)row[1]).ToList();
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(root.FullName, "Buddy.sln")))
        {
            root = root.Parent!;
        }

        var script = Path.Combine(root.FullName, "Gateway", "wwwroot", "js", "sms-segments.js");
        var program = $"const s = require({JsonSerializer.Serialize(script)}); const texts = JSON.parse(require('fs').readFileSync(0, 'utf8'));" +
                      "process.stdout.write(JSON.stringify(texts.map(s.measure)));";
        var start = new ProcessStartInfo("node", ["-e", program]) { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        using var node = Process.Start(start)!;
        await node.StandardInput.WriteAsync(JsonSerializer.Serialize(texts));
        node.StandardInput.Close();
        var output = await node.StandardOutput.ReadToEndAsync();
        await node.WaitForExitAsync();
        Assert.True(node.ExitCode == 0, await node.StandardError.ReadToEndAsync());

        var fromScript = JsonSerializer.Deserialize<List<JsonElement>>(output)!;
        for (var i = 0; i < texts.Count; i++)
        {
            var expected = SmsSegments.Measure(texts[i]);
            var actual = fromScript[i];
            Assert.Equal(
                (expected.Encoding.ToString(), expected.Units, expected.Segments, expected.UnitsPerSegment, expected.RemainingInSegment, string.Join("", expected.NonGsmCharacters)),
                (actual.GetProperty("encoding").GetString(), actual.GetProperty("units").GetInt32(), actual.GetProperty("segments").GetInt32(),
                 actual.GetProperty("unitsPerSegment").GetInt32(), actual.GetProperty("remainingInSegment").GetInt32(),
                 string.Join("", actual.GetProperty("nonGsmCharacters").EnumerateArray().Select(c => c.GetString()))));
        }
    }
}
