using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Buddy.Domain.Organisations;
using Buddy.Domain.Replies;
using Buddy.Domain.Safeguarding;
using Buddy.Gateway.Hosting;

namespace Buddy.Gateway.Replies;

/// <summary>
/// <c>Gateway parse "&lt;text&gt;"</c> prints what Buddy makes of a reply as one JSON object; <c>Gateway parse -</c>
/// reads one reply per line from standard input and prints one object per line, in order. For support staff,
/// scripts and tests: it needs no database or network.
/// </summary>
internal sealed class ParseVerb(ReplyParser parser, RiskDetector detector) : ICommandVerb
{
    private static readonly JsonWriterOptions s_json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public string Name => "parse";

    public bool AppliesSchemaFirst => false;

    public string Usage => "parse [--scale 0-10|1-10|1-5] \"<text>\" | -   print mood, event, tags, risk tier, who is at risk, concepts and caution of a reply as JSON (- reads lines from stdin)";

    public async Task<int> RunAsync(IReadOnlyList<string> args, TextReader input, TextWriter output, CancellationToken cancellationToken)
    {
        var scale = MoodScale.ZeroToTen;
        var words = new List<string>();
        var fromInput = false;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            string? scaleText = null;
            if (arg == "--scale")
            {
                scaleText = i + 1 < args.Count ? args[++i] : "";
            }
            else if (arg.StartsWith("--scale=", StringComparison.Ordinal))
            {
                scaleText = arg["--scale=".Length..];
            }
            else if (arg == "-")
            {
                fromInput = true;
                continue;
            }
            else
            {
                words.Add(arg);
                continue;
            }

            if (!MoodScaleText.TryParse(scaleText, out scale))
            {
                await Console.Error.WriteLineAsync($"Unknown scale '{scaleText}': use 0-10, 1-10 or 1-5.");
                return 64;
            }
        }

        if (fromInput == (words.Count > 0))
        {
            await Console.Error.WriteLineAsync($"Usage: Gateway {Usage}");
            return 64;
        }

        if (!fromInput)
        {
            await output.WriteLineAsync(ToJson(string.Join(' ', words), scale));
            return 0;
        }

        // Batched writes: thousands of lines should not cost thousands of console flushes.
        var batch = new StringBuilder();
        while (await input.ReadLineAsync(cancellationToken) is { } line)
        {
            batch.Append(ToJson(line, scale)).Append('\n');
            if (batch.Length > 32_000)
            {
                await output.WriteAsync(batch, cancellationToken);
                batch.Clear();
            }
        }

        await output.WriteAsync(batch, cancellationToken);
        await output.FlushAsync(cancellationToken);
        return 0;
    }

    private string ToJson(string text, MoodScale scale)
    {
        var parsed = parser.Parse(text, scale);
        var risk = detector.Assess(text, parsed.Mood, scale); // a very low score with a death word is High
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, s_json))
        {
            json.WriteStartObject();
            if (parsed.Mood is { } mood)
            {
                json.WriteNumber("mood", mood);
            }
            else
            {
                json.WriteNull("mood");
            }

            json.WriteString("scale", scale.ToRangeText());
            json.WriteString("moodNote", parsed.MoodNote);
            json.WriteString("event", parsed.Event);
            json.WriteStartArray("tags");
            foreach (var tag in parsed.Tags)
            {
                json.WriteStringValue(tag);
            }

            json.WriteEndArray();
            json.WriteBoolean("correction", parsed.IsCorrection);
            json.WriteString("risk", risk.Level.ToString().ToLowerInvariant());
            json.WriteString("who", RiskLabels.Who(risk.Subject));
            WriteArray(json, "concepts", risk.Concepts);
            WriteArray(json, "caution", RiskLabels.Cautions(risk.Caution));
            WriteArray(json, "matched", risk.Matched);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private static void WriteArray(Utf8JsonWriter json, string name, IEnumerable<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }
}
